// Use cases behind the paper routes (/beheer/enquetes/:id/papier, …/afdrukken, …/bureau): each reads
// the form, calls one domain function and returns a typed outcome. Routes never see the database.
import { getDb } from "../../lib/db.server";
import { formToObject } from "../../lib/forms";
import type { Actor } from "../audit/audit.server";
import type { RawValues } from "./answers";
import {
  openBureauFile,
  type TemplateFormat,
  templateFile,
  templateFormats,
  UnreadableBureauFile,
} from "./bureau-files.server";
import { importBureauRows } from "./bureau-import.server";
import { formatCode } from "./codes";
import { listQuestions } from "./definition";
import { MAX_PRINT } from "./paper";
import { listOpenPaperEntries, resolvePaperEntry } from "./paper-double-entry.server";
import { checkPaperCode, paperCounts, paperMessages, savePaperEntry } from "./paper-entry.server";
import { printCodes } from "./paper-print.server";
import { paperSurvey } from "./paper-responses.server";
import { getSurveyForStaff } from "./surveys.server";

const validId = (id: unknown) => (Number.isSafeInteger(Number(id)) && Number(id) > 0 ? Number(id) : null);

// ---------------------------------------------------------------- entry screen

export async function paperEntryPage(idParam: string | undefined) {
  const id = validId(idParam);
  if (!id) return null;
  const target = await paperSurvey(id, getDb());
  if (!target) {
    const staff = await getSurveyForStaff(id, getDb());
    return staff ? { kind: "notPublished" as const, id, title: staff.survey.title } : null;
  }
  return {
    kind: "ready" as const,
    id,
    title: target.survey.title,
    definition: target.definition,
    counts: await paperCounts(id, getDb()),
    open: await listOpenPaperEntries(target, getDb()),
  };
}

export type PaperEntryPost =
  | { kind: "notFound" }
  | { kind: "codeRefused"; code: string; message: string }
  | { kind: "codeAccepted"; code: string; second: boolean }
  | { kind: "invalid"; code: string; second: boolean; values: RawValues; errors: Record<string, string> }
  | { kind: "done"; message: string }
  | { kind: "disagreement"; message: string }
  | { kind: "badRequest" };

/** intent=code: the code first; intent=save: the answers of one paper form. */
export async function paperEntryPost(
  actor: Actor,
  idParam: string | undefined,
  form: FormData,
): Promise<PaperEntryPost> {
  const id = validId(idParam);
  const target = id ? await paperSurvey(id, getDb()) : null;
  if (!target) return { kind: "notFound" };
  const intent = String(form.get("intent") ?? "");
  const codeInput = String(form.get("code") ?? "")
    .trim()
    .slice(0, 40);
  const check = await checkPaperCode(actor, target.survey.id, codeInput, getDb());
  if ("message" in check) return { kind: "codeRefused", code: codeInput, message: check.message };
  const code = formatCode(check.code);
  if (intent === "code") return { kind: "codeAccepted", code, second: check.status === "second" };
  if (intent !== "save") return { kind: "badRequest" };
  const values = formToObject(form) as RawValues;
  const outcome = await savePaperEntry(
    actor,
    target,
    {
      code,
      raw: values,
      double: form.get("dubbel") === "ja",
    },
    getDb(),
  );
  switch (outcome.status) {
    case "refused":
      return { kind: "codeRefused", code, message: outcome.message };
    case "invalid":
      return { kind: "invalid", code, second: check.status === "second", values, errors: outcome.errors };
    case "counted":
      return {
        kind: "done",
        message: outcome.afterSecond
          ? `Vragenlijst ${code} is voor de tweede keer ingevoerd. Beide invoeren zijn gelijk; de vragenlijst telt mee.`
          : `Vragenlijst ${code} is opgeslagen en telt mee.`,
      };
    case "awaitingSecond":
      return {
        kind: "done",
        message: `Vragenlijst ${code} is opgeslagen. Een andere medewerker voert hem nog een keer in; daarna telt hij mee.`,
      };
    case "disagreement":
      return {
        kind: "disagreement",
        message: `Vragenlijst ${code} is opgeslagen, maar de twee invoeren verschillen bij ${outcome.disagreements.length} ${
          outcome.disagreements.length === 1 ? "vraag" : "vragen"
        }. Los de verschillen hieronder op.`,
      };
  }
}

export type ResolvePost =
  | { kind: "notFound" }
  | { kind: "missing"; entryId: number; errors: Record<string, string> }
  | { kind: "done"; message: string };

export async function paperResolvePost(
  actor: Actor,
  idParam: string | undefined,
  form: FormData,
): Promise<ResolvePost> {
  const id = validId(idParam);
  const entryId = validId(form.get("invoer"));
  const target = id ? await paperSurvey(id, getDb()) : null;
  if (!target || !entryId) return { kind: "notFound" };
  const choices: Record<string, "first" | "second"> = {};
  for (const q of listQuestions(target.definition)) {
    const v = form.get(`keuze_${q.key}`);
    if (v === "eerste") choices[q.key] = "first";
    if (v === "tweede") choices[q.key] = "second";
  }
  const outcome = await resolvePaperEntry(actor, target, entryId, choices, getDb());
  if (outcome.status === "notFound") return { kind: "notFound" };
  if (outcome.status === "missing")
    return {
      kind: "missing",
      entryId,
      errors: Object.fromEntries(
        outcome.missing.map((k) => [`keuze-${entryId}-${k}`, "Kies welke invoer klopt met het papier."]),
      ),
    };
  return { kind: "done", message: "De verschillen zijn opgelost. De vragenlijst telt mee." };
}

