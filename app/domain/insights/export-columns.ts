// The columns of the answers export: one row per response, one or more columns per question, and a
// codebook describing them. Disclosure control: a birth year is exported as an age group, a postcode as
// its wijk, a map point rounded to about 100 m, an address never; open text has personal data replaced.
import type { AnswerRow } from "../surveys/answers";
import {
  AGREE_SCALE,
  choiceLabels,
  listQuestions,
  type Question,
  type QuestionOf,
  type QuestionType,
  type SurveyDefinition,
} from "../surveys/definition";
import { cleanSideText, redactPersonalData } from "./personal-data";
import { ageBand, ageBands } from "./results";

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
function main(answers: ExportAnswer[], key: string, subKey = "") {
  let index = indexes.get(answers);
  if (!index) {
    index = new Map(answers.map((a) => [`${a.questionKey}\u0000${a.subKey}`, a]));
    indexes.set(answers, index);
  }
  return index.get(`${key}\u0000${subKey}`);
}

function scalar(a: ExportAnswer | undefined): string | number | null {
  if (!a) return null;
  if (a.dontKnow) return DONT_KNOW_EXPORT;
  return a.valueOption ?? a.valueNumber ?? null;
}

const roundCoordinate = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

export function exportColumns(
  definition: Pick<SurveyDefinition, "pages">,
  wijkLabels: Record<string, string>,
): ExportColumn[] {
  const columns: ExportColumn[] = [];
  for (const q of listQuestions(definition)) columns.push(...columnsFor(q, wijkLabels));
  // Every column passes the one personal-data check, whatever it holds (a code label named after the
  // words of an answer included); values from the codebook are the survey's own and pass as they are.
  return columns.map((c) => ({
    ...c,
    get: (answers, context) => {
      const v = c.get(answers, context);
      return typeof v === "string" && !(v in c.values) ? cleanSideText(v) : v;
    },
  }));
}

