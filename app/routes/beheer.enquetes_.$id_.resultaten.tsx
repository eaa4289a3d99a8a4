import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import leafletCss from "leaflet/dist/leaflet.css?url";
import { requireRole } from "~/domain/auth/auth.server";
import { hasAnyRole, staffAccess } from "~/domain/auth/roles";
import { getSurveyResults } from "~/domain/insights/results.server";
import { type ThemeId, themeLabels } from "~/domain/insights/themes";
import { TOWN_CENTER, TOWN_ZOOM } from "~/domain/places/heemstede";
import { tileConfig } from "~/domain/places/tiles.server";
import { channelLabel } from "~/domain/surveys/channels";
import { ColumnChart } from "~/ui/charts/bar-chart";
import { Alert, DemoBadge, Heading, Paragraph } from "~/ui/content";
import { MapPointMap } from "~/ui/insights/map-point-map";
import {
  MapPointList,
  nl,
  QuestionResultView,
  RepresentativenessTable,
  SUPPRESSED,
} from "~/ui/insights/result-views";
import insightsCss from "~/ui/insights.css?url";
import mapCss from "~/ui/map.css?url";
import { TableScroll } from "~/ui/table-scroll";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: insightsCss },
  { rel: "stylesheet", href: leafletCss },
  { rel: "stylesheet", href: mapCss },
];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Resultaten ${data?.results.survey.title ?? ""} - Beheer - Wij maken Heemstede` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, staffAccess["beheer.enquetes_.$id_.resultaten"]);
  const id = Number(params.id);
  const results = Number.isSafeInteger(id) && id > 0 ? await getSurveyResults(id) : null;
  if (!results) throw new Response("Deze enquête bestaat niet", { status: 404 });
  return {
    results,
    canCode: hasAnyRole(user.roles, staffAccess["beheer.enquetes_.$id_.coderen.$vraag"]),
    canExport: hasAnyRole(user.roles, staffAccess["beheer.enquetes_.$id_.export.$formaat"]),
    tiles: tileConfig(),
  };
}

const methodLabels: Record<string, string> = {
  none: "Geen weging: er zijn geen bevolkingscijfers of achtergrondvragen.",
  raking: "Gewogen naar leeftijd, woonsituatie en wijk (raking: iteratief aanpassen aan elke verdeling).",
  "post-stratification+raking":
    "Gewogen naar leeftijd × woonsituatie (bekende kruistabel, poststratificatie) en naar wijk (raking).",
};

function week(value: string) {
  return new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "short" }).format(new Date(value));
}

export default function SurveyResultsPage() {
  const { results, canCode, canExport, tiles } = useLoaderData<typeof loader>();
  const { survey, overview, weighting } = results;
  const byTheme = new Map<number | null, typeof results.questions>();
  for (const q of results.questions) byTheme.set(q.theme, [...(byTheme.get(q.theme) ?? []), q]);
  return (
    <div className="wmh-stack">
      <Heading level={1}>
        Resultaten: {survey.title} {survey.isDemo ? <DemoBadge /> : null}
      </Heading>
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
      {canExport ? (
        <div className="wmh-no-print">
          <Heading level={2}>Exporteren</Heading>
          <Paragraph>
            De export bevat één regel per respondent met een pseudoniem nummer. Geboortejaar en postcode staan
            er als leeftijdsgroep en wijk in; persoonsgegevens in open antwoorden zijn vervangen. Elke export
            wordt vastgelegd in het auditlog.
          </Paragraph>
          <ul>
            <li>
              <a href={`/beheer/enquetes/${survey.id}/export/csv`} className="utrecht-link" download>
                Antwoorden downloaden als CSV
              </a>
            </li>
            <li>
              <a href={`/beheer/enquetes/${survey.id}/export/xlsx`} className="utrecht-link" download>
                Antwoorden downloaden als Excel (met codeboek en gecodeerde open antwoorden)
              </a>
            </li>
          </ul>
        </div>
      ) : null}

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
            <TableScroll label="Respons per week (week begint op maandag) en kanaal">
              <table className="utrecht-table wmh-results-table">
                <caption className="utrecht-table__caption">
                  Respons per week (week begint op maandag) en kanaal
                </caption>
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
              </table>
            </TableScroll>
          </>
        ) : (
          <Paragraph>Er zijn nog geen ingestuurde antwoorden.</Paragraph>
        )}
      </section>

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
    </div>
  );
}
