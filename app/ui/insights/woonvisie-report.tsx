import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { inputSourceLabels, inputSources, participationRoles } from "~/domain/insights/input-items";
import { MIN_CELL } from "~/domain/insights/statistics";
import { NO_FINDINGS } from "~/domain/insights/summary";
import { type ThemeId, themeIds, themeLabels } from "~/domain/insights/themes";
import { channelLabel } from "~/domain/surveys/channels";
import type { loader } from "~/routes/beheer.woonvisie-input_.$projectId";
import { DemoBadge, formatDate, Heading, Paragraph } from "../content";
import { MapPointList, nl, QuestionResultView, ResultsTable, SUPPRESSED } from "./result-views";

// The sections of the Woonvisie input report (routes/beheer.woonvisie-input_.$projectId): the summary
// per theme, the table of contents, one section per theme and the account of the participation.

export type ReportData = SerializeFrom<typeof loader>;
type Report = ReportData["report"];

/** Per theme the three main findings (or the researcher's edited text). */
export function SummarySection({
  summary,
  projectId,
  canEditSummary,
}: {
  summary: ReportData["summary"];
  projectId: number;
  canEditSummary: boolean;
}) {
  return (
    <section className="wmh-report-summary" aria-labelledby="samenvatting">
      <Heading level={2} id="samenvatting">
        Samenvatting: de belangrijkste uitkomsten per thema
      </Heading>
      <Paragraph>
        Per thema de drie belangrijkste uitkomsten, met de cijfers waarop ze rusten (n = aantal mensen dat de
        vraag beantwoordde; gewogen = gecorrigeerd naar de bevolking van Heemstede). Uitkomsten van minder dan
        10 mensen staan er nooit in.
      </Paragraph>
      {canEditSummary ? (
        <p className="utrecht-paragraph wmh-no-print">
          <Link to={`/beheer/woonvisie-input/${projectId}/samenvatting`} className="utrecht-link">
            Samenvatting aanpassen
          </Link>
        </p>
      ) : null}
      {summary.map((t) => (
        <section key={t.theme} aria-labelledby={`samenvatting-${t.theme}`}>
          <Heading level={3} id={`samenvatting-${t.theme}`}>
            Thema {t.theme}: {t.label}
          </Heading>
          {t.edited ? (
            <>
              <ol>
                {t.edited.lines.map((line, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: lines of one stored text, in order
                  <li key={i}>{line}</li>
                ))}
              </ol>
              <p className="utrecht-paragraph">
                <small>Tekst aangepast door de onderzoeker op {formatDate(t.edited.updatedAt)}.</small>
              </p>
            </>
          ) : t.generated.length === 0 ? (
            <Paragraph>{NO_FINDINGS}</Paragraph>
          ) : (
            <ol>
              {t.generated.map((f) => (
                <li key={f.key}>
                  {f.text} <span className="wmh-report-figures">Cijfers: {f.figures}.</span>
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </section>
  );
}

export function ReportContents() {
  return (
    <nav aria-label="Inhoud van het rapport">
      <Heading level={2}>Inhoud</Heading>
      <ol>
        <li>
          <a href="#samenvatting" className="utrecht-link">
            Samenvatting
          </a>
        </li>
        {themeIds.map((t) => (
          <li key={t}>
            <a href={`#thema-${t}`} className="utrecht-link">
              {themeLabels[t]}
            </a>
          </li>
        ))}
        <li>
          <a href="#verantwoording" className="utrecht-link">
            Verantwoording van de participatie
          </a>
        </li>
      </ol>
    </nav>
  );
}

/** One theme: survey results, coded open answers with quotes, map points and input from other tracks. */
export function ThemeSection({
  t,
  questions,
  maps,
  report,
}: {
  t: ThemeId;
  questions: (Report["surveys"][number]["questions"][number] & { surveyTitle: string })[];
  maps: (Report["surveys"][number]["mapQuestions"][number] & { theme: number | null })[];
  report: Report;
}) {
  const themeQuestions = questions.filter((q) => q.theme === t);
  const themeCodes = report.coded.find((c) => c.theme === t);
  const themeMaps = maps.filter((m) => m.theme === t);
  const items = report.inputItems.filter((i) => i.theme === t);
  return (
    <section className="wmh-theme" aria-labelledby={`thema-${t}`}>
      <Heading level={2} id={`thema-${t}`}>
        Thema {t}: {themeLabels[t]}
      </Heading>

      <Heading level={3}>Wat zeggen inwoners in de enquête?</Heading>
      {themeQuestions.length === 0 ? <Paragraph>Geen gesloten vragen bij dit thema.</Paragraph> : null}
      {themeQuestions.map((q) => (
        <QuestionResultView key={`${q.surveyTitle}-${q.key}`} q={q} headingLevel={4} />
      ))}

      <Heading level={3}>Open antwoorden</Heading>
      {themeCodes && themeCodes.codes.length > 0 ? (
        <CodeTable codes={themeCodes.codes} caption={`Open antwoorden bij ${themeLabels[t]}, naar code`} />
      ) : (
        <Paragraph>Nog geen geaccepteerde codes bij dit thema.</Paragraph>
      )}
      {themeCodes?.quotes.map((q) => (
        <blockquote key={q.answerId} className="wmh-quote">
          “{q.text}”
        </blockquote>
      ))}

      {themeMaps.length > 0 ? (
        <>
          <Heading level={3}>Plekken op de kaart</Heading>
          {themeMaps.map((m) => (
            <div key={m.key}>
              <Heading level={4}>{m.text}</Heading>
              {!m.shown ? (
                <Paragraph>Minder dan 10 antwoorden; niet getoond.</Paragraph>
              ) : (
                <MapPointList summary={m.summary} caption={m.text} />
              )}
            </div>
          ))}
        </>
      ) : null}

      <Heading level={3}>Inbreng uit andere sporen</Heading>
      {items.length === 0 ? <Paragraph>Geen inbreng uit andere sporen bij dit thema.</Paragraph> : null}
      {inputSources.map((source) => {
        const list = items.filter((i) => i.source === source);
        if (list.length === 0) return null;
        return (
          <div key={source}>
            <Heading level={4}>{inputSourceLabels[source]}</Heading>
            <ul>
              {list.map((i) => (
                <li key={i.id}>
                  <strong>{i.title}</strong> ({formatDate(i.itemDate)}) {i.isDemo ? <DemoBadge /> : null}
                  <br />
                  {i.text}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

/** Who took part in which role, what each track yielded, and the limits of representativeness. */
export function AccountabilitySection({ report, notes }: { report: Report; notes: ReportData["notes"] }) {
  const { surveys, inputItems } = report;
  return (
    <section className="wmh-theme" aria-labelledby="verantwoording">
      <Heading level={2} id="verantwoording">
        Verantwoording van de participatie
      </Heading>
      <Heading level={3}>Wie is betrokken, en in welke rol</Heading>
      <ParticipationRolesTable />
      <Heading level={3}>Wat elk spoor heeft opgeleverd</Heading>
      <ul>
        {surveys.map((s) => (
          <li key={s.survey.id}>
            Enquête “{s.survey.title}”: {s.overview.total} ingevulde vragenlijsten (
            {s.overview.perChannel
              .filter((c) => c.count !== 0)
              .map((c) => `${c.count ?? SUPPRESSED} via ${channelLabel(c.channel)}`)
              .join(", ")}
            ).
          </li>
        ))}
        {inputSources.map((source) => {
          const n = inputItems.filter((i) => i.source === source).length;
          return (
            <li key={source}>
              {inputSourceLabels[source]}:{" "}
              {n === 0 ? "geen inbreng vastgelegd" : `${n} ${n === 1 ? "punt" : "punten"} inbreng`}.
            </li>
          );
        })}
      </ul>
      <Heading level={3}>Grenzen van de representativiteit</Heading>
      {surveys.map((s) => (
        <div key={s.survey.id}>
          <Paragraph>
            Enquête “{s.survey.title}”: {s.weighting.respondents} respondenten met bekende achtergrond,
            effectief {nl.format(Math.round(s.weighting.effectiveSampleSize))} na weging. De weging gaat over
            alle kanalen samen (
            {s.overview.perChannel
              .filter((c) => c.count !== 0)
              .map((c) => channelLabel(c.channel))
              .join(", ")}
            ). Groepen en antwoorden van minder dan {MIN_CELL} respondenten staan niet in dit rapport.
          </Paragraph>
          <ul>
            {notes
              .find((n) => n.surveyId === s.survey.id)
              ?.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
          </ul>
        </div>
      ))}
      <Paragraph>
        De inbreng van de bewonersavond, de werkgroep en de stakeholders is kwalitatief: die laat zien welke
        argumenten er zijn, niet hoeveel inwoners er zo over denken.
      </Paragraph>
    </section>
  );
}

export function CodeTable({
  codes,
  caption,
}: {
  codes: { id: number; label: string; count: number }[];
  caption: string;
}) {
  return (
    <ResultsTable caption={caption}>
      <thead className="utrecht-table__header">
        <tr className="utrecht-table__row">
          <th scope="col" className="utrecht-table__header-cell">
            Code
          </th>
          <th scope="col" className="utrecht-table__header-cell">
            Aantal antwoorden
          </th>
        </tr>
      </thead>
      <tbody className="utrecht-table__body">
        {codes.map((c) => (
          <tr key={c.id} className="utrecht-table__row">
            <th scope="row" className="utrecht-table__cell">
              {c.label}
            </th>
            <td className="utrecht-table__cell utrecht-table__cell--numeric">
              {c.count < MIN_CELL ? SUPPRESSED : c.count}
            </td>
          </tr>
        ))}
      </tbody>
    </ResultsTable>
  );
}

/** Who takes part in the Woonvisie participation, and in which role. */
function ParticipationRolesTable() {
  return (
    <ResultsTable caption="Deelnemers en rollen (participatieplan Woonvisie)">
      <thead className="utrecht-table__header">
        <tr className="utrecht-table__row">
          <th scope="col" className="utrecht-table__header-cell">
            Wie
          </th>
          <th scope="col" className="utrecht-table__header-cell">
            Rol
          </th>
        </tr>
      </thead>
      <tbody className="utrecht-table__body">
        {participationRoles.map((r) => (
          <tr key={r.who} className="utrecht-table__row">
            <th scope="row" className="utrecht-table__cell">
              {r.who}
            </th>
            <td className="utrecht-table__cell">{r.role}</td>
          </tr>
        ))}
      </tbody>
    </ResultsTable>
  );
}
