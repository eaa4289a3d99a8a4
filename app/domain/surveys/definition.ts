import { z } from "zod";
import { AGREE_SCALE, OTHER_LABEL } from "./constants";
import { questionProblems } from "./question-problems";

export {
  AGREE_SCALE,
  DONT_KNOW_LABEL,
  HEEMSTEDE_BOUNDS,
  OTHER_LABEL,
  type ThemeId,
  WOONVISIE_THEMES,
} from "./constants";

// A survey definition is typed data: staff edit it (form editor or JSON), a published version is
// frozen in survey_versions.definition, and both the page renderer and the answer validation
// (answers.ts) are driven by it. Seed 000: inform first (woon-DNA blocks), then ask.

/** Keys of questions, options, matrix rows and ranking items: lower case, digits and hyphens. */
export const KEY_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;
const key = z
  .string()
  .regex(
    KEY_PATTERN,
    "Gebruik kleine letters, cijfers en streepjes (begin met een letter, hoogstens 40 tekens).",
  );

/** Background variables used for representativeness and breakdowns (insights, panel). */
export const BACKGROUND_VARIABLES = ["age", "tenure", "household", "wijk"] as const;
export type BackgroundVariable = (typeof BACKGROUND_VARIABLES)[number];

export const QUESTION_TYPES = [
  "single",
  "multiple",
  "agree",
  "grade",
  "ranking",
  "matrix",
  "open",
  "number",
  "birthYear",
  "postcode",
  "mapPoint",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const questionTypeLabels: Record<QuestionType, string> = {
  single: "Eén antwoord kiezen",
  multiple: "Meer antwoorden kiezen",
  agree: "Eens/oneens (5 punten)",
  grade: "Rapportcijfer (1 tot en met 10)",
  ranking: "Rangorde",
  matrix: "Matrix (rijen × schaal)",
  open: "Open antwoord",
  number: "Getal",
  birthYear: "Geboortejaar",
  postcode: "Postcode (bepaalt de wijk)",
  mapPoint: "Plek in Heemstede",
};

/**
 * `code`: the code this option, row or question had in the survey it was imported from (LimeSurvey),
 * when it differs from our key; kept so exported answers can still follow the old codebook.
 */
const importedCode = z.string().min(1).max(40).optional();

const optionSchema = z.object({
  value: key,
  label: z.string().trim().min(1, "Vul een tekst in.").max(200),
  code: importedCode,
});
export type Option = z.infer<typeof optionSchema>;

export const CONDITION_OPERATORS = [
  "equals",
  "notEquals",
  "anyOf",
  "answered",
  "atLeast",
  "atMost",
  "greaterThan",
  "lessThan",
  "countAtLeast",
  "countAtMost",
] as const;

/**
 * One test on an earlier answer. equals/notEquals: option value (or number as text); anyOf: option
 * values; atLeast/atMost/greaterThan/lessThan: number; countAtLeast/countAtMost: how many options are
 * chosen (multiple choice). `row`: test one row of a matrix question instead of the whole answer.
 */
export const simpleConditionSchema = z.object({
  question: key,
  row: key.optional(),
  operator: z.enum(CONDITION_OPERATORS),
  value: z.union([z.string(), z.number(), z.array(z.string())]).optional(),
});
export type SimpleCondition = z.infer<typeof simpleConditionSchema>;

/**
 * Show a question only when earlier answers match: one test, or all/any of several, or the opposite
 * (all/any/not came with the LimeSurvey import, docs/import.md). Conditions may only refer to questions
 * on earlier pages, so the page a resident gets is known before it is shown (works without JavaScript).
 */
export type Condition = SimpleCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    simpleConditionSchema,
    z.object({ all: z.array(conditionSchema).min(1).max(50) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1).max(50) }).strict(),
    z.object({ not: conditionSchema }).strict(),
  ]),
);

/** Deeper combinations are refused before zod walks them: a JSON import could nest thousands. */
const MAX_CONDITION_DEPTH = 20;
function conditionDepthOk(value: unknown): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [c, depth] = stack.pop()!;
    if (depth > MAX_CONDITION_DEPTH) return false;
    if (!c || typeof c !== "object") continue;
    const o = c as Record<string, unknown>;
    for (const k of ["all", "any"])
      if (Array.isArray(o[k])) for (const x of o[k] as unknown[]) stack.push([x, depth + 1]);
    if ("not" in o) stack.push([o.not, depth + 1]);
  }
  return true;
}
const boundedConditionSchema = z
  .custom<Condition>(conditionDepthOk, "De voorwaarde is te diep genest.")
  .pipe(conditionSchema);

