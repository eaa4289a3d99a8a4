// The import of a round's edited spreadsheet (docs/monitor.md, "Import"), pure and unit-tested: the diff of
// its rows against the round, with the errors per row. exports.server.ts reads the file and applies the diff.
import type { PartyLike } from "./rules";
import { type OrganisationKind, parseStoplicht, type Stoplicht, stoplichtInfo } from "./vocabulary";

export const IMPORT_COLUMNS = ["Sleutel", "Titel", "Organisatie", "Stoplicht", "Toelichting"] as const;
export const MAX_IMPORT_ROWS = 5000;

export interface ImportContext {
  agreements: Map<string, { id: number; title: string; parties: readonly PartyLike[] }>;
  /** By id and by lower-case name. */
  organisations: Map<string, { id: string; name: string; kind: OrganisationKind }>;
  /** The current update of this round per `${key}|${organisationId}` (pending or confirmed). */
  current: Map<string, { stoplicht: Stoplicht; explanation: string }>;
}

export interface ImportChange {
  line: number;
  key: string;
  agreementId: number;
  title: string;
  organisationId: string;
  organisationName: string;
  stoplicht: Stoplicht;
  explanation: string;
  before: { stoplicht: Stoplicht; explanation: string } | null;
}

export interface ImportDiff {
  changes: ImportChange[];
  unchanged: number;
  skipped: number;
  errors: { line: number; key: string; messages: string[] }[];
  fileErrors: string[];
}

/**
 * Compare the rows of an edited export with the round: every row with a stoplicht or an explanation becomes
 * an update, rows equal to the current update are left alone, empty rows are skipped. Errors are collected
 * for all rows (line numbers as the spreadsheet shows them), so staff fix the file once.
 */
export function diffImport(rows: readonly string[][], ctx: ImportContext): ImportDiff {
  const diff: ImportDiff = { changes: [], unchanged: 0, skipped: 0, errors: [], fileErrors: [] };
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name.toLowerCase());
  const missing = ["Sleutel", "Organisatie", "Stoplicht", "Toelichting"].filter((c) => col(c) < 0);
  if (missing.length) {
    diff.fileErrors.push(
      `De kolom${missing.length > 1 ? "men" : ""} ${missing.join(", ")} ontbreekt. Gebruik een export van deze pagina.`,
    );
    return diff;
  }
  if (rows.length - 1 > MAX_IMPORT_ROWS) {
    diff.fileErrors.push(`Het bestand heeft meer dan ${MAX_IMPORT_ROWS} regels.`);
    return diff;
  }
  const seen = new Set<string>();
  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    const cell = (name: string) => (row[col(name)] ?? "").trim();
    const key = cell("Sleutel");
    const orgText = cell("Organisatie");
    const stoplichtText = cell("Stoplicht");
    const explanation = cell("Toelichting");
    if (!key && !orgText && !stoplichtText && !explanation) return;
    if (!stoplichtText && !explanation) {
      diff.skipped++;
      return;
    }
    const messages: string[] = [];
    const agreement = ctx.agreements.get(key);
    if (!key) messages.push("De sleutel ontbreekt.");
    else if (!agreement) messages.push(`De afspraak "${key}" bestaat niet in deze ronde.`);
    const org = ctx.organisations.get(orgText) ?? ctx.organisations.get(orgText.toLowerCase());
    if (!orgText) messages.push("De organisatie ontbreekt.");
    else if (!org) messages.push(`De organisatie "${orgText}" kennen wij niet.`);
    else if (agreement && !agreement.parties.some((p) => p.organisationId === org.id))
      messages.push(`${org.name} is geen trekker of partij van deze afspraak.`);
    else if (org.kind === "tenant_organisation")
      messages.push(`${org.name} geeft een reactie, geen stoplicht.`);
    const stoplicht = parseStoplicht(stoplichtText);
    if (!stoplichtText) messages.push("Het stoplicht ontbreekt.");
    else if (!stoplicht)
      messages.push(
        `Het stoplicht "${stoplichtText}" kennen wij niet. Kies uit: ${Object.values(stoplichtInfo)
          .map((s) => s.label)
          .join(", ")}.`,
      );
    if (!explanation) messages.push("De toelichting ontbreekt.");
    else if (explanation.length > 4000) messages.push("De toelichting is langer dan 4000 tekens.");
    if (agreement && org) {
      const k = `${key}|${org.id}`;
      if (seen.has(k)) messages.push("Deze afspraak en organisatie staan al eerder in het bestand.");
      seen.add(k);
    }
    if (messages.length || !agreement || !org || !stoplicht) {
      diff.errors.push({ line, key, messages });
      return;
    }
    const before = ctx.current.get(`${key}|${org.id}`) ?? null;
    if (before && before.stoplicht === stoplicht && before.explanation === explanation) {
      diff.unchanged++;
      return;
    }
    diff.changes.push({
      line,
      key,
      agreementId: agreement.id,
      title: agreement.title,
      organisationId: org.id,
      organisationName: org.name,
      stoplicht,
      explanation,
      before,
    });
  });
  return diff;
}
