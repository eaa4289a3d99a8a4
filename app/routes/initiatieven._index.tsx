import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { filtersToParams, hasFilters, parseMapFilters } from "~/domain/initiatives/map-filters";
import { MAP_LEGEND } from "~/domain/initiatives/map-legend";
import { listPublicInitiatives, publicFilterOptions } from "~/domain/initiatives/public-map.server";
import { publicStatusOptions, STATUSES, type Status, statusWords } from "~/domain/initiatives/statuses";
import { themeOptions } from "~/domain/initiatives/themes";
import { TOWN_CENTER, TOWN_ZOOM } from "~/domain/places/heemstede";
import { tileConfig } from "~/domain/places/tiles.server";
import { listWijkOptions } from "~/domain/places/wijken.server";
import { pageParam } from "~/lib/forms";
import { Heading, Pagination, Paragraph } from "~/ui/content";
import { SelectField, TextField } from "~/ui/form";
import { InitiativesMap, MapLegend } from "~/ui/map/client-map";
import { InitiativeCard } from "~/ui/map/initiative-card";
import { MapListSwitch } from "~/ui/map/map-list-switch";
import mapCss from "~/ui/map.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: mapCss }];

export const meta: MetaFunction = () => [
  { title: "Initiatieven in Heemstede - Wij maken Heemstede" },
  {
    name: "description",
    content: "Bekijk op de kaart en in de lijst welke initiatieven er in uw buurt zijn.",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const filters = parseMapFilters(url.searchParams, publicFilterOptions);
  const page = pageParam(url);
  const [list, wijken] = await Promise.all([listPublicInitiatives(filters, page), listWijkOptions()]);
  return { filters, list, wijken, tiles: tileConfig() };
}

const statusLabels = Object.fromEntries(STATUSES.map((s) => [s.value, s.label]));

export default function InitiativesPage() {
  const { filters, list, wijken, tiles } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const params = filtersToParams(filters);
  const apiParams = new URLSearchParams();
  if (filters.theme) apiParams.set("theme", filters.theme);
  if (filters.status) apiParams.set("status", filters.status);
  if (filters.wijk) apiParams.set("wijk", filters.wijk);
  if (filters.q) apiParams.set("zoek", filters.q);
  const dataUrl = `/api/initiatieven.geojson?${apiParams.toString()}`;
  const from = (list.page - 1) * 10 + 1;
  return (
    <div className="wmh-stack">
      <Heading level={1}>Initiatieven in Heemstede</Heading>
      <Paragraph lead>
        Wij zijn trots op de vele initiatieven van inwoners. Op de kaart en in de lijst ziet u welke
        initiatieven er in uw buurt zijn. Wilt u meedoen? Open een initiatief en neem contact op met de
        initiatiefnemer.
      </Paragraph>

      <Form method="get" className="wmh-filters" aria-label="Initiatieven zoeken">
        <TextField name="zoek" type="search" label="Zoeken" defaultValue={filters.q ?? ""} maxLength={100} />
        <SelectField
          name="thema"
          label="Thema"
          placeholder="Alle thema's"
          options={themeOptions()}
          defaultValue={filters.theme ?? ""}
          key={`thema-${filters.theme ?? ""}`}
        />
        <SelectField
          name="status"
          label="Status"
          placeholder="Alle statussen"
          options={publicStatusOptions()}
          defaultValue={filters.status ? (statusWords[filters.status as Status] ?? "") : ""}
          key={`status-${filters.status ?? ""}`}
        />
        <SelectField
          name="wijk"
          label="Wijk"
          placeholder="Alle wijken"
          options={wijken}
          defaultValue={filters.wijk ?? ""}
          key={`wijk-${filters.wijk ?? ""}`}
        />
        <button type="submit" className="utrecht-button utrecht-button--primary-action">
          Filteren
        </button>
        {hasFilters(filters) ? (
          <Link to="/initiatieven" className="utrecht-link">
            Filters wissen
          </Link>
        ) : null}
      </Form>

      <p role="status" aria-live="polite" aria-busy={navigation.state === "loading"}>
        {list.total === 0
          ? "Er zijn geen initiatieven gevonden. Kies andere filters."
          : list.total === 1
            ? "1 initiatief gevonden."
            : `${list.total} initiatieven gevonden. U ziet ${from} tot en met ${Math.min(from + 9, list.total)}.`}
      </p>

      <MapListSwitch
        label="Toon de initiatieven als"
        list={
          <section aria-labelledby="lijst-titel">
            <Heading level={2} id="lijst-titel">
              Lijst van initiatieven
            </Heading>
            <ol className="wmh-initiative-list">
              {list.initiatives.map((i) => (
                <InitiativeCard key={i.id} initiative={i} headingLevel={3} onMap={i.lat !== null} />
              ))}
            </ol>
            <Pagination
              page={list.page}
              pageCount={list.pageCount}
              searchParams={params}
              label="Pagina's van de lijst"
            />
          </section>
        }
        map={
          <>
            <Heading level={2}>Kaart</Heading>
            <InitiativesMap
              tiles={tiles}
              dataUrl={dataUrl}
              center={TOWN_CENTER}
              zoom={TOWN_ZOOM}
              styles={MAP_LEGEND}
              statusLabels={statusLabels}
              label="Kaart met initiatieven"
              noScriptText="De kaart werkt alleen met JavaScript. In de lijst vindt u dezelfde initiatieven."
            />
            <MapLegend styles={MAP_LEGEND} title="Legenda" />
          </>
        }
      />
    </div>
  );
}
