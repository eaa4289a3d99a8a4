// Exports of the monitor (CSV, XLSX; the public overview's file is in public-export.server.ts) and the round
// trip of a round's spreadsheet: export, edit offline, import with a dry run, then all or nothing in one
// transaction (docs/monitor.md).
// Cells go through the same formula neutralising as the survey exports (insights/csv.ts).

import { PassThrough } from "node:stream";
import { and, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import {
  monitorAgreementParties,
  monitorAgreements,
  monitorOrganisations,
  monitorRounds,
  monitorUpdates,
} from "../../../db/schema";
import { parseCsv } from "../../lib/csv";
import type { Executor } from "../../lib/db.server";
import { auditActions } from "../audit/actions";
import { audit } from "../audit/audit.server";
import { type CellValue, CSV_BOM, csvRow, spreadsheetCell } from "../insights/csv";
import { diffImport, IMPORT_COLUMNS, type ImportContext, type ImportDiff } from "./import-diff";
import { refreshCurrentStoplicht } from "./stoplicht.server";
import type { MonitorUser } from "./viewer.server";
import { type OrganisationKind, type Stoplicht, stoplichtLabel, tertiaalLabel } from "./vocabulary";

export type ExportFormat = "csv" | "xlsx" | "json";

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string | Uint8Array<ArrayBuffer>;
}

export function toCsv(header: readonly string[], rows: readonly CellValue[][]): string {
  return CSV_BOM + csvRow(header) + rows.map(csvRow).join("");
}

/**
 * An XLSX file with one sheet, written by exceljs' streaming writer (rows are committed as they go; no
 * workbook model in memory, fast deflate) into one buffer: the files are small enough to send whole.
 */
export async function toXlsx(sheetName: string, header: readonly string[], rows: readonly CellValue[][]) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    out.on("end", resolve);
    out.on("error", reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
    zip: { zlib: { level: 1 } },
  });
  workbook.creator = "Wij maken Heemstede";
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = header.map((_, i) => ({ width: i === header.length - 1 ? 80 : 22 }));
  const head = sheet.addRow([...header]);
  head.font = { bold: true };
  head.commit();
  for (const row of rows) sheet.addRow(row.map(spreadsheetCell)).commit();
  sheet.commit();
  await workbook.commit();
  await ended;
  return new Uint8Array(Buffer.concat(chunks)) as Uint8Array<ArrayBuffer>;
}

// ---- Round trip ----

interface RoundContext {
  round: typeof monitorRounds.$inferSelect;
  ctx: ImportContext;
  /** Rows of the export: one per agreement and organisation that can update it. */
  lines: {
    key: string;
    title: string;
    organisationName: string;
    current: { stoplicht: Stoplicht; explanation: string } | null;
  }[];
}

