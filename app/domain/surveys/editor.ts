import { z } from "zod";
import type { FieldErrors, FormValues } from "../../lib/forms";
import {
  type BACKGROUND_VARIABLES,
  type Condition,
  KEY_PATTERN,
  type Option,
  type Page,
  parseDefinition,
  QUESTION_TYPES,
  type Question,
  type QuestionType,
  questionSchema,
  type SimpleCondition,
  type SurveyDefinition,
} from "./definition";
import { staffPartFor, staffTypes } from "./question-types/staff";

// The form-based editor: pure edits on a definition. Each returns the new definition or field
// errors; the whole definition is validated again before it is stored.

export type EditResult = { ok: true; definition: SurveyDefinition } | { ok: false; errors: FieldErrors };

export function str(values: FormValues, name: string): string {
  const v = values[name];
  return (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();
}

/** "Betaalbare woningen" → "betaalbare-woningen" (a key for options, pages and questions). */
export function toKey(label: string): string {
  const key = label
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return /^[a-z]/.test(key) ? key : `k-${key}`.slice(0, 40);
}

function uniqueKey(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const k = `${base.slice(0, 36)}-${i}`;
    if (!taken.has(k)) return k;
  }
}

/**
 * Option lines as staff type them: "Label" or "waarde = Label". Map locations add "; lat; lng".
 */
export function parseOptionLines(
  text: string,
): { value: string; label: string; lat?: number; lng?: number }[] {
  const taken = new Set<string>();
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [main = "", lat, lng] = line.split(";").map((s) => s.trim());
      const eq = main.indexOf("=");
      const label = (eq > 0 ? main.slice(eq + 1) : main).trim();
      const value = eq > 0 ? main.slice(0, eq).trim() : uniqueKey(toKey(label), taken);
      taken.add(value);
      return {
        value,
        label,
        ...(lat !== undefined && lng !== undefined
          ? { lat: Number(lat.replace(",", ".")), lng: Number(lng.replace(",", ".")) }
          : {}),
      };
    });
}

export function optionLines(options: { value: string; label: string; lat?: number; lng?: number }[]): string {
  return options
    .map((o) => `${o.value} = ${o.label}${o.lat !== undefined ? `; ${o.lat}; ${o.lng}` : ""}`)
    .join("\n");
}

export const optionalInt = (v: string) => (v === "" ? undefined : Number(v));

/** The question form → a question object (before zod). */
export function questionInputFromForm(values: FormValues): Record<string, unknown> {
  const type = str(values, "type");
  const showIfQuestion = str(values, "showIfQuestion");
  const showIfOperator = str(values, "showIfOperator") || "equals";
  const showIfValue = str(values, "showIfValue");
  const input: Record<string, unknown> = {
    type,
    key: str(values, "key") || toKey(str(values, "text")).slice(0, 30),
    text: str(values, "text"),
    description: str(values, "description") || undefined,
    required: str(values, "required") === "ja",
    allowDontKnow: str(values, "allowDontKnow") === "ja",
    theme: optionalInt(str(values, "theme")),
    background: str(values, "background") || undefined,
    showIf: showIfQuestion
      ? {
          question: showIfQuestion,
          operator: showIfOperator,
          ...(showIfOperator === "answered"
            ? {}
            : showIfOperator === "anyOf"
              ? {
                  value: showIfValue
                    .split(",")
                    .map((s) => s.trim())
                    .filter(Boolean),
                }
              : showIfOperator === "atLeast" || showIfOperator === "atMost"
                ? { value: Number(showIfValue) }
                : { value: showIfValue }),
        }
      : undefined,
  };
  // An unknown type gets no fields; the schema then names the type as the problem.
  if ((QUESTION_TYPES as readonly string[]).includes(type))
    Object.assign(input, staffTypes[type as QuestionType].editor.fromForm(values));
  return input;
}

const FORM_OPERATORS = ["equals", "notEquals", "anyOf", "answered", "atLeast", "atMost"];

/** A condition the form can show: one test on a whole answer with an operator the form offers. */
function isFormCondition(c: Condition | undefined): c is SimpleCondition {
  return !!c && "question" in c && c.row === undefined && FORM_OPERATORS.includes(c.operator);
}

function simpleShowIfToForm(c: Condition | undefined): FormValues {
  if (!isFormCondition(c)) return { showIfQuestion: "", showIfOperator: "equals", showIfValue: "" };
  return {
    showIfQuestion: c.question,
    showIfOperator: c.operator,
    showIfValue: Array.isArray(c.value) ? c.value.join(", ") : String(c.value ?? ""),
  };
}

