import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requireRole } from "~/domain/auth/auth.server";
import { staffAccess } from "~/domain/auth/roles";
import { deciderLabel } from "~/domain/initiatives/quickscan";
import { isOverdue, todayInHeemstede } from "~/domain/initiatives/rules";
import { STATUSES, statusLabel, statusValues } from "~/domain/initiatives/statuses";
import { INITIATIVE_THEMES, themeLabel, themeValues } from "~/domain/initiatives/themes";
import {
  listAccountManagers,
  listInitiatives,
  SORTS,
  type SortKey,
} from "~/domain/initiatives/triage.server";
import { listWijken } from "~/domain/places/wijken.server";
import { countPages, pageParam } from "~/lib/forms";
import { DemoBadge, formatDate, Heading, Pagination, TextLink } from "~/ui/content";
import { CheckboxField, SelectField, SubmitButton, TextField } from "~/ui/form";
import ideasCss from "~/ui/ideas.css?url";
import { TableScroll } from "~/ui/table-scroll";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: ideasCss }];
export const meta: MetaFunction = () => [{ title: "Initiatieven - Beheer - Wij maken Heemstede" }];

const PAGE_SIZE = 20;
const sortLabels: Record<SortKey, string> = {
  nieuwste: "Nieuwste eerst",
  oudste: "Oudste eerst",
  titel: "Titel (A-Z)",
  status: "Status",
  reageren: "Reageren vóór",
};

// Unknown values are ignored, never passed to SQL: every filter and sort is allowlisted.
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .transform((v) => new Date(`${v}T00:00:00Z`))
  .refine((d) => !Number.isNaN(d.getTime()));
const filterSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  status: z.enum(statusValues).optional().catch(undefined),
  thema: z.enum(themeValues).optional().catch(undefined),
  wijk: z.string().max(40).optional().catch(undefined),
  accounthouder: z.string().max(60).optional().catch(undefined),
  complex: z.enum(["ja", "nee"]).optional().catch(undefined),
  "te-laat": z.enum(["ja"]).optional().catch(undefined),
  van: date.optional().catch(undefined),
  tot: date.optional().catch(undefined),
  sortering: z
    .enum(Object.keys(SORTS) as [SortKey, ...SortKey[]])
    .default("nieuwste")
    .catch("nieuwste"),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, staffAccess["beheer.initiatieven._index"]);
  const url = new URL(request.url);
  const raw = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ""));
  const f = filterSchema.parse(raw);
  const page = pageParam(url);
  const result = await listInitiatives({
    q: f.q || undefined,
    status: f.status,
    theme: f.thema,
    wijkCode: f.wijk,
    accountManager: f.accounthouder,
    complex: f.complex === undefined ? undefined : f.complex === "ja",
    overdue: f["te-laat"] === "ja",
    from: f.van,
    until: f.tot ? new Date(f.tot.getTime() + 86_400_000) : undefined,
    sort: f.sortering,
    page,
    pageSize: PAGE_SIZE,
  });
  const [wijken, managers] = await Promise.all([listWijken(), listAccountManagers()]);
  const today = todayInHeemstede();
  const rows = result.rows.map((r) => ({ ...r, overdue: isOverdue(r, today) }));
  return { ...result, rows, page, pageCount: countPages(result.total, PAGE_SIZE), wijken, managers };
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function InitiativeList() {
  const d = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div className="wmh-stack">
      <Heading level={1}>Initiatieven</Heading>
      <p>
        <TextLink to="/beheer/initiatieven/routering">Routering en reactietermijn instellen</TextLink>
      </p>
      <StatusTabs counts={d.counts} params={params} />
      <FilterForm wijken={d.wijken} managers={d.managers} params={params} />
      <p role="status">{d.total === 1 ? "1 initiatief gevonden" : `${d.total} initiatieven gevonden`}</p>
      {d.rows.length ? <InitiativeTable rows={d.rows} /> : null}
      <Pagination page={d.page} pageCount={d.pageCount} searchParams={params} />
    </div>
  );
}

