// What every question type module shares: the typed answer, the form field names, the messages, the
// storage row and the shapes of a type's two parts. Browser-safe (no zod): the survey page validates
// with it before a page is sent.
import type { ReactNode } from "react";
import type { TileConfig } from "~/ui/map/types";
import type { Question, QuestionOf, QuestionType } from "../definition";

export type AnswerValue =
  | { kind: "dontKnow" }
  /** single choice; `other` is the "anders, namelijk" text */
  | { kind: "option"; option: string; other?: string }
  /** multiple choice */
  | { kind: "options"; options: string[]; other?: string }
  /** agree (1–5), grade (1–10), number, year of birth */
  | { kind: "number"; number: number }
  | { kind: "text"; text: string }
  /** ranking: item values, best first */
  | { kind: "ranking"; order: string[] }
  /** matrix: row → scale value, or null for "weet niet" */
  | { kind: "matrix"; rows: Record<string, string | null> }
  /** the 4 digits only (privacy), and the wijk derived on the server */
  | { kind: "postcode"; postcode: string; wijk?: string | null }
  | { kind: "point"; lat?: number; lng?: number; location?: string; address?: string; comment?: string };

export type Answers = Record<string, AnswerValue>;
export type RawValues = Partial<Record<string, string | string[]>>;

export { DONT_KNOW_VALUE, fieldId, fieldName, OTHER_VALUE } from "./fields";

export function first(raw: RawValues, name: string): string {
  const v = raw[name];
  return (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();
}
export function all(raw: RawValues, name: string): string[] {
  const v = raw[name];
  return (Array.isArray(v) ? v : v ? [v] : []).map((s) => s.trim()).filter(Boolean);
}

export function parseNumber(text: string): number | null {
  if (!/^-?\d+([.,]\d+)?$/.test(text)) return null;
  return Number(text.replace(",", "."));
}

export const messages = {
  required: "Beantwoord deze vraag.",
  requiredChoice: "Kies een antwoord.",
  invalidChoice: "Kies een van de mogelijkheden.",
  otherMissing: "U koos 'anders'. Vul in wat u bedoelt.",
  tooMany: (max: number) => `Kies er hoogstens ${max}.`,
  tooLong: (max: number) => `Gebruik hoogstens ${max} tekens.`,
  notANumber: "Vul een getal in, bijvoorbeeld 3.",
  notAWholeNumber: "Vul een heel getal in, zonder komma.",
  numberMin: (min: number) => `Vul een getal in van ${min} of meer.`,
  numberMax: (max: number) => `Vul een getal in van ${max} of minder.`,
  birthYear: (max: number) => `Vul een geboortejaar in tussen 1900 en ${max}, bijvoorbeeld 1965.`,
  postcode: "Vul een postcode in, bijvoorbeeld 2101 AB of 2101.",
  rankingIncomplete: (n: number) => `Geef elk nummer van 1 tot en met ${n} precies één keer.`,
  matrixIncomplete: "Beantwoord elke rij.",
  pointMissing: "Kies een plek op de kaart of uit de lijst, of vul een adres in.",
  pointIncomplete:
    "Vul de breedtegraad en de lengtegraad allebei in als getal, of kies een plek op de kaart.",
  pointOutside: "Deze plek ligt niet in Heemstede. Kies een plek in Heemstede.",
} as const;

export type QuestionResult = { value?: AnswerValue; error?: string };

/** What a type's validation gets besides the question and the form values. */
export interface ValidationContext {
  year: number;
  /** Empty answer: an error when the question is required, else no value. */
  empty: (message?: string) => QuestionResult;
}

export interface AnswerRow {
  questionKey: string;
  subKey: string;
  valueText: string | null;
  valueNumber: number | null;
  valueOption: string | null;
  valueOptions: string[] | null;
  valueLat: number | null;
  valueLng: number | null;
  dontKnow: boolean;
}
export type StoredRow = Omit<AnswerRow, "questionKey">;

/** The props of every question's render component. */
export interface QuestionProps<Q extends Question = Question> {
  q: Q;
  values: RawValues;
  error?: string;
  /** Map tiles for the map-point question; without them it offers the list and the address only. */
  tiles?: TileConfig;
}

/**
 * The resident's part of a question type: all the survey page ships to the browser (no zod, no
 * storage, no editor). The registry (index.ts) is a Record over every type, so a type without it is
 * a type error.
 */
export interface ResidentPart<T extends QuestionType> {
  /** Form values → typed answer or a Dutch message. Not called for "weet niet" radio values. */
  validate(q: QuestionOf<T>, raw: RawValues, context: ValidationContext): QuestionResult;
  /**
   * How "weet ik niet" is given: as a value of the main radio group, as one of the checkboxes, or
   * as a separate box (the matrix has it per row, as a scale value).
   */
  dontKnow: "radio" | "checkbox" | "box" | "perRow";
  /** The plain HTML form fields residents answer with (also the editor's preview and the paper form). */
  Component: (props: QuestionProps<QuestionOf<T>>) => ReactNode;
}
