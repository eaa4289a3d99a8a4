// The registry of survey question types, staff and server part: everything the resident's browser
// never needs (storage rows, values for redisplay, editor fields, export columns, LimeSurvey export).
// The survey page's component never imports this file (its loader and action do, on the server). A Record over every type, so a type without this part is a type error. The resident part
// is in index.ts; docs/architecture.md lists the steps to add a type.
import type { ReactNode } from "react";
import type { FieldErrors, FormValues } from "~/lib/forms";
import type { QuestionOf, QuestionType } from "../definition";
import type { QuestionExport } from "../import/export";
import type { ExportColumn, ExportTools } from "./export-parts";
import { mapPoint } from "./map-point.staff";
import { matrix } from "./matrix.staff";
import { multiple } from "./multiple.staff";
import { birthYear, number } from "./number.staff";
import { open } from "./open.staff";
import { postcode } from "./postcode.staff";
import { ranking } from "./ranking.staff";
import { agree, grade } from "./scale.staff";
import type { AnswerRow, AnswerValue, RawValues, StoredRow } from "./shared";
import { single } from "./single.staff";

/** What a question type does outside the resident's browser. */
export interface StaffPart<T extends QuestionType> {
  /** Typed answer (never "weet niet") → storage rows: one per answer, or one per row or item. */
  toRows(q: QuestionOf<T>, value: AnswerValue): AnswerRow[];
  /** Storage rows (at least one; "weet niet" already handled) → typed answer. */
  fromRows(q: QuestionOf<T>, main: StoredRow | undefined, rows: StoredRow[]): AnswerValue | undefined;
  /** Typed answer (never "weet niet") → the form values that show it again (computed by the loader). */
  toFormValues(q: QuestionOf<T>, value: AnswerValue): RawValues;
  /** The type's own settings in the editor: form values → properties (checked by the schema after), back, and the fields. */
  editor: {
    fromForm(values: FormValues): Record<string, unknown>;
    toForm(q: QuestionOf<T>): FormValues;
    Fields: (props: { values: FormValues; errors: FieldErrors }) => ReactNode;
  };
  /** The columns and codebook entries of the answers export (before the personal-data check of every column). */
  exportColumns(q: QuestionOf<T>, tools: ExportTools): ExportColumn[];
  /** The LimeSurvey .lss export: the label in import and export reports, and the rows it writes (returns the LimeSurvey type). */
  lss: { label: string; export(q: QuestionOf<T>, x: QuestionExport): string };
}

export const staffTypes: { [T in QuestionType]: StaffPart<T> } = {
  single,
  multiple,
  agree,
  grade,
  ranking,
  matrix,
  open,
  number,
  birthYear,
  postcode,
  mapPoint,
};

/** The staff part of a question's own type (one cast, here, instead of a switch in every consumer). */
export function staffPartFor<T extends QuestionType>(q: QuestionOf<T>): StaffPart<T> {
  return staffTypes[q.type as T] as StaffPart<T>;
}

/** A storage row with every value empty but the given ones. */
export function row(questionKey: string, values: Partial<AnswerRow> = {}): AnswerRow {
  return {
    questionKey,
    subKey: "",
    valueText: null,
    valueNumber: null,
    valueOption: null,
    valueOptions: null,
    valueLat: null,
    valueLng: null,
    dontKnow: false,
    ...values,
  };
}