/** One link per status with its count; each keeps the other filters and goes back to the first page. */
function StatusTabs({ counts, params }: { counts: LoaderData["counts"]; params: URLSearchParams }) {
  const current = params.get("status") ?? "";
  const statusHref = (status?: string) => {
    const next = new URLSearchParams(params);
    next.delete("pagina");
    if (status) next.set("status", status);
    else next.delete("status");
    return `?${next.toString()}`;
  };
  const totalAll = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  return (
    <nav aria-label="Aantal per status">
      <ul className="wmh-status-tabs">
        <li>
          <Link to={statusHref()} className="utrecht-link" aria-current={current === "" ? "true" : undefined}>
            Alle ({totalAll})
          </Link>
        </li>
        {STATUSES.map((s) => (
          <li key={s.value}>
            <Link
              to={statusHref(s.value)}
              className="utrecht-link"
              aria-current={current === s.value ? "true" : undefined}
            >
              {s.label} ({counts[s.value] ?? 0})
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The GET form with every filter and the sort order, filled in from the address. */
function FilterForm({
  wijken,
  managers,
  params,
}: {
  wijken: LoaderData["wijken"];
  managers: LoaderData["managers"];
  params: URLSearchParams;
}) {
  const p = (k: string) => params.get(k) ?? "";
  return (
    <Form method="get" className="wmh-filters" role="search" aria-label="Initiatieven zoeken en filteren">
      <TextField name="q" type="search" label="Zoeken" defaultValue={p("q")} />
      <SelectField
        name="status"
        label="Status"
        placeholder="Alle statussen"
        options={[...STATUSES]}
        defaultValue={p("status")}
      />
      <SelectField
        name="thema"
        label="Thema"
        placeholder="Alle thema's"
        options={[...INITIATIVE_THEMES]}
        defaultValue={p("thema")}
      />
      <SelectField
        name="wijk"
        label="Wijk"
        placeholder="Alle wijken"
        options={wijken.map((w) => ({ value: w.code, label: w.name }))}
        defaultValue={p("wijk")}
      />
      <SelectField
        name="accounthouder"
        label="Accounthouder"
        placeholder="Iedereen"
        options={[
          { value: "geen", label: "Nog niemand (team)" },
          ...managers.map((m) => ({ value: m.id, label: m.name })),
        ]}
        defaultValue={p("accounthouder")}
      />
      <SelectField
        name="complex"
        label="Complexe opgave"
        placeholder="Alle"
        options={[
          { value: "ja", label: "Ja" },
          { value: "nee", label: "Nee" },
        ]}
        defaultValue={p("complex")}
      />
      <CheckboxField
        name="te-laat"
        label="Alleen initiatieven die te laat zijn met een antwoord"
        defaultChecked={p("te-laat") === "ja"}
      />
      <TextField name="van" type="date" label="Ingediend vanaf" defaultValue={p("van")} />
      <TextField name="tot" type="date" label="Ingediend tot en met" defaultValue={p("tot")} />
      <SelectField
        name="sortering"
        label="Sorteren op"
        options={Object.entries(sortLabels).map(([value, label]) => ({ value, label }))}
        defaultValue={p("sortering") || "nieuwste"}
      />
      <SubmitButton>Toon initiatieven</SubmitButton>
    </Form>
  );
}

function InitiativeTable({ rows }: { rows: LoaderData["rows"] }) {
  return (
    <TableScroll label="Initiatieven">
      <table className="wmh-table">
        <caption className="wmh-visually-hidden">Initiatieven</caption>
        <thead>
          <tr>
            <th scope="col">Titel</th>
            <th scope="col">Status</th>
            <th scope="col">Thema</th>
            <th scope="col">Beslisser</th>
            <th scope="col">Accounthouder</th>
            <th scope="col">Ingediend</th>
            <th scope="col">Reageren vóór</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <Link to={`/beheer/initiatieven/${r.id}`} className="utrecht-link">
                  {r.title}
                </Link>{" "}
                {r.isDemo ? <DemoBadge /> : null}
                {r.isPublished ? " · op de kaart" : ""}
              </td>
              <td>{statusLabel(r.status)}</td>
              <td>{themeLabel(r.theme)}</td>
              <td>
                {deciderLabel(r.decider)}
                {r.complex ? " · complex" : ""}
              </td>
              <td>{r.accountManagerName ?? r.team ?? "-"}</td>
              <td>{formatDate(r.createdAt)}</td>
              <td>
                {r.respondBy ? formatDate(r.respondBy) : "-"}
                {r.overdue ? <strong className="wmh-overdue"> Te laat</strong> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