// ---------------------------------------------------------------- printing

export async function printPage(idParam: string | undefined) {
  const id = validId(idParam);
  if (!id) return null;
  const staff = await getSurveyForStaff(id, getDb());
  if (!staff) return null;
  const published = await paperSurvey(id, getDb());
  return {
    id,
    title: staff.survey.title,
    accessMode: staff.survey.accessMode,
    published: published !== null,
    // Print what residents get: the published version; a draft survey prints its draft.
    definition: published?.definition ?? staff.definition,
  };
}

export type PrintPost =
  | { kind: "notFound" }
  | { kind: "invalid"; errors: Record<string, string>; values: Record<string, string> }
  | { kind: "printed"; codes: string[] };

/** Print for a code list: new letter codes, one per copy (only their hashes are kept). */
export async function printPost(
  actor: Actor,
  idParam: string | undefined,
  form: FormData,
): Promise<PrintPost> {
  const id = validId(idParam);
  const published = id ? await paperSurvey(id, getDb()) : null;
  if (!id || !published) return { kind: "notFound" };
  const text = String(form.get("aantal") ?? "").trim();
  const count = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
  if (!(count >= 1 && count <= MAX_PRINT))
    return {
      kind: "invalid",
      errors: { aantal: `Vul een aantal in van 1 tot en met ${MAX_PRINT}.` },
      values: { aantal: text },
    };
  const codes = await printCodes(actor, id, count, getDb());
  return { kind: "printed", codes: codes.map((c) => c.code) };
}

// ---------------------------------------------------------------- bureau

export async function bureauPage(idParam: string | undefined) {
  const id = validId(idParam);
  if (!id) return null;
  const target = await paperSurvey(id, getDb());
  if (!target) {
    const staff = await getSurveyForStaff(id, getDb());
    return staff ? { id, title: staff.survey.title, published: false as const } : null;
  }
  return { id, title: target.survey.title, published: true as const };
}

const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type BureauPost =
  | { kind: "notFound" }
  | { kind: "fieldErrors"; errors: Record<string, string>; values: Record<string, string> }
  | ({ kind: "result"; values: Record<string, string> } & Awaited<ReturnType<typeof importBureauRows>>);

export async function bureauPost(
  actor: Actor,
  idParam: string | undefined,
  form: FormData,
): Promise<BureauPost> {
  const id = validId(idParam);
  const target = id ? await paperSurvey(id, getDb()) : null;
  if (!target) return { kind: "notFound" };
  const channelText = String(form.get("kanaal") ?? "");
  const values = { kanaal: channelText };
  const errors: Record<string, string> = {};
  if (channelText !== "papier" && channelText !== "bureau")
    errors.kanaal = "Kies hoe de antwoorden zijn binnengekomen.";
  const file = form.get("bestand");
  if (!file || typeof file === "string" || file.size === 0)
    errors.bestand = "Kies een ingevuld sjabloon (CSV of Excel).";
  else if (file.size > MAX_FILE_BYTES)
    errors.bestand = "Het bestand is groter dan 10 MB. Splits het in delen.";
  if (Object.keys(errors).length > 0 || !file || typeof file === "string")
    return { kind: "fieldErrors", errors, values };
  const unreadable = {
    kind: "fieldErrors" as const,
    errors: {
      bestand: "Wij kunnen dit bestand niet lezen. Gebruik het sjabloon van deze pagina (CSV of Excel).",
    },
    values,
  };
  // Read row by row: a large file is checked and written without holding it as one table.
  const lines = await openBureauFile(file);
  if (!lines) return unreadable;
  let outcome: Awaited<ReturnType<typeof importBureauRows>>;
  try {
    outcome = await importBureauRows(
      actor,
      target,
      lines,
      {
        apply: form.get("intent") === "import",
        channel: channelText as "papier" | "bureau",
      },
      getDb(),
    );
  } catch (error) {
    if (error instanceof UnreadableBureauFile) return unreadable;
    throw error;
  }
  if (outcome.check.fileError)
    return { kind: "fieldErrors", errors: { bestand: outcome.check.fileError }, values };
  return { kind: "result", values, ...outcome };
}

export async function bureauTemplate(idParam: string | undefined, format: string | undefined) {
  const id = validId(idParam);
  if (!id || !(templateFormats as readonly string[]).includes(format ?? "")) return null;
  const target = await paperSurvey(id, getDb());
  const definition = target?.definition ?? (await getSurveyForStaff(id, getDb()))?.definition;
  if (!definition) return null;
  const file = await templateFile(definition, format as TemplateFormat);
  const name = format === "codeboek" ? `codeboek-enquete-${id}` : `sjabloon-enquete-${id}`;
  return { ...file, filename: `${name}.${file.extension}` };
}

export { paperMessages };
