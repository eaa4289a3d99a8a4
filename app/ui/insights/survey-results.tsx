import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { type ThemeId, themeLabels } from "~/domain/insights/themes";
import { TOWN_CENTER, TOWN_ZOOM } from "~/domain/places/heemstede";
import { channelLabel } from "~/domain/surveys/channels";
import type { loader } from "~/routes/beheer.enquetes_.$id_.resultaten";
import { ColumnChart } from "~/ui/charts/bar-chart";
import { Alert, Heading, Paragraph } from "~/ui/content";
import { MapPointMap } from "./map-point-map";
import {
  MapPointList,
  nl,
  QuestionResultView,
  RepresentativenessTable,
  ResultsTable,
  SUPPRESSED,
} from "./result-views";

// The sections of the staff results page of a survey (routes/beheer.enquetes_.$id_.resultaten): the
// page's table of contents, the exports, the response, the representativeness, the answers per question
// and the open and map questions.

type PageData = SerializeFrom<typeof loader>;
type Results = PageData["results"];

const methodLabels: Record<string, string> = {
  none: "Geen weging: er zijn geen bevolkingscijfers of achtergrondvragen.",
  raking: "Gewogen naar leeftijd, woonsituatie en wijk (raking: iteratief aanpassen aan elke verdeling).",
  "post-stratification+raking":
    "Gewogen naar leeftijd × woonsituatie (bekende kruistabel, poststratificatie) en naar wijk (raking).",
};

function week(value: string) {
  return new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "short" }).format(new Date(value));
}

/** Links to the page's sections. */
export function ResultsContents() {
  return (
    <nav aria-label="Op deze pagina" className="wmh-no-print">
      <ul>
        <li>
          <a href="#respons" className="utrecht-link">
            Respons
          </a>
        </li>
        <li>
          <a href="#representativiteit" className="utrecht-link">
            Wie hebben gereageerd
          </a>
        </li>
        <li>
          <a href="#vragen" className="utrecht-link">
            Antwoorden per vraag
          </a>
        </li>
        <li>
          <a href="#open" className="utrecht-link">
            Open antwoorden en kaartvragen
          </a>
        </li>
      </ul>
    </nav>
  );
}

/** The CSV and Excel downloads, with what they contain. */
export function ResultsExports({ surveyId }: { surveyId: number }) {
  return (
    <div className="wmh-no-print">
      <Heading level={2}>Exporteren</Heading>
      <Paragraph>
        De export bevat één regel per respondent met een pseudoniem nummer. Geboortejaar en postcode staan er
        als leeftijdsgroep en wijk in; persoonsgegevens in open antwoorden zijn vervangen. Elke export wordt
        vastgelegd in het auditlog.
      </Paragraph>
      <ul>
        <li>
          <a href={`/beheer/enquetes/${surveyId}/export/csv`} className="utrecht-link" download>
            Antwoorden downloaden als CSV
          </a>
        </li>
        <li>
          <a href={`/beheer/enquetes/${surveyId}/export/xlsx`} className="utrecht-link" download>
            Antwoorden downloaden als Excel (met codeboek en gecodeerde open antwoorden)
          </a>
        </li>
      </ul>
    </div>
  );
}

