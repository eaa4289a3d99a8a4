// What the monitor's routes call: one function per page or intent. They take the request's parts and use
// the app's database; the functions they call (viewer, public-read, partner-updates, rounds and exports .server.ts) take `db` first.
import { type Executor, getDb } from "../../lib/db.server";
import type { FieldErrors } from "../../lib/forms";
import { countPages } from "../../lib/forms";
import type { Actor } from "../audit/audit.server";
import { type ThemeId, themeLabels } from "../insights/themes";
import { exportRound, importRound, readSpreadsheet } from "./exports.server";
import {
  type OverviewFilter,
  PUBLIC_PAGE_SIZE,
  parseOverviewFilter,
  parseStaffListFilter,
  STAFF_PAGE_SIZE,
} from "./forms";
import {
  agreementsInScope,
  pendingUpdates,
  reviewUpdate,
  roundWork,
  submitReaction,
  submitUpdate,
} from "./partner-updates.server";
import { linkPartnerOrganisation, partnerLinks } from "./partners.server";
import { publicExport } from "./public-export.server";
import {
  getAgreement,
  loadOverview,
  type OverviewContext,
  type OverviewRow,
  overviewContext,
} from "./public-read.server";
import {
  closeRound,
  copyToNextYear,
  listRounds,
  notUpdatedOverview,
  openRound,
  openRoundNow,
} from "./rounds.server";
import { mayReact, mayUpdate } from "./rules";
import { type MonitorUser, monitorViewer } from "./viewer.server";
import { updateStatusLabels } from "./vocabulary";

/**
 * The public overview (/prestatieafspraken): filter from the URL, summary of the whole filter, one page of
 * rows. Two round trips: the context (years, organisations, default tertiaal) and the overview itself.
 */
export async function publicOverview(url: URL, options: { all?: boolean } = {}) {
  const db = getDb();
  const { years, period, organisations } = await overviewContext(
    {
      year: Number(url.searchParams.get("jaar")),
      tertiaal: Number(url.searchParams.get("tertiaal")),
    },
    db,
  );
  const filter = parseOverviewFilter(url.searchParams, period, {
    years,
    organisations: organisations.map((o) => o.id),
  });
  const overview = await loadOverview(
    filter,
    {
      pageSize: options.all ? null : PUBLIC_PAGE_SIZE,
      organisationOrder: organisations.map((o) => o.id),
    },
    db,
  );
  return { filter, ...filterChoices(years, organisations), ...overview };
}

/** What the filter form and the rows of an overview need besides the rows: the choices and the names. */
function filterChoices(years: number[], organisations: OverviewContext["organisations"]) {
  return {
    years,
    organisations,
    themes: (Object.entries(themeLabels) as [string, string][]).map(([id, label]) => ({
      id: Number(id) as ThemeId,
      label,
    })),
    organisationNames: Object.fromEntries(organisations.map((o) => [o.id, o.name])) as Record<string, string>,
  };
}

export type PublicOverview = Awaited<ReturnType<typeof publicOverview>>;

/** Rows for the public exports: the whole filter, no paging. */
export async function publicExportRows(
  url: URL,
): Promise<{ filter: OverviewFilter; rows: OverviewRow[]; organisationNames: Record<string, string> }> {
  const data = await publicOverview(url, { all: true });
  return { filter: data.filter, rows: data.rows, organisationNames: data.organisationNames };
}

/** One agreement for the public detail page, or null (the route answers 404). */
export async function publicAgreement(id: string | undefined) {
  if (!id || !/^\d{1,9}$/.test(id)) return null;
  return getAgreement(Number(id), { kind: "public" }, getDb());
}

/** A public export of the overview in the URL's filter; null for an unknown format (404). */
export async function publicExportFile(format: string | undefined, url: URL) {
  if (format !== "csv" && format !== "xlsx" && format !== "json") return null;
  return publicExport(format, await publicExportRows(url));
}

// ---- Staff and partner pages (/beheer/prestatieafspraken) ----

/**
 * The gemeente's list "Alle afspraken" on the start page: the public overview's query and filter (period
 * default the latest with a confirmed stand), with an organisation as trekker or party, 50 a page, and per
 * row whether an update waits. Query values that do not fit are left out and named in `ignored`.
 */
export async function staffAgreementList(url: URL, db: Executor) {
  const { years, period, organisations } = await overviewContext(
    { year: Number(url.searchParams.get("jaar")), tertiaal: Number(url.searchParams.get("tertiaal")) },
    db,
  );
  const { filter, ignored } = parseStaffListFilter(url.searchParams, period, {
    years,
    organisations: organisations.map((o) => o.id),
  });
  const { rows, total } = await loadOverview(
    filter,
    { pageSize: STAFF_PAGE_SIZE, organisationOrder: [], withPending: true },
    db,
  );
  return {
    filter,
    ignored,
    ...filterChoices(years, organisations),
    rows,
    total,
    pageCount: countPages(total, STAFF_PAGE_SIZE),
  };
}

export type StaffAgreementList = Awaited<ReturnType<typeof staffAgreementList>>;

/**
 * The start page: for a partner their agreements in the open round, for the gemeente what waits for them
 * and the list of all agreements (`url` holds its filter).
 */