/**
 * What the form cannot show survives an edit: imported codes (LimeSurvey codebook) of the question and
 * of options kept by value, and a combined condition (docs/import.md) when the form sets none.
 */
function keepImported(before: Question, after: Question): Question {
  const kept: Question = { ...after };
  if (before.code && kept.code === undefined) kept.code = before.code;
  if (!kept.showIf && before.showIf && !isFormCondition(before.showIf)) kept.showIf = before.showIf;
  const codes = new Map<string, string>();
  for (const list of optionLists(before)) for (const o of list) if (o.code) codes.set(o.value, o.code);
  if (codes.size)
    for (const list of optionLists(kept))
      list.forEach((o, i) => {
        const code = codes.get(o.value);
        if (code && !o.code) list[i] = { ...o, code };
      });
  return kept;
}

function optionLists(q: Question): Option[][] {
  switch (q.type) {
    case "single":
    case "multiple":
      return [q.options];
    case "ranking":
      return [q.items];
    case "matrix":
      return [q.rows, q.scale];
    default:
      return [];
  }
}

/** A question → the editor form's values. */
export function questionToForm(q: Question): FormValues {
  const v: FormValues = {
    type: q.type,
    key: q.key,
    text: q.text,
    description: q.description ?? "",
    required: q.required ? "ja" : "",
    allowDontKnow: q.allowDontKnow ? "ja" : "",
    theme: q.theme ? String(q.theme) : "",
    background: q.background ?? "",
    ...simpleShowIfToForm(q.showIf),
  };
  return { ...v, ...(staffPartFor(q).editor.toForm as (q: Question) => FormValues)(q) };
}

export function zodErrors(error: z.ZodError, prefix: Record<string, string> = {}): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const head = String(issue.path[0] ?? "_form");
    const field = prefix[head] ?? (["items", "rows", "locations"].includes(head) ? "options" : head);
    errors[field] ??= issue.message;
  }
  return errors;
}

/** Validate the whole definition after an edit; its problems become a form-level message. */
export function finish(definition: SurveyDefinition, field = "_form"): EditResult {
  const parsed = parseDefinition(definition);
  if (parsed.ok) return { ok: true, definition: parsed.definition };
  return { ok: false, errors: { [field]: parsed.problems[0]?.message ?? "De enquête klopt niet." } };
}

export const questionTypeSchema = z.enum(QUESTION_TYPES, {
  errorMap: () => ({ message: "Kies een soort vraag." }),
});

/** Add a question to a page, or replace the question `originalKey`. */
export function upsertQuestion(
  def: SurveyDefinition,
  pageKey: string,
  originalKey: string | null,
  values: FormValues,
): EditResult {
  const pageIndex = def.pages.findIndex((p) => p.key === pageKey);
  if (pageIndex === -1) return { ok: false, errors: { _form: "Deze pagina bestaat niet meer." } };
  const input = questionInputFromForm(values);
  if (!questionTypeSchema.safeParse(input.type).success)
    return { ok: false, errors: { type: "Kies een soort vraag." } };
  if (typeof input.key === "string" && !KEY_PATTERN.test(input.key))
    return {
      ok: false,
      errors: { key: "Gebruik kleine letters, cijfers en streepjes, en begin met een letter." },
    };
  const parsed = questionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error) };
  const question = parsed.data;
  const pages = def.pages.map((p) => ({ ...p, questions: [...p.questions] }));
  const page = pages[pageIndex]!;
  if (originalKey) {
    const at = page.questions.findIndex((q) => q.key === originalKey);
    if (at === -1) return { ok: false, errors: { _form: "Deze vraag bestaat niet meer." } };
    page.questions[at] = keepImported(page.questions[at]!, question);
  } else page.questions.push(question);
  if (page.questions.length > 0) page.kind = "questions";
  const parsedDef = parseDefinition({ ...def, pages });
  if (parsedDef.ok) return { ok: true, definition: parsedDef.definition };
  const problem = parsedDef.problems[0]!;
  const last = problem.path.split(".").at(-1);
  const field = last === "key" ? "key" : last === "showIf" ? "showIf" : "options";
  return { ok: false, errors: { [field]: problem.message } };
}

export function deleteQuestion(def: SurveyDefinition, questionKey: string): EditResult {
  return finish({
    ...def,
    pages: def.pages.map((p) => ({ ...p, questions: p.questions.filter((q) => q.key !== questionKey) })),
  });
}