/** The simple tests inside a condition, in order. */
export function conditionTests(c: Condition): SimpleCondition[] {
  if ("all" in c) return c.all.flatMap(conditionTests);
  if ("any" in c) return c.any.flatMap(conditionTests);
  if ("not" in c) return conditionTests(c.not);
  return [c];
}

const base = {
  key,
  text: z.string().trim().min(1, "Vul de vraag in.").max(500),
  description: z.string().trim().max(1000).optional(),
  required: z.boolean().default(false),
  allowDontKnow: z.boolean().default(false),
  showIf: boundedConditionSchema.optional(),
  code: importedCode,
  theme: z.number().int().min(1).max(5).optional(),
  background: z.enum(BACKGROUND_VARIABLES).optional(),
};

const options = z.array(optionSchema).min(2, "Geef minstens twee antwoordmogelijkheden.").max(30);

export const questionSchema = z.discriminatedUnion("type", [
  z.object({ ...base, type: z.literal("single"), options, other: z.boolean().default(false) }),
  z.object({
    ...base,
    type: z.literal("multiple"),
    options,
    other: z.boolean().default(false),
    max: z.number().int().min(1).optional(),
  }),
  z.object({ ...base, type: z.literal("agree") }),
  z.object({ ...base, type: z.literal("grade") }),
  z.object({
    ...base,
    type: z.literal("ranking"),
    items: options,
    /** Rank only the top N (default: all items). */
    top: z.number().int().min(1).optional(),
  }),
  z.object({
    ...base,
    type: z.literal("matrix"),
    rows: z.array(optionSchema).min(1).max(20),
    scale: options,
  }),
  z.object({
    ...base,
    type: z.literal("open"),
    maxLength: z.number().int().min(10).max(5000).default(1000),
    multiline: z.boolean().default(true),
  }),
  z.object({
    ...base,
    type: z.literal("number"),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().default(true),
    unit: z.string().max(30).optional(),
  }),
  z.object({ ...base, type: z.literal("birthYear"), minAge: z.number().int().min(0).max(120).default(0) }),
  z.object({ ...base, type: z.literal("postcode") }),
  z.object({
    ...base,
    type: z.literal("mapPoint"),
    /** Places to choose from without a map (and without JavaScript). */
    locations: z
      .array(optionSchema.extend({ lat: z.number(), lng: z.number() }))
      .max(50)
      .default([]),
    allowAddress: z.boolean().default(true),
    commentLabel: z.string().max(200).default("Toelichting"),
  }),
]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;

const figureSchema = z.object({
  label: z.string().trim().min(1).max(120),
  value: z.number(),
  unit: z.string().max(20).optional(),
});

/** Info blocks for the woon-DNA: short text, or key figures shown as an SVG chart plus the same table. */
export const blockSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("text"),
    title: z.string().max(200).optional(),
    text: z.string().min(1).max(4000),
  }),
  z.object({
    kind: z.literal("figures"),
    title: z.string().trim().min(1).max(200),
    text: z.string().max(2000).optional(),
    chart: z.enum(["bar", "none"]).default("bar"),
    figures: z.array(figureSchema).min(1).max(20),
    source: z.string().max(300).optional(),
    /** True for example figures (voorbeeldcijfers) that staff should replace with official ones. */
    isExample: z.boolean().default(false),
    theme: z.number().int().min(1).max(5).optional(),
  }),
]);
export type Block = z.infer<typeof blockSchema>;

export const pageSchema = z.object({
  key,
  title: z.string().trim().min(1, "Geef de pagina een titel.").max(200),
  intro: z.string().max(2000).optional(),
  /** "info" pages (woon-DNA) have blocks only; they come before the questions. */
  kind: z.enum(["info", "questions"]).default("questions"),
  blocks: z.array(blockSchema).default([]),
  questions: z.array(questionSchema).default([]),
});
export type Page = z.infer<typeof pageSchema>;