export async function staffMonitorHome(user: MonitorUser, url: URL) {
  const db = getDb();
  const viewer = await monitorViewer(user, db);
  const round = await openRoundNow(db);
  const [pending, list] = viewer.isGemeente
    ? await Promise.all([pendingUpdates(db), staffAgreementList(url, db)])
    : [[], null];
  let mine: { id: number; key: string; number: string; title: string; theme: number; done: string | null }[] =
    [];
  if (round && viewer.writer && !viewer.isGemeente) {
    const [list, work] = await Promise.all([
      agreementsInScope(viewer.writer, round.year, db),
      roundWork(viewer.writer.organisationId, round, db),
    ]);
    mine = list.map((a) => ({
      ...a,
      done:
        viewer.writer?.organisationKind === "tenant_organisation"
          ? work.reacted.has(a.id)
            ? "Reactie gegeven"
            : null
          : work.updateStatus.has(a.id)
            ? updateStatusLabels[work.updateStatus.get(a.id)!]
            : null,
    }));
  }
  return {
    isGemeente: viewer.isGemeente,
    organisationName: viewer.organisationName,
    organisationKind: viewer.writer?.organisationKind ?? null,
    round,
    pending,
    mine,
    list,
  };
}

/** The agreement page in /beheer: a corporatie partner only for agreements of their organisation (403 otherwise). */
export async function staffAgreement(user: MonitorUser, id: string | undefined) {
  if (!id || !/^\d{1,9}$/.test(id)) return { kind: "not_found" as const };
  const db = getDb();
  const viewer = await monitorViewer(user, db);
  const detail = await getAgreement(
    Number(id),
    viewer.isGemeente
      ? { kind: "municipality" }
      : { kind: "partner", organisationId: viewer.writer?.organisationId ?? null },
    db,
  );
  if (!detail) return { kind: "not_found" as const };
  if (!viewer.isGemeente) {
    if (!viewer.writer) return { kind: "forbidden" as const };
    if (viewer.writer.organisationKind !== "tenant_organisation" && !mayUpdate(viewer.writer, detail.parties))
      return { kind: "forbidden" as const };
  }
  const round = await openRoundNow(db);
  const roundApplies =
    round && round.year >= detail.agreement.firstYear && round.year <= detail.agreement.lastYear
      ? round
      : null;
  return {
    kind: "ok" as const,
    detail,
    round: roundApplies,
    canUpdate: Boolean(viewer.writer && mayUpdate(viewer.writer, detail.parties)),
    canReact: Boolean(viewer.writer && mayReact(viewer.writer)),
    canReview: viewer.isGemeente,
    organisationName: viewer.organisationName,
  };
}

export type StaffAgreementIntent = "update" | "react" | "review";

/** One domain call per intent of the agreement page. */
export async function staffAgreementAction(user: MonitorUser, id: string | undefined, form: FormData) {
  if (!id || !/^\d{1,9}$/.test(id)) return null;
  const db = getDb();
  const viewer = await monitorViewer(user, db);
  const intent = String(form.get("intent") ?? "");
  const agreementId = Number(id);
  if (intent === "update")
    return { intent: "update" as const, outcome: await submitUpdate(viewer, agreementId, form, db) };
  if (intent === "react")
    return { intent: "react" as const, outcome: await submitReaction(viewer, agreementId, form, db) };
  if (intent === "confirm" || intent === "send_back")
    return { intent: "review" as const, outcome: await reviewUpdate(viewer, agreementId, form, db) };
  return null;
}

/** The rounds page: all rounds, and for the open round who still has work. */
export async function roundsPage() {
  const db = getDb();
  const [rounds, open] = await Promise.all([listRounds(db), openRoundNow(db)]);
  const overview = open ? await notUpdatedOverview(open, db) : [];
  return { rounds, open, overview };
}

export async function roundsAction(user: MonitorUser, form: FormData) {
  const db = getDb();
  const intent = String(form.get("intent") ?? "");
  if (intent === "open") return { intent, outcome: await openRound(user, form, db) };
  if (intent === "close") return { intent, outcome: await closeRound(user, Number(form.get("ronde")), db) };
  if (intent === "copy") return { intent, outcome: await copyToNextYear(user, Number(form.get("jaar")), db) };
  return null;
}

export async function roundExportFile(user: MonitorUser, format: string | undefined, roundId: string | null) {
  if ((format !== "csv" && format !== "xlsx") || !roundId || !/^\d{1,9}$/.test(roundId)) return null;
  return exportRound(user, Number(roundId), format, getDb());
}

/** The import page: check (dry run) or apply an uploaded file for a round. */
export async function importAction(user: MonitorUser, form: FormData) {
  const file = form.get("bestand");
  const roundId = String(form.get("ronde") ?? "");
  const apply = form.get("intent") === "import";
  if (!/^\d{1,9}$/.test(roundId)) return { errors: { ronde: "Kies een ronde." } as FieldErrors };
  if (!file || typeof file === "string" || file.size === 0)
    return { errors: { bestand: "Kies een CSV- of Excelbestand (XLSX)." } as FieldErrors };
  if (file.size > 900_000) return { errors: { bestand: "Het bestand is groter dan 900 kB." } as FieldErrors };
  const rows = await readSpreadsheet(file);
  if (!rows)
    return {
      errors: {
        bestand: "Wij kunnen dit bestand niet lezen. Gebruik een export van deze pagina.",
      } as FieldErrors,
    };
  const outcome = await importRound(user, Number(roundId), rows, apply, getDb());
  if (outcome.kind === "not_found") return { errors: { ronde: "Deze ronde bestaat niet." } as FieldErrors };
  if (outcome.kind === "closed") return { errors: { ronde: outcome.message } as FieldErrors };
  return { errors: {} as FieldErrors, outcome };
}

export async function importPage() {
  return { rounds: (await listRounds(getDb())).filter((r) => r.status === "open") };
}

/** /beheer/gebruikers: the organisations a partner can be linked to and every partner's link. */
export async function partnerLinksPage() {
  return partnerLinks(getDb());
}

/** /beheer/gebruikers, intent "link_organisation": link a partner account to its organisation (beheerder). */
export async function linkPartnerAction(actor: Actor, form: FormData) {
  return linkPartnerOrganisation(actor, form, getDb());
}
