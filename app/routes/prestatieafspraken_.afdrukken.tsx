import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { filterParams } from "~/domain/monitor/forms";
import { publicOverview } from "~/domain/monitor/pages.server";
import { kindLabels, prioriteitLabels, tertiaalLabel } from "~/domain/monitor/vocabulary";
import { Heading, Paragraph } from "~/ui/content";
import { DocumentText, StoplichtBadge, StoplichtLegend, StoplichtTable } from "~/ui/monitor/stoplicht";
import monitorCss from "~/ui/monitor.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: monitorCss }];

export const meta: MetaFunction = () => [{ title: "Prestatieafspraken, afdrukversie - Wij maken Heemstede" }];

// For the council and the jaarverslag: every agreement of the filter on one page, with the print CSS.
export async function loader({ request }: LoaderFunctionArgs) {
  return publicOverview(new URL(request.url), { all: true });
}

export default function PrintMonitor() {
  const data = useLoaderData<typeof loader>();
  const { filter, summary, rows } = data;
  const period = tertiaalLabel(filter.year, filter.tertiaal);
  const back = filterParams(filter, { page: 1 });
  return (
    <div className="wmh-stack">
      <p className="wmh-no-print">
        <Link className="utrecht-link" to={`/prestatieafspraken?${back}`}>
          Terug naar het overzicht
        </Link>{" "}
        · Druk deze pagina af met de afdrukfunctie van uw browser (Ctrl+P of Cmd+P).
      </p>
      <Heading level={1}>Monitor prestatieafspraken Heemstede: {period.toLowerCase()}</Heading>
      <Paragraph>
        {rows.length} afspraken
        {filter.theme ? `, thema ${filter.theme}` : ""}
        {filter.trekker ? `, trekker ${data.organisationNames[filter.trekker]}` : ""}
        {filter.q ? `, zoekwoord "${filter.q}"` : ""}. Alleen standen die de gemeente heeft bevestigd.
      </Paragraph>
      <StoplichtLegend />
      <StoplichtTable
        caption="Aantal afspraken per stoplicht en thema"
        rowHeader="Thema"
        rows={summary.byTheme.map((t) => ({
          label: `${t.theme}. ${data.themes.find((x) => x.id === t.theme)?.label ?? ""}`,
          counts: t.counts,
        }))}
      />
      <StoplichtTable
        caption="Aantal afspraken per stoplicht en trekker"
        rowHeader="Trekker"
        rows={summary.byTrekker.map((t) => ({
          label: data.organisationNames[t.organisationId] ?? t.organisationId,
          counts: t.counts,
        }))}
      />
      <ul className="wmh-agreement-list">
        {rows.map((r) => (
          <li key={r.id}>
            <h2 className="utrecht-heading-3">
              {r.number}: {r.title}
            </h2>
            <p className="utrecht-paragraph">
              <StoplichtBadge stoplicht={r.stoplicht} />
            </p>
            <p className="utrecht-paragraph wmh-meta">
              {kindLabels[r.kind]} · Thema {r.theme} · Trekker:{" "}
              {r.trekkers.map((t) => data.organisationNames[t] ?? t).join(", ")}
              {r.prioriteit
                ? ` · ${prioriteitLabels[r.prioriteit]}`
                : r.prioriteitAsWritten
                  ? ` · ${r.prioriteitAsWritten}`
                  : ""}
            </p>
            {r.explanation ? <DocumentText text={r.explanation} /> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
