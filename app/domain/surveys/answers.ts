// The one answer validation, built from the definition. It runs on the server for every saved
// page and in the browser before a page is sent (no zod at run time here, to keep the survey page
// small). Also the mapping between typed answers and the one-row-per-answer storage.
import { AGREE_SCALE, HEEMSTEDE_BOUNDS } from "./constants";
import type { Condition, Page, Question, QuestionOf, SurveyDefinition } from "./definition";

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

/** Stored value for a postcode outside every known wijk. */
export const OUTSIDE_WIJK = "buiten-heemstede";
export const DONT_KNOW_VALUE = "weetniet";
export const OTHER_VALUE = "anders";

/** Form field names: v_<key> for the main value, v_<key>__<sub> for rows, items and extras. */
export function fieldName(questionKey: string, sub?: string): string {
  return sub ? `v_${questionKey}__${sub}` : `v_${questionKey}`;
}
/** The id the error summary links to (the fieldset or the single input). */
export function fieldId(questionKey: string): string {
  return `vraag-${questionKey}`;
}

function first(raw: RawValues, name: string): string {
  const v = raw[name];
  return (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();
}
function all(raw: RawValues, name: string): string[] {
  const v = raw[name];
  return (Array.isArray(v) ? v : v ? [v] : []).map((s) => s.trim()).filter(Boolean);
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

function parseNumber(text: string): number | null {
  if (!/^-?\d+([.,]\d+)?$/.test(text)) return null;
  return Number(text.replace(",", "."));
}

/** Validate one question's form values. Empty and not required → no value and no error. */
export function validateQuestion(
  q: Question,
  raw: RawValues,
  context: { year: number } = { year: new Date().getFullYear() },
): QuestionResult {
  const main = fieldName(q.key);
  const dontKnowBox = q.allowDontKnow && first(raw, fieldName(q.key, DONT_KNOW_VALUE)) !== "";
  const empty = (message: string = messages.required): QuestionResult =>
    q.required ? { error: message } : {};

  switch (q.type) {
    case "single": {
      const v = first(raw, main);
      if (!v) return empty(messages.requiredChoice);
      if (v === DONT_KNOW_VALUE && q.allowDontKnow) return { value: { kind: "dontKnow" } };
      if (v === OTHER_VALUE && q.other) {
        const other = first(raw, fieldName(q.key, OTHER_VALUE));
        if (!other) return { error: messages.otherMissing };
        if (other.length > 200) return { error: messages.tooLong(200) };
        return { value: { kind: "option", option: v, other } };
      }
      if (!q.options.some((o) => o.value === v)) return { error: messages.invalidChoice };
      return { value: { kind: "option", option: v } };
    }
    case "multiple": {
      const chosen = [...new Set(all(raw, main))];
      if (q.allowDontKnow && chosen.includes(DONT_KNOW_VALUE)) return { value: { kind: "dontKnow" } };
      if (chosen.length === 0) return empty(messages.requiredChoice);
      const allowed = new Set([...q.options.map((o) => o.value), ...(q.other ? [OTHER_VALUE] : [])]);
      if (chosen.some((c) => !allowed.has(c))) return { error: messages.invalidChoice };
      if (q.max !== undefined && chosen.length > q.max) return { error: messages.tooMany(q.max) };
      const ordered = [...allowed].filter((v) => chosen.includes(v));
      if (chosen.includes(OTHER_VALUE)) {
        const other = first(raw, fieldName(q.key, OTHER_VALUE));
        if (!other) return { error: messages.otherMissing };
        if (other.length > 200) return { error: messages.tooLong(200) };
        return { value: { kind: "options", options: ordered, other } };
      }
      return { value: { kind: "options", options: ordered } };
    }
    case "agree":
    case "grade": {
      const v = first(raw, main);
      if (!v) return empty(messages.requiredChoice);
      if (v === DONT_KNOW_VALUE && q.allowDontKnow) return { value: { kind: "dontKnow" } };
      const n = Number(v);
      const max = q.type === "agree" ? AGREE_SCALE.length : 10;
      if (!Number.isInteger(n) || n < 1 || n > max) return { error: messages.invalidChoice };
      return { value: { kind: "number", number: n } };
    }
    case "ranking": {
      if (dontKnowBox) return { value: { kind: "dontKnow" } };
      const n = q.top ?? q.items.length;
      const ranks = q.items
        .map((item) => ({ item: item.value, text: first(raw, fieldName(q.key, item.value)) }))
        .filter((r) => r.text !== "");
      if (ranks.length === 0) return empty(messages.rankingIncomplete(n));
      const numbers = ranks.map((r) => Number(r.text));
      const valid =
        numbers.every((x) => Number.isInteger(x) && x >= 1 && x <= n) &&
        new Set(numbers).size === numbers.length &&
        numbers.length === n;
      if (!valid) return { error: messages.rankingIncomplete(n) };
      const order = ranks
        .map((r, i) => ({ item: r.item, rank: numbers[i]! }))
        .sort((a, b) => a.rank - b.rank)
        .map((r) => r.item);
      return { value: { kind: "ranking", order } };
    }
    case "matrix": {
      const rows: Record<string, string | null> = {};
      const scale = new Set(q.scale.map((s) => s.value));
      for (const row of q.rows) {
        const v = first(raw, fieldName(q.key, row.value));
        if (!v) continue;
        if (v === DONT_KNOW_VALUE && q.allowDontKnow) rows[row.value] = null;
        else if (scale.has(v)) rows[row.value] = v;
        else return { error: messages.invalidChoice };
      }
      const answered = Object.keys(rows).length;
      if (answered === 0) return empty(messages.matrixIncomplete);
      if (q.required && answered < q.rows.length) return { error: messages.matrixIncomplete };
      return { value: { kind: "matrix", rows } };
    }
    case "open": {
      if (dontKnowBox) return { value: { kind: "dontKnow" } };
      const text = first(raw, main).replace(/\r\n/g, "\n");
      if (!text) return empty();
      if (text.length > q.maxLength) return { error: messages.tooLong(q.maxLength) };
      return { value: { kind: "text", text } };
    }
    case "number":
    case "birthYear": {
      if (dontKnowBox) return { value: { kind: "dontKnow" } };
      const text = first(raw, main);
      if (!text) return empty();
      const n = parseNumber(text);
      if (q.type === "birthYear") {
        const max = context.year - q.minAge;
        if (n === null || !Number.isInteger(n) || n < 1900 || n > max)
          return { error: messages.birthYear(max) };
        return { value: { kind: "number", number: n } };
      }
      if (n === null) return { error: messages.notANumber };
      if (q.integer && !Number.isInteger(n)) return { error: messages.notAWholeNumber };
      if (q.min !== undefined && n < q.min) return { error: messages.numberMin(q.min) };
      if (q.max !== undefined && n > q.max) return { error: messages.numberMax(q.max) };
      return { value: { kind: "number", number: n } };
    }
    case "postcode": {
      if (dontKnowBox) return { value: { kind: "dontKnow" } };
      const text = first(raw, main).toUpperCase().replace(/\s+/g, "");
      if (!text) return empty();
      const match = text.match(/^([1-9]\d{3})([A-Z]{2})?$/);
      if (!match) return { error: messages.postcode };
      return { value: { kind: "postcode", postcode: match[1]! } };
    }
    case "mapPoint":
      return validatePoint(q, raw, dontKnowBox, empty);
  }
}

function validatePoint(
  q: QuestionOf<"mapPoint">,
  raw: RawValues,
  dontKnowBox: boolean,
  empty: (m?: string) => QuestionResult,
): QuestionResult {
  if (dontKnowBox) return { value: { kind: "dontKnow" } };
  const locationValue = first(raw, fieldName(q.key, "locatie"));
  const address = q.allowAddress ? first(raw, fieldName(q.key, "adres")) : "";
  const comment = first(raw, fieldName(q.key, "opmerking")).replace(/\r\n/g, "\n");
  const latText = first(raw, fieldName(q.key, "lat"));
  const lngText = first(raw, fieldName(q.key, "lng"));
  if (comment.length > 1000) return { error: messages.tooLong(1000) };
  if (address.length > 200) return { error: messages.tooLong(200) };
  const value: Extract<AnswerValue, { kind: "point" }> = { kind: "point" };
  if (locationValue) {
    const location = q.locations.find((l) => l.value === locationValue);
    if (!location) return { error: messages.invalidChoice };
    Object.assign(value, { location: location.value, lat: location.lat, lng: location.lng });
  } else if (latText || lngText) {
    const lat = parseNumber(latText);
    const lng = parseNumber(lngText);
    if (lat === null || lng === null) return { error: messages.pointIncomplete };
    const b = HEEMSTEDE_BOUNDS;
    if (lat < b.south || lat > b.north || lng < b.west || lng > b.east)
      return { error: messages.pointOutside };
    Object.assign(value, { lat, lng });
  }
  if (address) value.address = address;
  if (value.lat === undefined && !value.address) {
    if (comment) return { error: messages.pointMissing };
    return empty(messages.pointMissing);
  }
  if (comment) value.comment = comment;
  return { value };
}

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

function row(questionKey: string, values: Partial<AnswerRow> = {}): AnswerRow {
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

/** Typed answer → storage rows (one per answer; one per matrix row or ranked item). */
export function toRows(q: Question, value: AnswerValue): AnswerRow[] {
  const k = q.key;
  switch (value.kind) {
    case "dontKnow":
      return [row(k, { dontKnow: true })];
    case "option":
      return [row(k, { valueOption: value.option, valueText: value.other ?? null })];
    case "options":
      return [row(k, { valueOptions: value.options, valueText: value.other ?? null })];
    case "number":
      // Agree and grade also as option text, so one (question_key, value_option) index counts them.
      return [
        row(k, {
          valueNumber: value.number,
          valueOption: q.type === "agree" || q.type === "grade" ? String(value.number) : null,
        }),
      ];
    case "text":
      return [row(k, { valueText: value.text })];
    case "ranking":
      return value.order.map((item, i) => row(k, { subKey: item, valueNumber: i + 1 }));
    case "matrix":
      return Object.entries(value.rows).map(([sub, v]) =>
        row(k, { subKey: sub, valueOption: v, dontKnow: v === null }),
      );
    case "postcode":
      return [row(k, { valueText: value.postcode, valueOption: value.wijk ?? null })];
    case "point": {
      const rows = [
        row(k, {
          valueLat: value.lat ?? null,
          valueLng: value.lng ?? null,
          valueOption: value.location ?? null,
          valueText: value.comment ?? null,
        }),
      ];
      if (value.address) rows.push(row(k, { subKey: "adres", valueText: value.address }));
      return rows;
    }
  }
}

/** Storage rows of one question → typed answer (undefined when there are none). */
export function fromRows(q: Question, rows: Omit<AnswerRow, "questionKey">[]): AnswerValue | undefined {
  if (rows.length === 0) return undefined;
  const main = rows.find((r) => r.subKey === "");
  if (main?.dontKnow && q.type !== "matrix") return { kind: "dontKnow" };
  switch (q.type) {
    case "single":
      return main?.valueOption
        ? { kind: "option", option: main.valueOption, ...(main.valueText ? { other: main.valueText } : {}) }
        : undefined;
    case "multiple":
      return main?.valueOptions
        ? {
            kind: "options",
            options: main.valueOptions,
            ...(main.valueText ? { other: main.valueText } : {}),
          }
        : undefined;
    case "agree":
    case "grade":
    case "number":
    case "birthYear":
      return main?.valueNumber != null ? { kind: "number", number: main.valueNumber } : undefined;
    case "open":
      return main?.valueText != null ? { kind: "text", text: main.valueText } : undefined;
    case "ranking": {
      const ranked = rows.filter((r) => r.subKey !== "" && r.valueNumber != null);
      ranked.sort((a, b) => a.valueNumber! - b.valueNumber!);
      return { kind: "ranking", order: ranked.map((r) => r.subKey) };
    }
    case "matrix":
      return {
        kind: "matrix",
        rows: Object.fromEntries(
          rows.filter((r) => r.subKey !== "").map((r) => [r.subKey, r.dontKnow ? null : r.valueOption]),
        ),
      };
    case "postcode":
      return main?.valueText
        ? {
            kind: "postcode",
            postcode: main.valueText,
            ...(main.valueOption ? { wijk: main.valueOption } : {}),
          }
        : undefined;
    case "mapPoint": {
      const address = rows.find((r) => r.subKey === "adres")?.valueText ?? undefined;
      const value: AnswerValue = { kind: "point" };
      if (main?.valueLat != null && main.valueLng != null)
        Object.assign(value, { lat: main.valueLat, lng: main.valueLng });
      if (main?.valueOption) value.location = main.valueOption;
      if (main?.valueText) value.comment = main.valueText;
      if (address) value.address = address;
      return value;
    }
  }
}

/** Typed answer → the form values that show it again (defaults of the page's fields). */
export function toFormValues(q: Question, value: AnswerValue | undefined): RawValues {
  if (!value) return {};
  const k = q.key;
  if (value.kind === "dontKnow") {
    const radio = q.type === "single" || q.type === "agree" || q.type === "grade";
    if (radio) return { [fieldName(k)]: DONT_KNOW_VALUE };
    if (q.type === "multiple") return { [fieldName(k)]: [DONT_KNOW_VALUE] };
    return { [fieldName(k, DONT_KNOW_VALUE)]: "ja" };
  }
  switch (value.kind) {
    case "option":
      return {
        [fieldName(k)]: value.option,
        ...(value.other ? { [fieldName(k, OTHER_VALUE)]: value.other } : {}),
      };
    case "options":
      return {
        [fieldName(k)]: value.options,
        ...(value.other ? { [fieldName(k, OTHER_VALUE)]: value.other } : {}),
      };
    case "number":
      return { [fieldName(k)]: String(value.number) };
    case "text":
      return { [fieldName(k)]: value.text };
    case "ranking":
      return Object.fromEntries(value.order.map((item, i) => [fieldName(k, item), String(i + 1)]));
    case "matrix":
      return Object.fromEntries(
        Object.entries(value.rows).map(([sub, v]) => [fieldName(k, sub), v === null ? DONT_KNOW_VALUE : v]),
      );
    case "postcode":
      return { [fieldName(k)]: value.postcode };
    case "point":
      return {
        ...(value.location ? { [fieldName(k, "locatie")]: value.location } : {}),
        ...(value.address ? { [fieldName(k, "adres")]: value.address } : {}),
        ...(value.comment ? { [fieldName(k, "opmerking")]: value.comment } : {}),
        ...(!value.location && value.lat !== undefined
          ? { [fieldName(k, "lat")]: String(value.lat), [fieldName(k, "lng")]: String(value.lng) }
          : {}),
      };
  }
}

/** All form values of a page, from the stored answers. */
export function pageFormValues(page: Page, answers: Answers): RawValues {
  return Object.assign({}, ...page.questions.map((q) => toFormValues(q, answers[q.key])));
}