async function roundContext(roundId: number, db: Executor): Promise<RoundContext | null> {
  if (!Number.isInteger(roundId) || roundId <= 0 || roundId > 2_147_483_647) return null;
  const [round] = await db.select().from(monitorRounds).where(eq(monitorRounds.id, roundId));
  if (!round) return null;
  const [agreements, parties, organisations, updates] = await Promise.all([
    db
      .select({ id: monitorAgreements.id, key: monitorAgreements.key, title: monitorAgreements.title })
      .from(monitorAgreements)
      .where(
        and(
          sql`${monitorAgreements.firstYear} <= ${round.year}`,
          sql`${monitorAgreements.lastYear} >= ${round.year}`,
        ),
      )
      .orderBy(monitorAgreements.theme, monitorAgreements.kind, monitorAgreements.position),
    db
      .select({
        agreementId: monitorAgreementParties.agreementId,
        organisationId: monitorAgreementParties.organisationId,
        role: monitorAgreementParties.role,
      })
      .from(monitorAgreementParties)
      .innerJoin(monitorAgreements, eq(monitorAgreements.id, monitorAgreementParties.agreementId))
      .where(
        and(
          sql`${monitorAgreements.firstYear} <= ${round.year}`,
          sql`${monitorAgreements.lastYear} >= ${round.year}`,
        ),
      ),
    db.select().from(monitorOrganisations),
    db
      .select({
        agreementId: monitorUpdates.agreementId,
        organisationId: monitorUpdates.organisationId,
        stoplicht: monitorUpdates.stoplicht,
        explanation: monitorUpdates.explanation,
        status: monitorUpdates.status,
      })
      .from(monitorUpdates)
      .where(and(eq(monitorUpdates.year, round.year), eq(monitorUpdates.tertiaal, round.tertiaal)))
      .orderBy(monitorUpdates.id),
  ]);
  const orgById = new Map(organisations.map((o) => [o.id, o]));
  const partiesOf = new Map<number, { organisationId: string; role: "trekker" | "party" }[]>();
  for (const p of parties) {
    const list = partiesOf.get(p.agreementId) ?? [];
    list.push({ organisationId: p.organisationId, role: p.role });
    partiesOf.set(p.agreementId, list);
  }
  const keyOf = new Map(agreements.map((a) => [a.id, a.key]));
  const current = new Map<string, { stoplicht: Stoplicht; explanation: string }>();
  for (const u of updates)
    if (u.status !== "returned") current.set(`${keyOf.get(u.agreementId)}|${u.organisationId}`, u);
  const ctx: ImportContext = {
    agreements: new Map(
      agreements.map((a) => [a.key, { id: a.id, title: a.title, parties: partiesOf.get(a.id) ?? [] }]),
    ),
    organisations: new Map<string, { id: string; name: string; kind: OrganisationKind }>([
      ...organisations.map((o) => [o.id, o] as const),
      ...organisations.map((o) => [o.name.toLowerCase(), o] as const),
    ]),
    current,
  };
  const lines: RoundContext["lines"] = [];
  for (const a of agreements)
    for (const p of partiesOf.get(a.id) ?? []) {
      const org = orgById.get(p.organisationId);
      if (!org || org.kind === "tenant_organisation") continue;
      lines.push({
        key: a.key,
        title: a.title,
        organisationName: org.name,
        current: current.get(`${a.key}|${org.id}`) ?? null,
      });
    }
  return { round, ctx, lines };
}

