import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { filterParams, PUBLIC_PAGE_SIZE } from "~/domain/monitor/forms";
import { publicOverview } from "~/domain/monitor/pages.server";
import { kindLabels, prioriteitLabels, tertiaalLabel } from "~/domain/monitor/vocabulary";
import { countPages } from "~/lib/forms";
import { Heading, Pagination, Paragraph } from "~/ui/content";
import { MonitorFilters } from "~/ui/monitor/filters";
import { StoplichtBadge, StoplichtBars, StoplichtLegend, StoplichtTable } from "~/ui/monitor/stoplicht";
import monitorCss from "~/ui/monitor.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: monitorCss }];

export const meta: MetaFunction = () => [
  { title: "Prestatieafspraken: hoe staat het ervoor? - Wij maken Heemstede" },
  {
    name: "description",
    content:
      "De afspraken van de gemeente, Elan Wonen, Pré Wonen en de huurdersorganisaties, met een stoplicht per tertiaal.",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  return publicOverview(new URL(request.url));
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function PublicMonitor() {
  const data = useLoaderData<typeof loader>();
  const { filter, rows, total } = data;
  const params = filterParams(filter, { page: 1 });
  params.delete("pagina");
  const query = params.toString();
  const pageCount = countPages(total, PUBLIC_PAGE_SIZE);
  const period = tertiaalLabel(filter.year, filter.tertiaal);
  return (
    <div className="wmh-stack">
      {/* A soft hyphen: on a phone the long word breaks as "Prestatie-afspraken", not mid-syllable. */}
      <Heading level={1}>Prestatie{"\u00AD"}afspraken: hoe staat het ervoor?</Heading>
      <Paragraph lead>
        De gemeente Heemstede, Elan Wonen, Pré Wonen en de huurdersorganisaties hebben samen afspraken gemaakt
        over wonen in Heemstede: de prestatieafspraken 2024 tot en met 2027. Drie keer per jaar (per tertiaal)
        kijken we hoe het met elke afspraak gaat. Dat ziet u hier met een stoplicht.
      </Paragraph>
      <Paragraph>
        Een stand is pas zichtbaar als de gemeente hem heeft bevestigd. Staat er &quot;Nog niet
        beoordeeld&quot;? Dan is er voor die periode nog geen bevestigde stand.
      </Paragraph>
      <MonitorFilters
        action="/prestatieafspraken"
        filter={filter}
        years={data.years}
        themes={data.themes}
        organisations={data.organisations}
      />
      <StoplichtLegend />

      <StandPerTheme data={data} period={period} />

      <StandPerTrekker data={data} period={period} />

      <section aria-labelledby="afspraken" className="wmh-stack">
        <Heading level={2} id="afspraken">
          De afspraken
        </Heading>
        <p className="utrecht-paragraph" aria-live="polite">
          {total === 1 ? "1 afspraak" : `${total} afspraken`} gevonden.
        </p>
        <ExportLinks query={query} />
        {rows.length === 0 ? <Paragraph>Er zijn geen afspraken die bij uw keuze passen.</Paragraph> : null}
        <ul className="wmh-agreement-list">
          {rows.map((r) => (
            <AgreementItem key={r.id} r={r} organisationNames={data.organisationNames} />
          ))}
        </ul>
        <Pagination
          page={filter.page}
          pageCount={pageCount}
          searchParams={filterParams(filter)}
          label="Pagina's met afspraken"
        />
      </section>
    </div>
  );
}

/** The stoplicht counts of the chosen period per theme: bars, and the same counts in a table. */
function StandPerTheme({ data, period }: { data: LoaderData; period: string }) {
  const rows = data.summary.byTheme.map((t) => ({
    label: `${t.theme}. ${data.themes.find((x) => x.id === t.theme)?.label ?? ""}`,
    counts: t.counts,
  }));
  return (
    <section aria-labelledby="per-thema" className="wmh-stack">
      <Heading level={2} id="per-thema">
        Stand per thema, {period.toLowerCase()}
      </Heading>
      <StoplichtBars rows={rows} />
      <StoplichtTable
        caption={`Aantal afspraken per stoplicht en thema, ${period.toLowerCase()}`}
        rowHeader="Thema"
        rows={rows}
      />
    </section>
  );
}

function StandPerTrekker({ data, period }: { data: LoaderData; period: string }) {
  const rows = data.summary.byTrekker.map((t) => ({
    label: data.organisationNames[t.organisationId] ?? t.organisationId,
    counts: t.counts,
  }));
  return (
    <section aria-labelledby="per-trekker" className="wmh-stack">
      <Heading level={2} id="per-trekker">
        Stand per trekker
      </Heading>
      <Paragraph>Een afspraak met meer trekkers telt bij elke trekker mee.</Paragraph>
      <StoplichtBars rows={rows} />
      <StoplichtTable
        caption={`Aantal afspraken per stoplicht en trekker, ${period.toLowerCase()}`}
        rowHeader="Trekker"
        rows={rows}
      />
    </section>
  );
}

/** The same selection as a print version, CSV, Excel and open data. */
function ExportLinks({ query }: { query: string }) {
  return (
    <ul className="wmh-exports" aria-label="Download of druk af">
      <li>
        <Link className="utrecht-link" to={`/prestatieafspraken/afdrukken?${query}`}>
          Afdrukversie
        </Link>
      </li>
      <li>
        <a className="utrecht-link" href={`/prestatieafspraken/export/csv?${query}`}>
          Download als CSV
        </a>
      </li>
      <li>
        <a className="utrecht-link" href={`/prestatieafspraken/export/xlsx?${query}`}>
          Download als Excel (XLSX)
        </a>
      </li>
      <li>
        <a className="utrecht-link" href={`/prestatieafspraken/export/json?${query}`}>
          Open data (JSON)
        </a>
      </li>
    </ul>
  );
}

function AgreementItem({
  r,
  organisationNames,
}: {
  r: LoaderData["rows"][number];
  organisationNames: LoaderData["organisationNames"];
}) {
  return (
    <li>
      <h3 className="utrecht-heading-3">
        <Link className="utrecht-link" to={`/prestatieafspraken/${r.id}`}>
          {r.number}: {r.title}
        </Link>
      </h3>
      <p className="utrecht-paragraph">
        <StoplichtBadge stoplicht={r.stoplicht} />
      </p>
      <p className="utrecht-paragraph wmh-meta">
        {kindLabels[r.kind]} · Thema {r.theme}
        {r.subThemeLabel ? ` · ${r.subThemeLabel}` : ""} · Trekker:{" "}
        {r.trekkers.map((t) => organisationNames[t] ?? t).join(", ")}
        {r.prioriteit
          ? ` · Prioriteit: ${prioriteitLabels[r.prioriteit]}`
          : r.prioriteitAsWritten
            ? ` · Prioriteit: ${r.prioriteitAsWritten}`
            : ""}
      </p>
    </li>
  );
}
