// What the monitor's routes call: one function per page or intent. They take the request's parts and use
// the app's database; the functions they call (monitor.server.ts, exports.server.ts) take `db` first.
import { getDb } from "../../lib/db.server";
import { type ThemeId, themeLabels } from "../insights/themes";
import { publicExport } from "./exports.server";
import {
  getAgreement,
  listOrganisations,
  loadOverview,
  monitorPeriods,
  type OverviewRow,
} from "./monitor.server";
import { type OverviewFilter, parseOverviewFilter } from "./rules";

export const PUBLIC_PAGE_SIZE = 20;

/** The public overview (/prestatieafspraken): filter from the URL, summary of the whole filter, one page of rows. */
export async function publicOverview(url: URL, options: { all?: boolean } = {}) {
  const db = getDb();
  const [periods, organisations] = await Promise.all([monitorPeriods(db), listOrganisations(db)]);
  const filter = parseOverviewFilter(url.searchParams, periods.latest, {
    years: periods.years,
    organisations: organisations.map((o) => o.id),
  });
  const overview = await loadOverview(db, filter, {
    pageSize: options.all ? null : PUBLIC_PAGE_SIZE,
    organisationOrder: organisations.map((o) => o.id),
  });
  const organisationNames = Object.fromEntries(organisations.map((o) => [o.id, o.name]));
  return {
    filter,
    years: periods.years,
    latest: periods.latest,
    organisations: organisations.map((o) => ({ id: o.id, name: o.name, kind: o.kind })),
    themes: (Object.entries(themeLabels) as [string, string][]).map(([id, label]) => ({
      id: Number(id) as ThemeId,
      label,
    })),
    organisationNames,
    ...overview,
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
  return getAgreement(getDb(), Number(id), { kind: "public" });
}

/** A public export of the overview in the URL's filter; null for an unknown format (404). */
export async function publicExportFile(format: string | undefined, url: URL) {
  if (format !== "csv" && format !== "xlsx" && format !== "json") return null;
  return publicExport(format, await publicExportRows(url));
}
