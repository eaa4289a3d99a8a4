// Paper questionnaires and answers typed by a bureau (issue 15, docs/paper.md). Pure rules: checking a
// whole questionnaire at once with the survey's own validation (answers.ts, the same as the online
// form), finding differences between two entries of one paper form, and the bureau template's columns.
import {
  type Answers,
  type AnswerValue,
  DONT_KNOW_VALUE,
  fieldName,
  OTHER_VALUE,
  type RawValues,
  validatePage,
} from "./answers";
import { AGREE_SCALE, DONT_KNOW_LABEL, OTHER_LABEL } from "./constants";
import { choiceLabels, listQuestions, type Question, type SurveyDefinition } from "./definition";

/** Copies with a new letter code per print run (each code is shown only once, when it is made). */
export const MAX_PRINT = 500;

export interface FormCheck {
  answers: Answers;
  /** Question key → Dutch message, in the order of the paper. */
  errors: Record<string, string>;
}

/**
 * A whole questionnaire (every page) checked at once, as the online form checks each page on
 * "Volgende": strict, and conditions see the answers of earlier pages. No rule of its own.
 */
export function checkWholeForm(
  def: Pick<SurveyDefinition, "pages">,
  raw: RawValues,
  year: number = new Date().getFullYear(),
): FormCheck {
  const answers: Answers = {};
  const errors: Record<string, string> = {};
  for (const page of def.pages) {
    const result = validatePage(page, raw, answers, { mode: "strict", year });
    Object.assign(errors, result.errors);
    Object.assign(answers, result.answers);
  }
  return { answers, errors };
}

// ---------------------------------------------------------------- double entry

export interface Disagreement {
  questionKey: string;
  question: string;
  first: string;
  second: string;
}

