// What the export columns of every question type share (each type's columns are in its staff part,
// question-types/<type>.staff.tsx): the exported answer row, the column shape, and lookups. Pure, and
// nothing from insights at run time: the personal-data check and the age bands come in as ExportTools.
import type { QuestionOf } from "../definition";
import type { AnswerRow } from "./shared";

/** An answer as exported: the stored answer row. */
export type ExportAnswer = AnswerRow;

export interface ExportColumn {
  key: string;
  question: string;
  description: string;
  /** Value → label, for the codebook. */
  values: Record<string, string>;
  get: (
    answers: ExportAnswer[],
    context: { submittedYear: number; codeLabels: (answerId: number) => string },
  ) => string | number | null;
}

export const DONT_KNOW_EXPORT = "weetniet";

// One lookup table per response's answers, built on first use: ~40 columns × ~25 answers per row.
const indexes = new WeakMap<ExportAnswer[], Map<string, ExportAnswer>>();
export function main(answers: ExportAnswer[], key: string, subKey = "") {
  let index = indexes.get(answers);
  if (!index) {
    index = new Map(answers.map((a) => [`${a.questionKey}\u0000${a.subKey}`, a]));
    indexes.set(answers, index);
  }
  return index.get(`${key}\u0000${subKey}`);
}

export function scalar(a: ExportAnswer | undefined): string | number | null {
  if (!a) return null;
  if (a.dontKnow) return DONT_KNOW_EXPORT;
  return a.valueOption ?? a.valueNumber ?? null;
}

export const roundCoordinate = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

/** What the answers export hands each type's columns. */
export interface ExportTools {
  wijkLabels: Record<string, string>;
  /** The personal-data check for open text (insights/personal-data.ts). */
  redact: (text: string) => string;
  ageBand: (age: number) => string;
  ageBands: { key: string; label: string }[];
}

export function numberColumns(q: QuestionOf<"grade" | "number">): ExportColumn[] {
  const base = { question: q.text };
  return [
    {
      ...base,
      key: q.key,
      description: q.type === "grade" ? "Rapportcijfer 1 tot en met 10" : "Getal",
      values: {},
      get: (answers) => scalar(main(answers, q.key)),
    },
  ];
}
