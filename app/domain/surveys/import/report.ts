// The import report (issue 15): per question what was imported as-is, changed (and how) or left out
// (and why), plus notes on the survey as a whole. Dutch B1, no internal codes except the question's own
// code, which the researcher knows from LimeSurvey.

import { QUESTION_TYPES, type QuestionType } from "../definition";
import { staffTypes } from "../question-types/staff";

export type ItemStatus = "asIs" | "changed" | "leftOut";

export const itemStatusLabels: Record<ItemStatus, string> = {
  asIs: "Overgenomen",
  changed: "Aangepast",
  leftOut: "Weggelaten",
};

export interface ReportItem {
  /** The LimeSurvey question code (what the researcher knows the question by). */
  code: string;
  /** The question text, shortened. */
  text: string;
  /** LimeSurvey's question type in words. */
  from: string;
  /** What it became with us, in words ("" when left out). */
  to: string;
  status: ItemStatus;
  /** What changed or why it was left out, one sentence each. */
  notes: string[];
}

export interface ImportReport {
  title: string;
  /** The language the texts came from, in words. */
  language: string;
  items: ReportItem[];
  /** Notes on the survey as a whole (other languages, quotas, assessments, …). */
  surveyNotes: string[];
  counts: Record<ItemStatus, number>;
}

/** Our question types by their name in the import and export reports (each type's staff part). */
export const ourTypeLabels: Record<QuestionType | "block", string> = {
  ...(Object.fromEntries(QUESTION_TYPES.map((t) => [t, staffTypes[t].lss.label])) as Record<
    QuestionType,
    string
  >),
  block: "informatieblok",
};

/** LimeSurvey's question types (code → name as LimeSurvey's own Dutch interface shows it, simplified). */
export const limeSurveyTypes: Record<string, string> = {
  "1": "Matrix met twee schalen",
  "5": "Keuze uit 5 punten",
  A: "Matrix (5 punten)",
  B: "Matrix (10 punten)",
  C: "Matrix (ja/nee/weet niet)",
  D: "Datum/tijd",
  E: "Matrix (meer/gelijk/minder)",
  F: "Matrix (eigen schaal)",
  G: "Geslacht",
  H: "Matrix per kolom",
  I: "Taalkeuze",
  K: "Meerdere getallen",
  L: "Lijst (keuzerondjes)",
  M: "Meerkeuze",
  N: "Getal",
  O: "Lijst met opmerking",
  P: "Meerkeuze met opmerkingen",
  Q: "Meerdere korte teksten",
  R: "Rangorde",
  S: "Korte tekst",
  T: "Lange tekst",
  U: "Zeer lange tekst",
  X: "Tekst tonen",
  Y: "Ja/nee",
  "!": "Lijst (uitklapmenu)",
  ":": "Matrix met getallen",
  ";": "Matrix met teksten",
  "|": "Bestand uploaden",
  "*": "Vergelijking",
};

export function countItems(items: ReportItem[]): Record<ItemStatus, number> {
  const counts: Record<ItemStatus, number> = { asIs: 0, changed: 0, leftOut: 0 };
  for (const i of items) counts[i.status]++;
  return counts;
}

/** The report as plain text (CLI). */
export function reportAsText(report: ImportReport): string {
  const lines = [
    `Enquête: ${report.title}`,
    `Taal: ${report.language}`,
    `Vragen: ${report.counts.asIs} overgenomen, ${report.counts.changed} aangepast, ${report.counts.leftOut} weggelaten`,
  ];
  if (report.surveyNotes.length) {
    lines.push("", "Over de hele enquête:");
    for (const n of report.surveyNotes) lines.push(`  - ${n}`);
  }
  lines.push("");
  for (const i of report.items) {
    lines.push(`[${itemStatusLabels[i.status]}] ${i.code} (${i.from}${i.to ? ` → ${i.to}` : ""}): ${i.text}`);
    for (const n of i.notes) lines.push(`    - ${n}`);
  }
  return lines.join("\n");
}