function move<T>(list: T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (index < 0 || to < 0 || to >= list.length) return list;
  const copy = [...list];
  [copy[index], copy[to]] = [copy[to]!, copy[index]!];
  return copy;
}

export function moveQuestion(def: SurveyDefinition, questionKey: string, delta: -1 | 1): EditResult {
  return finish({
    ...def,
    pages: def.pages.map((p) => ({
      ...p,
      questions: move(
        p.questions,
        p.questions.findIndex((q) => q.key === questionKey),
        delta,
      ),
    })),
  });
}

export const pageFormSchema = z.object({
  title: z.string().trim().min(1, "Geef de pagina een titel.").max(200, "Gebruik hoogstens 200 tekens."),
  intro: z.string().trim().max(2000, "Gebruik hoogstens 2000 tekens.").optional(),
  kind: z.enum(["info", "questions"]).default("questions"),
});

export function upsertPage(def: SurveyDefinition, pageKey: string | null, values: FormValues): EditResult {
  const parsed = pageFormSchema.safeParse({
    title: str(values, "title"),
    intro: str(values, "intro") || undefined,
    kind: str(values, "kind") || "questions",
  });
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error) };
  if (pageKey) {
    if (!def.pages.some((p) => p.key === pageKey))
      return { ok: false, errors: { _form: "Deze pagina bestaat niet meer." } };
    return finish({
      ...def,
      pages: def.pages.map((p) => (p.key === pageKey ? { ...p, ...parsed.data } : p)),
    });
  }
  const key = uniqueKey(toKey(parsed.data.title), new Set(def.pages.map((p) => p.key)));
  const page: Page = { key, blocks: [], questions: [], ...parsed.data };
  return finish({ ...def, pages: [...def.pages, page] });
}

export function deletePage(def: SurveyDefinition, pageKey: string): EditResult {
  if (def.pages.length <= 1)
    return { ok: false, errors: { _form: "Een enquête heeft minstens één pagina." } };
  return finish({ ...def, pages: def.pages.filter((p) => p.key !== pageKey) });
}

export function movePage(def: SurveyDefinition, pageKey: string, delta: -1 | 1): EditResult {
  return finish({
    ...def,
    pages: move(
      def.pages,
      def.pages.findIndex((p) => p.key === pageKey),
      delta,
    ),
  });
}

export const generalSchema = z.object({
  title: z.string().trim().min(1, "Vul een titel in.").max(200, "Gebruik hoogstens 200 tekens."),
  intro: z.string().trim().max(4000, "Gebruik hoogstens 4000 tekens.").default(""),
  estimatedMinutes: z.coerce
    .number({ invalid_type_error: "Vul een aantal minuten in." })
    .int("Vul een heel aantal minuten in.")
    .min(1, "Vul minstens 1 minuut in.")
    .max(120, "Vul hoogstens 120 minuten in."),
  whatHappens: z.string().trim().max(4000, "Gebruik hoogstens 4000 tekens.").default(""),
  thankYou: z.string().trim().max(2000, "Gebruik hoogstens 2000 tekens.").default(""),
});

export function updateGeneral(def: SurveyDefinition, values: FormValues): EditResult {
  const parsed = generalSchema.safeParse({
    title: str(values, "title"),
    intro: str(values, "intro"),
    estimatedMinutes: str(values, "estimatedMinutes"),
    whatHappens: str(values, "whatHappens"),
    thankYou: str(values, "thankYou"),
  });
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error) };
  return finish({ ...def, ...parsed.data });
}

/** JSON import: the whole definition at once; problems are listed with their place. */
export function importDefinition(json: string): EditResult {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return {
      ok: false,
      errors: { json: "Dit is geen geldige JSON. Controleer haakjes, komma's en aanhalingstekens." },
    };
  }
  const parsed = parseDefinition(data);
  if (parsed.ok) return { ok: true, definition: parsed.definition };
  const first = parsed.problems[0]!;
  return {
    ok: false,
    errors: {
      json: `${first.message}${first.path ? ` (bij ${first.path})` : ""}${parsed.problems.length > 1 ? ` En nog ${parsed.problems.length - 1} andere problemen.` : ""}`,
    },
  };
}

export const backgroundLabels: Record<(typeof BACKGROUND_VARIABLES)[number], string> = {
  age: "Leeftijd",
  tenure: "Eigendom woning (koop/huur)",
  household: "Huishouden",
  wijk: "Wijk",
};