function numberColumns(q: QuestionOf<"grade" | "number">): ExportColumn[] {
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

/**
 * The export columns of every question type: a Record over the type list, so a new type without its
 * columns (and codebook entries) is a type error.
 */
const columnsByType: {
  [T in QuestionType]: (q: QuestionOf<T>, wijkLabels: Record<string, string>) => ExportColumn[];
} = {
  birthYear: (q) => {
    const base = { question: q.text };
    return [
      {
        ...base,
        key: `${q.key}_leeftijdsgroep`,
        description: "Leeftijdsgroep bij het invullen (het geboortejaar zelf wordt niet geëxporteerd)",
        values: Object.fromEntries(ageBands.map((b) => [b.key, b.label])),
        get: (answers, ctx) => {
          const a = main(answers, q.key);
          return a?.valueNumber ? ageBand(ctx.submittedYear - a.valueNumber) : null;
        },
      },
    ];
  },
  postcode: (q, wijkLabels) => {
    const base = { question: q.text };
    return [
      {
        ...base,
        key: `${q.key}_wijk`,
        description: "Wijk van de postcode (de postcode zelf wordt niet geëxporteerd)",
        values: wijkLabels,
        get: (answers) => main(answers, q.key)?.valueOption ?? null,
      },
    ];
  },
  single: (q) => {
    const base = { question: q.text };
    return [
      {
        ...base,
        key: q.key,
        description: "Gekozen antwoord",
        values: { ...choiceLabels(q), [DONT_KNOW_EXPORT]: "Weet ik niet / geen mening" },
        get: (answers) => scalar(main(answers, q.key)),
      },
      ...(q.other
        ? [
            {
              ...base,
              key: `${q.key}_anders`,
              description: "Tekst bij 'anders, namelijk' (persoonsgegevens verwijderd)",
              values: {},
              get: (answers: ExportAnswer[]) => {
                const t = answers.find((a) => a.questionKey === q.key && a.valueText)?.valueText;
                return t ? redactPersonalData(t) : null;
              },
            },
          ]
        : []),
    ];
  },
  multiple: (q) => {
    const base = { question: q.text };
    return q.options.map((o) => ({
      ...base,
      key: `${q.key}_${o.value}`,
      description: `Gekozen: ${o.label} (1 = ja, 0 = nee)`,
      values: { "1": "Gekozen", "0": "Niet gekozen" },
      get: (answers: ExportAnswer[]) => {
        const a = main(answers, q.key);
        if (!a) return null;
        if (a.dontKnow) return DONT_KNOW_EXPORT;
        return a.valueOptions?.includes(o.value) ? 1 : 0;
      },
    }));
  },
  agree: (q) => {
    const base = { question: q.text };
    return [
      {
        ...base,
        key: q.key,
        description: "Eens/oneens, 1 tot en met 5",
        values: {
          ...Object.fromEntries(AGREE_SCALE.map((s) => [String(s.value), s.label])),
          [DONT_KNOW_EXPORT]: "Weet ik niet / geen mening",
        },
        get: (answers) => scalar(main(answers, q.key)),
      },
    ];
  },
  grade: numberColumns,
  number: numberColumns,
  matrix: (q) => {
    const base = { question: q.text };
    return q.rows.map((row) => ({
      ...base,
      key: `${q.key}_${row.value}`,
      description: `Rij: ${row.label}`,
      values: choiceLabels(q),
      get: (answers: ExportAnswer[]) => scalar(main(answers, q.key, row.value)),
    }));
  },
  ranking: (q) => {
    const base = { question: q.text };
    return q.items.map((item) => ({
      ...base,
      key: `${q.key}_${item.value}`,
      description: `Plaats van: ${item.label} (1 = belangrijkst)`,
      values: {},
      get: (answers: ExportAnswer[]) => scalar(main(answers, q.key, item.value)),
    }));
  },
  open: (q) => {
    const base = { question: q.text };
    return [
      {
        ...base,
        key: q.key,
        description: "Open antwoord (persoonsgegevens vervangen door [… verwijderd])",
        values: {},
        get: (answers) => {
          const t = main(answers, q.key)?.valueText;
          return t ? redactPersonalData(t) : null;
        },
      },
      {
        ...base,
        key: `${q.key}_codes`,
        description: "Codes van het open antwoord (gescheiden door ' | ')",
        values: {},
        get: (answers, ctx) => {
          const a = main(answers, q.key) as (ExportAnswer & { id?: number }) | undefined;
          return a?.id ? ctx.codeLabels(a.id) || null : null;
        },
      },
    ];
  },
  mapPoint: (q) => {
    const base = { question: q.text };
    return [
      {
        ...base,
        key: `${q.key}_plek`,
        description: "Gekozen plek",
        values: choiceLabels(q),
        get: (answers) => main(answers, q.key)?.valueOption ?? null,
      },
      {
        ...base,
        key: `${q.key}_lat`,
        description: "Breedtegraad, afgerond op ongeveer 100 meter",
        values: {},
        get: (answers) => roundCoordinate(main(answers, q.key)?.valueLat ?? null),
      },
      {
        ...base,
        key: `${q.key}_lng`,
        description: "Lengtegraad, afgerond op ongeveer 100 meter",
        values: {},
        get: (answers) => roundCoordinate(main(answers, q.key)?.valueLng ?? null),
      },
      {
        ...base,
        key: `${q.key}_toelichting`,
        description: "Toelichting (persoonsgegevens verwijderd; een adres wordt nooit geëxporteerd)",
        values: {},
        get: (answers) => {
          const t = main(answers, q.key)?.valueText;
          return t ? redactPersonalData(t) : null;
        },
      },
    ];
  },
};

function columnsFor(q: Question, wijkLabels: Record<string, string>): ExportColumn[] {
  return (columnsByType[q.type] as (q: Question, w: Record<string, string>) => ExportColumn[])(q, wijkLabels);
}

export const fixedColumns = [
  { key: "respondent", description: "Pseudoniem respondentnummer (geen naam of e-mailadres)" },
  {
    key: "kanaal",
    description:
      "open (open link), panel, letter (brief met code), papier (papieren vragenlijst) of bureau (invoerbureau)",
  },
  { key: "ingevuld_op", description: "Datum van insturen" },
] as const;
