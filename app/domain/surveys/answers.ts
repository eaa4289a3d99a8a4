// The one answer validation, built from the definition: per question `validateQuestion` of the
// question-type registry, which the browser also runs before a page is sent; here the pages,
// conditions and progress around it, and the mapping between typed answers and the
// one-row-per-answer storage. What differs per question type lives in the type's modules
// (question-types/); this file holds what is the same for every type.
import type { Condition, Page, Question, SurveyDefinition } from "./definition";
import { residentPartFor, validateQuestion } from "./question-types";
import {
  type AnswerRow,
  type Answers,
  type AnswerValue,
  DONT_KNOW_VALUE,
  fieldName,
  type RawValues,
  type StoredRow,
} from "./question-types/shared";
import { row, staffPartFor } from "./question-types/staff";

export {
  type AnswerRow,
  type Answers,
  type AnswerValue,
  DONT_KNOW_VALUE,
  fieldId,
  fieldName,
  messages,
  OTHER_VALUE,
  type QuestionResult,
  type RawValues,
} from "./question-types/shared";

/** Stored value for a postcode outside every known wijk. */
export const OUTSIDE_WIJK = "buiten-heemstede";

export { validateQuestion };

// ---------------------------------------------------------------- conditions

function comparable(value: AnswerValue): { options: string[]; number?: number } {
  switch (value.kind) {
    case "option":
      return { options: [value.option] };
    case "options":
      return { options: value.options };
    case "number":
      return { options: [String(value.number)], number: value.number };
    case "text":
      return { options: [value.text] };
    case "postcode":
      return { options: [value.postcode, ...(value.wijk ? [value.wijk] : [])] };
    case "point":
      return { options: value.location ? [value.location] : [] };
    case "ranking":
      return { options: value.order.slice(0, 1) };
    default:
      return { options: [] };
  }
}

/** Does the condition hold for the answers so far? "Weet niet" counts as not answered. */
export function conditionHolds(condition: Condition, answers: Answers): boolean {
  if ("all" in condition) return condition.all.every((c) => conditionHolds(c, answers));
  if ("any" in condition) return condition.any.some((c) => conditionHolds(c, answers));
  if ("not" in condition) return !conditionHolds(condition.not, answers);
  const answer = answers[condition.question];
  const row = condition.row;
  const cell = row !== undefined && answer?.kind === "matrix" ? answer.rows[row] : null;
  const given =
    row !== undefined
      ? cell
        ? { options: [cell], number: undefined }
        : null
      : answer && answer.kind !== "dontKnow"
        ? comparable(answer)
        : null;
  const target = condition.value;
  const n = given?.number;
  switch (condition.operator) {
    case "answered":
      return given !== null;
    case "equals":
      return given?.options.includes(String(target)) ?? false;
    case "notEquals":
      return given === null || !given.options.includes(String(target));
    case "anyOf": {
      const list = Array.isArray(target) ? target : target === undefined ? [] : [String(target)];
      return given?.options.some((o) => list.includes(o)) ?? false;
    }
    case "atLeast":
      return n !== undefined && n >= Number(target);
    case "atMost":
      return n !== undefined && n <= Number(target);
    case "greaterThan":
      return n !== undefined && n > Number(target);
    case "lessThan":
      return n !== undefined && n < Number(target);
    case "countAtLeast":
      return (given?.options.length ?? 0) >= Number(target);
    case "countAtMost":
      return (given?.options.length ?? 0) <= Number(target);
  }
}

export function isVisible(q: Question, answers: Answers): boolean {
  return !q.showIf || conditionHolds(q.showIf, answers);
}

export function visibleQuestions(page: Page, answers: Answers): Question[] {
  return page.questions.filter((q) => isVisible(q, answers));
}

/** A question page whose questions are all hidden is skipped; info pages are always shown. */
export function isPageShown(page: Page, answers: Answers): boolean {
  return page.questions.length === 0 || visibleQuestions(page, answers).length > 0;
}

/** The next shown page after `from` (or the survey's end: pages.length). */
export function nextPage(def: Pick<SurveyDefinition, "pages">, from: number, answers: Answers): number {
  for (let i = from + 1; i < def.pages.length; i++) if (isPageShown(def.pages[i]!, answers)) return i;
  return def.pages.length;
}