/** A round as a spreadsheet to fill in offline: one row per agreement and organisation; audited (staff only). */
export async function exportRound(
  user: MonitorUser,
  roundId: number,
  format: "csv" | "xlsx",
  db: Executor,
): Promise<ExportFile | null> {
  const rc = await roundContext(roundId, db);
  if (!rc) return null;
  const rows: CellValue[][] = rc.lines.map((l) => [
    l.key,
    l.title,
    l.organisationName,
    l.current ? stoplichtLabel(l.current.stoplicht) : "",
    l.current?.explanation ?? "",
  ]);
  await audit(
    user,
    {
      action: "monitor_round.exported",
      entityType: "monitor_round",
      entityId: rc.round.id,
      details: {
        omschrijving: auditActions["monitor_round.exported"],
        formaat: format,
        regels: rows.length,
      },
    },
    db,
  );
  const base = `monitor-ronde-${rc.round.year}-t${rc.round.tertiaal}`;
  if (format === "csv")
    return {
      filename: `${base}.csv`,
      contentType: "text/csv; charset=utf-8",
      body: toCsv(IMPORT_COLUMNS, rows),
    };
  return {
    filename: `${base}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: await toXlsx(`Ronde ${rc.round.year} T${rc.round.tertiaal}`, IMPORT_COLUMNS, rows),
  };
}

/** The cells of an uploaded CSV or XLSX file as text; null when the file cannot be read. */
export async function readSpreadsheet(file: {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}): Promise<string[][] | null> {
  const buffer = await file.arrayBuffer();
  if (/\.xlsx$/i.test(file.name)) {
    try {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(buffer);
      const sheet = workbook.worksheets[0];
      if (!sheet) return [];
      const rows: string[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row) => {
        const values: string[] = [];
        for (let c = 1; c <= Math.max(IMPORT_COLUMNS.length, row.cellCount); c++)
          values.push(row.getCell(c).text ?? "");
        rows[row.number - 1] = values;
      });
      return Array.from(rows, (r) => r ?? []);
    } catch {
      return null;
    }
  }
  return parseCsv(new TextDecoder("utf-8").decode(buffer));
}

export type ImportOutcome =
  | { kind: "not_found" }
  | { kind: "closed"; message: string }
  | { kind: "checked"; diff: ImportDiff; applied: false }
  | { kind: "applied"; diff: ImportDiff; applied: true };

/**
 * Check (dry run) or apply an edited round export. Applying checks again inside the transaction and writes
 * every change or none: the gemeente imports, so the updates are confirmed at once; a pending update of the
 * same organisation is replaced. One audit line lists the keys.
 */
export async function importRound(
  user: MonitorUser,
  roundId: number,
  rows: string[][],
  apply: boolean,
  db: Executor,
): Promise<ImportOutcome> {
  return db.transaction(async (tx) => {
    const rc = await roundContext(roundId, tx);
    if (!rc) return { kind: "not_found" as const };
    if (rc.round.status !== "open")
      return {
        kind: "closed" as const,
        message: `De ronde van ${tertiaalLabel(rc.round.year, rc.round.tertiaal).toLowerCase()} is gesloten. Importeren kan alleen in een open ronde.`,
      };
    const diff = diffImport(rows, rc.ctx);
    if (!apply || diff.errors.length || diff.fileErrors.length)
      return { kind: "checked" as const, diff, applied: false as const };
    await tx
      .select({ id: monitorRounds.id })
      .from(monitorRounds)
      .where(eq(monitorRounds.id, roundId))
      .for("update");
    for (const c of diff.changes) {
      const pending = await tx
        .update(monitorUpdates)
        .set({
          stoplicht: c.stoplicht,
          explanation: c.explanation,
          status: "confirmed",
          reviewedBy: user.id,
          reviewedAt: sql`now()`,
          authorId: user.id,
          authorName: `${user.name} (import)`,
        })
        .where(
          and(
            eq(monitorUpdates.agreementId, c.agreementId),
            eq(monitorUpdates.year, rc.round.year),
            eq(monitorUpdates.tertiaal, rc.round.tertiaal),
            eq(monitorUpdates.organisationId, c.organisationId),
            eq(monitorUpdates.status, "submitted"),
          ),
        )
        .returning({ id: monitorUpdates.id });
      if (pending.length) continue;
      await tx.insert(monitorUpdates).values({
        agreementId: c.agreementId,
        agreementKey: c.key,
        year: rc.round.year,
        tertiaal: rc.round.tertiaal,
        organisationId: c.organisationId,
        stoplicht: c.stoplicht,
        explanation: c.explanation,
        authorId: user.id,
        authorName: `${user.name} (import)`,
        status: "confirmed",
        reviewedBy: user.id,
        reviewedAt: sql`now()`,
      });
    }
    await refreshCurrentStoplicht(
      diff.changes.map((c) => c.key),
      tx,
    );
    await audit(
      user,
      {
        action: "monitor_round.imported",
        entityType: "monitor_round",
        entityId: rc.round.id,
        details: {
          omschrijving: auditActions["monitor_round.imported"],
          tertiaal: tertiaalLabel(rc.round.year, rc.round.tertiaal),
          gewijzigd: diff.changes.length,
          sleutels: diff.changes.map((c) => `${c.key} (${c.organisationName})`),
        },
      },
      tx,
    );
    return { kind: "applied" as const, diff, applied: true as const };
  });
}
