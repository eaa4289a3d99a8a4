// "Wat we hebben gehoord": one survey's published results for residents. Plain data in, no domain imports
// (app/ui knows nothing of the domain). Every chart has the same figures in a table below it.

import { BarChart } from "../charts/bar-chart";
import { formatDate } from "../content";
import { nl, pct, ResultsTable, SUPPRESSED, td, tdNum, th } from "./result-views";

export interface PublicResultsView {
  surveyTitle: string;
  responses: number;
  period: { from: string; to: string } | null;
  channels: { label: string; count: number | null }[];
  weighted: boolean;
  limits: { text: string; items?: string[] }[];
  questions: {
    key: string;
    text: string;
    theme: number | null;
    parts: {
      subLabel: string | null;
      base: number;
      mean: number | null;
      cells: { label: string; count: number | null; share: number | null }[];
    }[];
  }[];
  quotes: { text: string; theme: number | null }[];
  themes: { theme: number; label: string; response: string }[];
  publishedAt: string;
}

function paragraphs(text: string) {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The heading elements and ids of one results block: the page decides the level, the block the rest. */
interface Headings {
  H: "h2" | "h3";
  H2: "h3" | "h4";
  level: 2 | 3;
  idBase: string;
}

type Question = PublicResultsView["questions"][number];
type Part = Question["parts"][number];

export function PublicResults({ r, headingLevel = 2 }: { r: PublicResultsView; headingLevel?: 2 | 3 }) {
  const h: Headings = {
    H: `h${headingLevel}` as const,
    H2: `h${headingLevel + 1}` as "h3" | "h4",
    level: headingLevel,
    idBase: `r-${r.questions[0]?.key ?? "x"}-${r.publishedAt.replace(/\D/g, "")}`,
  };
  const weighting = r.weighted ? "gewogen" : "ongewogen";
  return (
    <div className="wmh-stack wmh-public-results">
      <RespondentsSection r={r} h={h} />
      {r.questions.length > 0 ? <QuestionsSection r={r} h={h} weighting={weighting} /> : null}
      {r.quotes.length > 0 ? <QuotesSection quotes={r.quotes} h={h} /> : null}
      {r.themes.length > 0 ? <ThemesSection themes={r.themes} h={h} /> : null}
      <p className="utrecht-paragraph">Gepubliceerd op {formatDate(r.publishedAt)}.</p>
    </div>
  );
}

/** "Wie hebben gereageerd?": the key figures, the channels and what the figures do and do not say. */
function RespondentsSection({ r, h: { H, H2, level, idBase } }: { r: PublicResultsView; h: Headings }) {
  return (
    <section aria-labelledby={`${idBase}-wie`}>
      <H id={`${idBase}-wie`} className={`utrecht-heading-${level}`}>
        Wie hebben gereageerd?
      </H>
      <ul className="wmh-keyfigures">
        <li>
          <strong>{nl.format(r.responses)}</strong> mensen stuurden de vragenlijst in
        </li>
        {r.period ? (
          <li>
            van <strong>{formatDate(r.period.from)}</strong> tot en met{" "}
            <strong>{formatDate(r.period.to)}</strong>
          </li>
        ) : null}
      </ul>
      {r.channels.length > 0 ? (
        <>
          <p className="utrecht-paragraph">Mensen konden op deze manieren meedoen:</p>
          <ul>
            {r.channels.map((c) => (
              <li key={c.label}>
                {c.label}
                {c.count !== null ? `: ${nl.format(c.count)} mensen` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <H2 className={`utrecht-heading-${level + 1}`}>Wat zeggen deze cijfers wel en niet?</H2>
      {r.limits.map((l) => (
        <div key={l.text}>
          <p className="utrecht-paragraph">{l.text}</p>
          {l.items ? (
            <ul>
              {l.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ))}
    </section>
  );
}

function QuestionsSection({ r, h, weighting }: { r: PublicResultsView; h: Headings; weighting: string }) {
  const { H, H2, level, idBase } = h;
  return (
    <section aria-labelledby={`${idBase}-vragen`}>
      <H id={`${idBase}-vragen`} className={`utrecht-heading-${level}`}>
        Antwoorden op de vragen
      </H>
      <p className="utrecht-paragraph">
        <span className="wmh-tag">Percentages {weighting}</span>{" "}
        {r.weighted
          ? "Gewogen: zo goed mogelijk omgerekend naar alle inwoners van Heemstede."
          : "Ongewogen: zoals de antwoorden binnenkwamen."}
      </p>
      {r.questions.map((q) => (
        <div key={q.key} className="wmh-question-result">
          <H2 className={`utrecht-heading-${level + 1}`}>{q.text}</H2>
          {q.parts.map((part) => (
            <Distribution key={part.subLabel ?? "hoofd"} question={q} part={part} weighting={weighting} />
          ))}
        </div>
      ))}
    </section>
  );
}

/** One distribution of a question (or of one of its sub-questions): the mean, a bar chart and its table. */
function Distribution({ question, part, weighting }: { question: Question; part: Part; weighting: string }) {
  const caption = `${part.subLabel ? `${part.subLabel}: ` : ""}${question.text} (${nl.format(part.base)} mensen, percentages ${weighting})`;
  return (
    <div className="wmh-distribution">
      {part.subLabel ? <p className="utrecht-paragraph wmh-sublabel">{part.subLabel}</p> : null}
      {part.mean !== null ? (
        <p className="utrecht-paragraph">
          Gemiddeld ({weighting}): {nl.format(part.mean)}
        </p>
      ) : null}
      {part.cells.length > 0 ? (
        <>
          <BarChart
            description={`Staafdiagram, percentages ${weighting}; de cijfers staan in de tabel hieronder.`}
            bars={part.cells.map((c) => ({ label: c.label, value: c.share }))}
          />
          <DistributionTable caption={caption} cells={part.cells} weighting={weighting} />
        </>
      ) : null}
    </div>
  );
}

/** The chart's figures as a table; a suppressed count (under 10) spans both figure columns. */
function DistributionTable({
  caption,
  cells,
  weighting,
}: {
  caption: string;
  cells: Part["cells"];
  weighting: string;
}) {
  return (
    <ResultsTable caption={caption}>
      <thead className="utrecht-table__header">
        <tr className="utrecht-table__row">
          <th scope="col" className={th}>
            Antwoord
          </th>
          <th scope="col" className={th}>
            Aantal mensen
          </th>
          <th scope="col" className={th}>
            Percentage ({weighting})
          </th>
        </tr>
      </thead>
      <tbody className="utrecht-table__body">
        {cells.map((c) => (
          <tr key={c.label} className="utrecht-table__row">
            <th scope="row" className={td}>
              {c.label}
            </th>
            {c.count === null ? (
              <td className={td} colSpan={2}>
                {SUPPRESSED}
              </td>
            ) : (
              <>
                <td className={tdNum}>{nl.format(c.count)}</td>
                <td className={tdNum}>{pct(c.share)}</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </ResultsTable>
  );
}

function QuotesSection({
  quotes,
  h: { H, level, idBase },
}: {
  quotes: PublicResultsView["quotes"];
  h: Headings;
}) {
  return (
    <section aria-labelledby={`${idBase}-citaten`}>
      <H id={`${idBase}-citaten`} className={`utrecht-heading-${level}`}>
        Wat mensen schreven
      </H>
      <p className="utrecht-paragraph">
        Een paar citaten uit de open antwoorden. Zonder namen of andere gegevens over wie het schreef.
      </p>
      <ul className="wmh-quotes">
        {quotes.map((q) => (
          <li key={q.text}>
            <blockquote>{q.text}</blockquote>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "Wat doet de gemeente ermee?": the gemeente's response per theme, in paragraphs. */
function ThemesSection({
  themes,
  h: { H, H2, level, idBase },
}: {
  themes: PublicResultsView["themes"];
  h: Headings;
}) {
  return (
    <section aria-labelledby={`${idBase}-gemeente`}>
      <H id={`${idBase}-gemeente`} className={`utrecht-heading-${level}`}>
        Wat doet de gemeente ermee?
      </H>
      {themes.map((t) => (
        <div key={t.theme}>
          <H2 className={`utrecht-heading-${level + 1}`}>
            Thema {t.theme}: {t.label}
          </H2>
          {paragraphs(t.response).map((p) => (
            <p key={p} className="utrecht-paragraph">
              {p}
            </p>
          ))}
        </div>
      ))}
    </section>
  );
}
