// The columns of the answers export: one row per response, one or more columns per question, and a
// codebook describing them. Disclosure control: a birth year is exported as an age group, a postcode as
// its wijk, a map point rounded to about 100 m, an address never; open text has personal data replaced.
// Each question type's columns are in its staff part (surveys/question-types/<type>.staff.tsx).
import { listQuestions, type Question, type SurveyDefinition } from "../surveys/definition";
import {
  DONT_KNOW_EXPORT,
  type ExportAnswer,
  type ExportColumn,
  type ExportTools,
} from "../surveys/question-types/export-parts";
import { staffPartFor } from "../surveys/question-types/staff";
import { cleanSideText, redactPersonalData } from "./personal-data";
import { ageBand, ageBands } from "./results";

export { DONT_KNOW_EXPORT, type ExportAnswer, type ExportColumn };

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

function columnsFor(q: Question, wijkLabels: Record<string, string>): ExportColumn[] {
  const tools: ExportTools = { wijkLabels, redact: redactPersonalData, ageBand, ageBands };
  return (staffPartFor(q).exportColumns as (q: Question, t: ExportTools) => ExportColumn[])(q, tools);
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