export const surveyDefinitionSchema = z
  .object({
    schemaVersion: z.literal(1).default(1),
    title: z.string().trim().min(1, "Geef de enquête een titel.").max(200),
    intro: z.string().trim().max(4000).default(""),
    /** Estimated minutes, shown on the intro page. */
    estimatedMinutes: z.number().int().min(1).max(120).default(10),
    /** What happens with the answers (seed 000: "Wat gebeurt er met de opbrengst?"). */
    whatHappens: z.string().trim().max(4000).default(""),
    thankYou: z.string().trim().max(2000).default(""),
    pages: z.array(pageSchema).min(1, "Een enquête heeft minstens één pagina.").max(60),
  })
  .superRefine((def, ctx) => {
    const seenPages = new Set<string>();
    const earlier = new Map<string, Question>();
    def.pages.forEach((page, p) => {
      if (seenPages.has(page.key))
        ctx.addIssue({
          code: "custom",
          path: ["pages", p, "key"],
          message: `Paginasleutel "${page.key}" komt twee keer voor.`,
        });
      seenPages.add(page.key);
      const onThisPage: Question[] = [];
      page.questions.forEach((q, i) => {
        const path = ["pages", p, "questions", i];
        if (earlier.has(q.key) || onThisPage.some((o) => o.key === q.key))
          ctx.addIssue({
            code: "custom",
            path: [...path, "key"],
            message: `Vraagsleutel "${q.key}" komt twee keer voor.`,
          });
        for (const problem of questionProblems(q)) ctx.addIssue({ code: "custom", path, message: problem });
        if (q.showIf && conditionTests(q.showIf).some((t) => !earlier.has(t.question)))
          ctx.addIssue({
            code: "custom",
            path: [...path, "showIf"],
            message: `De voorwaarde van "${q.key}" moet verwijzen naar een vraag op een eerdere pagina.`,
          });
        onThisPage.push(q);
      });
      for (const q of onThisPage) earlier.set(q.key, q);
    });
  });

export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;
/** What staff may write (defaults not yet applied), e.g. in JSON import. */
export type SurveyDefinitionInput = z.input<typeof surveyDefinitionSchema>;

/** Parse an unknown value (stored JSON, an import) into a definition with defaults applied. */
export function parseDefinition(
  input: unknown,
): { ok: true; definition: SurveyDefinition } | { ok: false; problems: { path: string; message: string }[] } {
  const result = surveyDefinitionSchema.safeParse(input);
  if (result.success) return { ok: true, definition: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
  };
}

/** All questions in page order, with the index of their page. */
export function listQuestions(def: Pick<SurveyDefinition, "pages">): (Question & { pageIndex: number })[] {
  return def.pages.flatMap((page, pageIndex) => page.questions.map((q) => ({ ...q, pageIndex })));
}

export function findQuestion(
  def: Pick<SurveyDefinition, "pages">,
  questionKey: string,
): Question | undefined {
  for (const page of def.pages) for (const q of page.questions) if (q.key === questionKey) return q;
  return undefined;
}

/** The question carrying a background variable (first one wins), e.g. "wijk" → the postcode question. */
export function backgroundQuestion(
  def: Pick<SurveyDefinition, "pages">,
  variable: BackgroundVariable,
): Question | undefined {
  return listQuestions(def).find((q) => q.background === variable);
}

const labelsOf = (options: Option[]) => Object.fromEntries(options.map((o) => [o.value, o.label]));
const noLabels = () => ({});

/** Per question type: the choices it offers, by stored value. A Record, so no type is forgotten. */
const choiceLabelsByType: { [T in QuestionType]: (q: QuestionOf<T>) => Record<string, string> } = {
  single: (q) => ({ ...labelsOf(q.options), ...(q.other ? { anders: OTHER_LABEL } : {}) }),
  multiple: (q) => ({ ...labelsOf(q.options), ...(q.other ? { anders: OTHER_LABEL } : {}) }),
  ranking: (q) => labelsOf(q.items),
  matrix: (q) => labelsOf(q.scale),
  agree: () => Object.fromEntries(AGREE_SCALE.map((o) => [String(o.value), o.label])),
  mapPoint: (q) => labelsOf(q.locations),
  grade: noLabels,
  open: noLabels,
  number: noLabels,
  birthYear: noLabels,
  postcode: noLabels,
};

/** Labels of the choices a question offers, by stored value; used by results and exports. */
export function choiceLabels(q: Question): Record<string, string> {
  return (choiceLabelsByType[q.type] as (q: Question) => Record<string, string>)(q);
}

/** Woon-DNA pages are the info pages before the first question page. */
export function isInfoPage(page: Page): boolean {
  return page.kind === "info" || page.questions.length === 0;
}

/** An empty draft for "Nieuwe enquête". */
export function emptyDefinition(title: string): SurveyDefinition {
  return surveyDefinitionSchema.parse({
    title,
    intro: "",
    estimatedMinutes: 5,
    whatHappens: "",
    pages: [{ key: "vragen", title: "Vragen", questions: [] }],
  });
}
