// The gemeente's list "Alle afspraken" on /beheer/prestatieafspraken: every agreement of the chosen period
// with the public overview's GET filter form (works without JavaScript), the latest confirmed stoplicht and
// whether an update waits, 50 a page. A list, not a table, so it fits at 320 px.
import { Link } from "@remix-run/react";
import { filterParams } from "~/domain/monitor/forms";
import type { StaffAgreementList } from "~/domain/monitor/pages.server";
import { tertiaalLabel } from "~/domain/monitor/vocabulary";
import { Alert, Heading, Pagination, Paragraph, TextLink } from "~/ui/content";
import { MonitorFilters } from "~/ui/monitor/filters";
import { StoplichtBadge } from "~/ui/monitor/stoplicht";

const parameterNames: Record<string, string> = {
  jaar: "jaar",
  tertiaal: "tertiaal",
  thema: "thema",
  organisatie: "organisatie",
  stoplicht: "stoplicht",
  zoek: "zoeken",
  pagina: "pagina",
};

export function StaffAgreementListSection({ list }: { list: StaffAgreementList }) {
  const { filter, rows, total, pageCount } = list;
  const period = tertiaalLabel(filter.year, filter.tertiaal).toLowerCase();
  return (
    <section aria-labelledby="alle-afspraken" className="wmh-stack">
      <Heading level={2} id="alle-afspraken">
        Alle afspraken
      </Heading>
      <Paragraph>
        Zoek een afspraak om de geschiedenis en de reacties van de huurdersorganisaties te lezen, of om te
        zien wie nog niet heeft bijgewerkt. Het stoplicht is de laatste stand die de gemeente heeft bevestigd.
      </Paragraph>
      {list.ignored.length > 0 ? (
        <Alert type="warning">
          Een keuze in het adres van deze pagina klopt niet (
          {list.ignored.map((k) => parameterNames[k] ?? k).join(", ")}). Wij tonen de afspraken zonder die
          keuze.
        </Alert>
      ) : null}
      <MonitorFilters
        action="/beheer/prestatieafspraken"
        filter={filter}
        years={list.years}
        themes={list.themes}
        organisations={list.organisations}
        organisationAs="trekker_or_party"
      />
      <p className="utrecht-paragraph" aria-live="polite">
        {total === 1 ? "1 afspraak" : `${total} afspraken`} gevonden, stand na {period}.
      </p>
      {total === 0 ? (
        <Paragraph>Er zijn geen afspraken die bij uw keuze passen.</Paragraph>
      ) : rows.length === 0 ? (
        <Paragraph>
          Op deze pagina staan geen afspraken.{" "}
          <TextLink to={`?${filterParams(filter, { page: 1 }).toString()}`}>
            Ga naar de eerste pagina
          </TextLink>
        </Paragraph>
      ) : (
        <ul className="wmh-agreement-list">
          {rows.map((r) => (
            <li key={r.id}>
              <h3 className="utrecht-heading-3">
                <Link className="utrecht-link" to={`/beheer/prestatieafspraken/${r.id}`}>
                  {r.number}: {r.title}
                </Link>
              </h3>
              <p className="utrecht-paragraph">
                <StoplichtBadge stoplicht={r.stoplicht} />
                {r.pending ? (
                  <>
                    {" · "}
                    <strong>Er wacht een update op bevestiging</strong>
                  </>
                ) : null}
              </p>
              <p className="utrecht-paragraph wmh-meta">
                Thema {r.theme} · Trekker:{" "}
                {r.trekkers.length > 0
                  ? r.trekkers.map((t) => list.organisationNames[t] ?? t).join(", ")
                  : "geen"}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={filter.page}
        pageCount={pageCount}
        searchParams={filterParams(filter)}
        label="Pagina's met alle afspraken"
      />
    </section>
  );
}