/** Same answer? Compared as data, so key order or an absent optional part does not matter. */
export function sameAnswer(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object")
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

/** The questions on which two entries of one paper form differ, in the order of the paper. */
export function findDisagreements(
  def: Pick<SurveyDefinition, "pages">,
  first: Answers,
  second: Answers,
): Disagreement[] {
  return listQuestions(def)
    .filter((q) => !sameAnswer(first[q.key], second[q.key]))
    .map((q) => ({
      questionKey: q.key,
      question: q.text,
      first: describeAnswer(q, first[q.key]),
      second: describeAnswer(q, second[q.key]),
    }));
}

/**
 * The answers that count after resolving: per disagreeing question the entry staff chose. Every
 * disagreement must have a choice; a question both entries agree on keeps that answer.
 */
export function resolveAnswers(
  def: Pick<SurveyDefinition, "pages">,
  first: Answers,
  second: Answers,
  choices: Record<string, "first" | "second">,
): { ok: true; answers: Answers } | { ok: false; missing: string[] } {
  const open = findDisagreements(def, first, second).map((d) => d.questionKey);
  const missing = open.filter((k) => choices[k] !== "first" && choices[k] !== "second");
  if (missing.length > 0) return { ok: false, missing };
  const answers: Answers = {};
  for (const q of listQuestions(def)) {
    const value = open.includes(q.key) && choices[q.key] === "second" ? second[q.key] : first[q.key];
    if (value) answers[q.key] = value;
  }
  return { ok: true, answers };
}

/** An answer as a staff member reads it on the disagreement screen. */
export function describeAnswer(q: Question, value: AnswerValue | undefined): string {
  if (!value) return "(niet ingevuld)";
  const labels = choiceLabels(q);
  const label = (v: string) => labels[v] ?? v;
  switch (value.kind) {
    case "dontKnow":
      return DONT_KNOW_LABEL;
    case "option":
      return value.other ? `${OTHER_LABEL} ${value.other}` : label(value.option);
    case "options":
      return [
        ...value.options.filter((o) => o !== OTHER_VALUE).map(label),
        ...(value.options.includes(OTHER_VALUE) ? [`${OTHER_LABEL} ${value.other ?? ""}`.trim()] : []),
      ].join("; ");
    case "number":
      return q.type === "agree"
        ? (AGREE_SCALE.find((s) => s.value === value.number)?.label ?? String(value.number))
        : String(value.number).replace(".", ",");
    case "text":
      return value.text;
    case "ranking": {
      const items = q.type === "ranking" ? Object.fromEntries(q.items.map((i) => [i.value, i.label])) : {};
      return value.order.map((v, i) => `${i + 1}. ${items[v] ?? v}`).join("; ");
    }
    case "matrix": {
      const rows = q.type === "matrix" ? q.rows : [];
      return rows
        .filter((r) => r.value in value.rows)
        .map(
          (r) => `${r.label}: ${value.rows[r.value] === null ? "weet ik niet" : label(value.rows[r.value]!)}`,
        )
        .join("; ");
    }
    case "postcode":
      return value.postcode;
    case "point":
      return [
        value.location ? label(value.location) : null,
        !value.location && value.lat !== undefined ? `${value.lat}, ${value.lng}` : null,
        value.address ?? null,
        value.comment ? `toelichting: ${value.comment}` : null,
      ]
        .filter(Boolean)
        .join("; ");
  }
}

// ---------------------------------------------------------------- bureau template

/** The first column of every bureau file: the letter code printed on the paper form. */
export const CODE_COLUMN = "code";

export interface TemplateColumn {
  key: string;
  questionKey: string;
  question: string;
  description: string;
  /** Value → label, for the codebook. */
  values: Record<string, string>;
  /** Put one cell's text into the online form's fields; a message when the cell cannot be read. */
  apply: (raw: RawValues, cell: string) => string | null;
}

const dontKnowValues = { [DONT_KNOW_VALUE]: DONT_KNOW_LABEL };

function set(raw: RawValues, name: string, value: string) {
  raw[name] = value;
  return null;
}

function push(raw: RawValues, name: string, value: string) {
  const current = raw[name];
  raw[name] = [...(Array.isArray(current) ? current : current ? [current] : []), value];
}

/** "Weet niet" goes into the question's own box (or its radio value for choice questions). */
function dontKnowOr(q: Question, raw: RawValues, cell: string, name: string) {
  if (q.allowDontKnow && cell === DONT_KNOW_VALUE) return set(raw, fieldName(q.key, DONT_KNOW_VALUE), "ja");
  return set(raw, name, cell);
}

/**
 * One column per answer field, named as in the answers export (docs/insights.md), except where the
 * export leaves detail out for privacy: the bureau types the birth year and the postcode themselves.
 */
export function templateColumns(def: Pick<SurveyDefinition, "pages">): TemplateColumn[] {
  const columns: TemplateColumn[] = [];
  for (const q of listQuestions(def)) {
    const base = { questionKey: q.key, question: q.text };
    const col = (
      key: string,
      description: string,
      values: Record<string, string>,
      apply: TemplateColumn["apply"],
    ) => columns.push({ ...base, key, description, values, apply });
    const dk = q.allowDontKnow ? dontKnowValues : {};
    switch (q.type) {
      case "single":
        col(q.key, "Gekozen antwoord", { ...choiceLabels(q), ...dk }, (raw, c) =>
          set(raw, fieldName(q.key), c),
        );
        if (q.other)
          col(`${q.key}_anders`, "Tekst bij 'anders, namelijk'", {}, (raw, c) =>
            set(raw, fieldName(q.key, OTHER_VALUE), c),
          );
        break;
      case "multiple":
        for (const o of q.options)
          col(
            `${q.key}_${o.value}`,
            `Gekozen: ${o.label} (1 = ja, 0 of leeg = nee)`,
            { "1": "Gekozen", "0": "Niet gekozen", ...dk },
            (raw, c) => {
              if (c === "1") push(raw, fieldName(q.key), o.value);
              else if (q.allowDontKnow && c === DONT_KNOW_VALUE) push(raw, fieldName(q.key), DONT_KNOW_VALUE);
              else if (c !== "0") return "Gebruik 1 (gekozen) of 0 (niet gekozen).";
              return null;
            },
          );
        if (q.other)
          col(`${q.key}_anders`, "Tekst bij 'anders, namelijk' (ingevuld = gekozen)", {}, (raw, c) => {
            push(raw, fieldName(q.key), OTHER_VALUE);
            return set(raw, fieldName(q.key, OTHER_VALUE), c);
          });
        break;
      case "agree":
        col(
          q.key,
          "Eens/oneens, 1 tot en met 5",
          { ...Object.fromEntries(AGREE_SCALE.map((s) => [String(s.value), s.label])), ...dk },
          (raw, c) => set(raw, fieldName(q.key), c),
        );
        break;
      case "grade":
        col(q.key, "Rapportcijfer 1 tot en met 10", dk, (raw, c) => set(raw, fieldName(q.key), c));
        break;
      case "number":
        col(
          q.key,
          [
            "Getal",
            q.min !== undefined ? `vanaf ${q.min}` : "",
            q.max !== undefined ? `tot en met ${q.max}` : "",
          ]
            .filter(Boolean)
            .join(" "),
          dk,
          (raw, c) => dontKnowOr(q, raw, c, fieldName(q.key)),
        );
        break;
      case "birthYear":
        col(q.key, "Geboortejaar, bijvoorbeeld 1965", dk, (raw, c) =>
          dontKnowOr(q, raw, c, fieldName(q.key)),
        );
        break;
      case "postcode":
        col(q.key, "Postcode, bijvoorbeeld 2101 AB of 2101", dk, (raw, c) =>
          dontKnowOr(q, raw, c, fieldName(q.key)),
        );
        break;
      case "open":
        col(q.key, "Open antwoord", dk, (raw, c) => dontKnowOr(q, raw, c, fieldName(q.key)));
        break;
      case "matrix": {
        const values = { ...choiceLabels(q), ...dk };
        for (const row of q.rows)
          col(`${q.key}_${row.value}`, `Rij: ${row.label}`, values, (raw, c) =>
            set(raw, fieldName(q.key, row.value), c),
          );
        break;
      }
      case "ranking":
        for (const item of q.items)
          col(`${q.key}_${item.value}`, `Plaats van: ${item.label} (1 = belangrijkst)`, dk, (raw, c) =>
            dontKnowOr(q, raw, c, fieldName(q.key, item.value)),
          );
        break;
      case "mapPoint":
        col(`${q.key}_plek`, "Gekozen plek", { ...choiceLabels(q), ...dk }, (raw, c) =>
          dontKnowOr(q, raw, c, fieldName(q.key, "locatie")),
        );
        col(`${q.key}_lat`, "Breedtegraad", {}, (raw, c) => set(raw, fieldName(q.key, "lat"), c));
        col(`${q.key}_lng`, "Lengtegraad", {}, (raw, c) => set(raw, fieldName(q.key, "lng"), c));
        if (q.allowAddress)
          col(`${q.key}_adres`, "Adres", {}, (raw, c) => set(raw, fieldName(q.key, "adres"), c));
        col(`${q.key}_toelichting`, q.commentLabel, {}, (raw, c) =>
          set(raw, fieldName(q.key, "opmerking"), c),
        );
        break;
    }
  }
  return columns;
}

export interface RowError {
  /** Line in the file (the header is line 1). */
  line: number;
  column: string;
  message: string;
}

export interface CheckedRow {
  line: number;
  code: string;
  answers: Answers;
}

/** Read the header: every template column must be there, in any order; unknown columns are an error. */
export function readHeader(
  header: readonly string[],
  columns: readonly TemplateColumn[],
): { ok: true; index: Map<string, number> } | { ok: false; message: string } {
  const names = header.map((h) => h.trim().replace(/^\uFEFF/, ""));
  const index = new Map<string, number>();
  names.forEach((n, i) => {
    if (n !== "" && !index.has(n)) index.set(n, i);
  });
  const known = new Set([CODE_COLUMN, ...columns.map((c) => c.key)]);
  const missing = [...known].filter((k) => !index.has(k));
  const unknown = names.filter((n) => n !== "" && !known.has(n));
  if (missing.length > 0 || unknown.length > 0)
    return {
      ok: false,
      message: [
        "De kolommen kloppen niet met het sjabloon van deze enquête. Download het sjabloon opnieuw.",
        missing.length > 0 ? `Ontbreekt: ${missing.slice(0, 10).join(", ")}.` : "",
        unknown.length > 0 ? `Onbekend: ${unknown.slice(0, 10).join(", ")}.` : "",
      ]
        .filter(Boolean)
        .join(" "),
    };
  return { ok: true, index };
}

/**
 * One bureau row: the cells go into the online form's fields, then the whole form is checked by the
 * survey's own validation. The code is only read here; whether it exists is for the database.
 */
export function checkRow(
  def: Pick<SurveyDefinition, "pages">,
  columns: readonly TemplateColumn[],
  index: ReadonlyMap<string, number>,
  cells: readonly string[],
  line: number,
  year: number,
): { row: CheckedRow; errors: RowError[] } {
  const errors: RowError[] = [];
  const raw: RawValues = {};
  const columnOf = new Map<string, string>();
  for (const c of columns) {
    const text = (cells[index.get(c.key)!] ?? "").trim();
    if (text === "") continue;
    if (!columnOf.has(c.questionKey)) columnOf.set(c.questionKey, c.key);
    const problem = c.apply(raw, text);
    if (problem) errors.push({ line, column: c.key, message: problem });
  }
  const code = (cells[index.get(CODE_COLUMN)!] ?? "").trim();
  const checked = checkWholeForm(def, raw, year);
  for (const [key, message] of Object.entries(checked.errors))
    if (!errors.some((e) => columns.find((c) => c.key === e.column)?.questionKey === key))
      errors.push({ line, column: columnOf.get(key) ?? key, message });
  return { row: { line, code, answers: checked.answers }, errors };
}