/** The previous shown page before `from`, or -1 for the intro. */
export function previousPage(def: Pick<SurveyDefinition, "pages">, from: number, answers: Answers): number {
  for (let i = Math.min(from, def.pages.length) - 1; i >= 0; i--)
    if (isPageShown(def.pages[i]!, answers)) return i;
  return -1;
}

/** Progress as shown pages done / shown pages in total, counting from page index `current`. */
export function progress(def: Pick<SurveyDefinition, "pages">, current: number, answers: Answers) {
  const shown = def.pages.map((p, i) => ({ i, shown: isPageShown(p, answers) })).filter((p) => p.shown);
  const position = shown.findIndex((p) => p.i >= current);
  const step = position === -1 ? shown.length : position + 1;
  return { step, total: shown.length, percent: Math.round(((step - 1) / Math.max(shown.length, 1)) * 100) };
}

// ---------------------------------------------------------------- pages

export interface PageResult {
  /** Answers to store (visible questions with a valid value). */
  answers: Answers;
  /** Keys whose stored answer should be removed (left empty, or hidden by a condition). */
  cleared: string[];
  errors: Record<string, string>;
}

/**
 * Validate one page. `strict` (next, submit): every error counts. `lenient` (back, save for later):
 * required questions may stay empty and invalid input is not stored, so going back never blocks.
 */
export function validatePage(
  page: Page,
  raw: RawValues,
  previous: Answers,
  options: { mode: "strict" | "lenient"; year?: number },
): PageResult {
  const result: PageResult = { answers: {}, cleared: [], errors: {} };
  const context = { year: options.year ?? new Date().getFullYear() };
  for (const q of page.questions) {
    if (!isVisible(q, previous)) {
      result.cleared.push(q.key);
      continue;
    }
    const r = validateQuestion(q, raw, context);
    if (r.error) {
      if (options.mode === "strict") result.errors[q.key] = r.error;
      continue;
    }
    if (r.value) result.answers[q.key] = r.value;
    else result.cleared.push(q.key);
  }
  return result;
}

/** Required visible questions of the whole survey that have no answer: checked once more at submit. */
export function missingRequired(def: Pick<SurveyDefinition, "pages">, answers: Answers): string[] {
  const missing: string[] = [];
  for (const page of def.pages)
    for (const q of page.questions)
      if (q.required && isVisible(q, answers) && !answers[q.key]) missing.push(q.key);
  return missing;
}

// ---------------------------------------------------------------- storage rows

/** A storage row under the answers table's column names, for inserting with plain SQL. */
export function answerColumns(r: AnswerRow) {
  return {
    question_key: r.questionKey,
    sub_key: r.subKey,
    value_text: r.valueText,
    value_number: r.valueNumber,
    value_option: r.valueOption,
    value_options: r.valueOptions,
    value_lat: r.valueLat,
    value_lng: r.valueLng,
    dont_know: r.dontKnow,
  };
}

/** Typed answer → storage rows (one per answer; one per matrix row or ranked item). */
export function toRows(q: Question, value: AnswerValue): AnswerRow[] {
  if (value.kind === "dontKnow") return [row(q.key, { dontKnow: true })];
  return staffPartFor(q).toRows(q, value);
}

/** Storage rows of one question → typed answer (undefined when there are none). */
export function fromRows(q: Question, rows: StoredRow[]): AnswerValue | undefined {
  if (rows.length === 0) return undefined;
  const main = rows.find((r) => r.subKey === "");
  if (main?.dontKnow && residentPartFor(q).dontKnow !== "perRow") return { kind: "dontKnow" };
  return staffPartFor(q).fromRows(q, main, rows);
}

/** Typed answer → the form values that show it again (defaults of the page's fields). */
export function toFormValues(q: Question, value: AnswerValue | undefined): RawValues {
  if (!value) return {};
  if (value.kind === "dontKnow") {
    const how = residentPartFor(q).dontKnow;
    if (how === "radio") return { [fieldName(q.key)]: DONT_KNOW_VALUE };
    if (how === "checkbox") return { [fieldName(q.key)]: [DONT_KNOW_VALUE] };
    return { [fieldName(q.key, DONT_KNOW_VALUE)]: "ja" };
  }
  return staffPartFor(q).toFormValues(q, value);
}

/** All form values of a page, from the stored answers. */
export function pageFormValues(page: Page, answers: Answers): RawValues {
  return Object.assign({}, ...page.questions.map((q) => toFormValues(q, answers[q.key])));
}