/** Submitted and in-progress responses, per channel and per week. */
export function ResponseSection({ overview }: { overview: Results["overview"] }) {
  return (
    <section aria-labelledby="respons">
      <Heading level={2} id="respons">
        Respons
      </Heading>
      <ul className="wmh-keyfigures">
        <li>
          <strong>{overview.total}</strong> ingestuurd
        </li>
        <li>
          <strong>{overview.inProgress}</strong> nog bezig
        </li>
        {overview.perChannel.map((c) => (
          <li key={c.channel}>
            <strong>{c.count ?? SUPPRESSED}</strong> via {channelLabel(c.channel)}
          </li>
        ))}
      </ul>
      {overview.perWeek.length > 0 ? (
        <>
          <ColumnChart
            description="Kolomdiagram van de respons per week; de cijfers staan in de tabel hieronder."
            columns={overview.perWeek.map((w) => ({ label: week(w.week), value: w.total }))}
          />
          <ResultsTable caption="Respons per week (week begint op maandag) en kanaal">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {[
                  "Week van",
                  ...overview.perChannel.map((c) => `Via ${channelLabel(c.channel)}`),
                  "Totaal",
                ].map((h) => (
                  <th key={h} scope="col" className="utrecht-table__header-cell">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {overview.perWeek.map((w) => (
                <tr key={w.week} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__cell">
                    {week(w.week)}
                  </th>
                  {[...w.channels, w.total].map((n, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
                    <td key={i} className="utrecht-table__cell utrecht-table__cell--numeric">
                      {n ?? SUPPRESSED}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </ResultsTable>
        </>
      ) : (
        <Paragraph>Er zijn nog geen ingestuurde antwoorden.</Paragraph>
      )}
    </section>
  );
}

/** Who responded compared with the population, and how the answers are weighted. */
export function RepresentativenessSection({ results }: { results: Results }) {
  const { overview, weighting } = results;
  return (
    <section aria-labelledby="representativiteit">
      <Heading level={2} id="representativiteit">
        Wie hebben gereageerd
      </Heading>
      {results.populationIsDemo ? (
        <Alert type="warning">
          De bevolkingscijfers zijn voorbeeldcijfers (demo). Vervang ze door cijfers van CBS of de gemeente
          voordat u conclusies trekt.
        </Alert>
      ) : null}
      <Paragraph>
        {methodLabels[weighting.method]} Effectieve steekproefomvang:{" "}
        {nl.format(Math.round(weighting.effectiveSampleSize))} van {weighting.respondents} respondenten. Hoe
        verder de respondenten afwijken van de inwoners, hoe kleiner dit getal en hoe breder de intervallen.
        {weighting.trimmed > 0 ? ` ${weighting.trimmed} gewichten zijn afgetopt (tussen 0,2 en 5).` : ""}
      </Paragraph>
      <Paragraph>
        De weging gaat over alle kanalen samen:{" "}
        {overview.perChannel
          .filter((c) => c.count !== 0)
          .map((c) => `${c.count ?? SUPPRESSED} via ${channelLabel(c.channel)}`)
          .join(", ") || "nog geen antwoorden"}
        . Papieren vragenlijsten tellen even zwaar als online antwoorden.
      </Paragraph>
      {weighting.emptyCategories.length > 0 ? (
        <Alert type="warning">
          Van deze groepen inwoners heeft niemand gereageerd. Zij kunnen niet worden bijgewogen:
          <ul>
            {weighting.emptyCategories.map((e) => (
              <li key={`${e.dimension}:${e.category}`}>
                {e.dimension}: {e.label}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {results.representativeness.map((r) => (
        <div key={r.variable}>
          <Heading level={3}>{r.label}</Heading>
          <RepresentativenessTable r={r} />
        </div>
      ))}
    </section>
  );
}

/** The answers per closed question, grouped by theme. */
export function QuestionsSection({ questions }: { questions: Results["questions"] }) {
  const byTheme = new Map<number | null, Results["questions"]>();
  for (const q of questions) byTheme.set(q.theme, [...(byTheme.get(q.theme) ?? []), q]);
  return (
    <section aria-labelledby="vragen">
      <Heading level={2} id="vragen">
        Antwoorden per vraag
      </Heading>
      <Paragraph>
        Percentages met een 95%-betrouwbaarheidsinterval (Wilson). Groepen en antwoorden van minder dan 10
        respondenten worden niet getoond.
      </Paragraph>
      {[...byTheme].map(([theme, qs]) => (
        <div key={theme ?? "geen"}>
          {theme ? (
            <p className="utrecht-paragraph">
              <span className="wmh-tag">
                Thema {theme}: {themeLabels[theme as ThemeId]}
              </span>
            </p>
          ) : null}
          {qs.map((q) => (
            <QuestionResultView key={q.key} q={q} />
          ))}
        </div>
      ))}
    </section>
  );
}

/** The open questions (with a link to coding them) and the map questions. */
export function OpenAndMapSection({
  results,
  canCode,
  tiles,
}: {
  results: Results;
  canCode: boolean;
  tiles: PageData["tiles"];
}) {
  const { survey } = results;
  return (
    <section aria-labelledby="open">
      <Heading level={2} id="open">
        Open antwoorden en kaartvragen
      </Heading>
      {results.openQuestions.length === 0 ? (
        <Paragraph>Deze enquête heeft geen open vragen.</Paragraph>
      ) : null}
      <ul>
        {results.openQuestions.map((q) => (
          <li key={q.key}>
            {q.text} ({q.answered} antwoorden){" "}
            {canCode ? (
              <Link to={`/beheer/enquetes/${survey.id}/coderen/${q.key}`} className="utrecht-link">
                Coderen<span className="wmh-visually-hidden">: {q.text}</span>
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
      {results.mapQuestions.map((m) => (
        <div key={m.key}>
          <Heading level={3}>{m.text}</Heading>
          {!m.shown ? (
            <Paragraph>
              {m.answered > 0 ? "Minder dan 10 antwoorden; niet getoond." : "Nog geen antwoorden."}
            </Paragraph>
          ) : (
            <>
              <MapPointMap
                groups={m.groups}
                question={m.text}
                tiles={tiles}
                center={TOWN_CENTER}
                zoom={TOWN_ZOOM}
              />
              <MapPointList summary={m.summary} caption={m.text} />
            </>
          )}
        </div>
      ))}
    </section>
  );
}
