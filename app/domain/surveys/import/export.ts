// Export of our own survey as a LimeSurvey .lss file (the layout of LimeSurvey 4 to 6, texts in
// *_l10ns tables, language Dutch), so no municipality is locked in. Types LimeSurvey lacks become the
// nearest LimeSurvey type; the report says which. What LimeSurvey has no field for (our keys, woon-DNA
// figures, "weet niet", themes) rides along in one question attribute (extras.ts) so that importing
// our own export gives back the same definition (docs/import.md).

import {
  AGREE_SCALE,
  type Block,
  type Condition,
  type Option,
  type Question,
  questionTypeLabels,
  type SurveyDefinition,
} from "../definition";
import { staffPartFor } from "../question-types/staff";
import { EXTRAS_ATTRIBUTE, type Extras } from "./extras";
import { textToHtml } from "./html";
import { countItems, type ItemStatus, limeSurveyTypes, type ReportItem } from "./report";

export interface ExportReport {
  items: ReportItem[];
  counts: Record<ItemStatus, number>;
}

const SID = "100001";
const DB_VERSION = "480";

type Row = Record<string, string>;

function escapeCdata(v: string): string {
  return v.replace(/]]>/g, "]]]]><![CDATA[>");
}

function table(name: string, rows: Row[], fields: string[]): string {
  if (!rows.length) return "";
  const head = fields.map((f) => `<fieldname>${f}</fieldname>`).join("");
  const body = rows
    .map(
      (r) =>
        `<row>${fields.map((f) => `<${f}><![CDATA[${escapeCdata(r[f] ?? "")}]]></${f}>`).join("")}</row>`,
    )
    .join("\n");
  return ` <${name}>\n  <fields>${head}</fields>\n  <rows>\n${body}\n  </rows>\n </${name}>\n`;
}

/** Our key → a LimeSurvey question code: letters and digits, starting with a letter, at most 20. */
function lsQuestionCode(key: string, taken: Set<string>): string {
  let base = key.replace(/[^A-Za-z0-9]/g, "").slice(0, 18) || "Q";
  if (!/^[A-Za-z]/.test(base)) base = `Q${base}`.slice(0, 18);
  let code = base;
  for (let i = 2; taken.has(code.toLowerCase()); i++) code = `${base.slice(0, 16)}${i}`;
  taken.add(code.toLowerCase());
  return code;
}

/** Answer codes: the imported code if it fits LimeSurvey (≤ 5 characters), else A1, A2, … */
function answerCodes(
  options: Option[],
  prefix: string,
  maxLength: number,
): { code: string; option: Option }[] {
  const taken = new Set<string>();
  const wanted = options.map((o) => {
    const c = o.code ?? o.value;
    if (!/^[A-Za-z0-9]+$/.test(c) || c.length > maxLength || taken.has(c.toLowerCase())) return null;
    taken.add(c.toLowerCase());
    return c;
  });
  let n = 1;
  return options.map((option, i) => {
    let code = wanted[i];
    if (!code) {
      while (taken.has(`${prefix}${n}`.toLowerCase())) n++;
      code = `${prefix}${n}`;
      taken.add(code.toLowerCase());
    }
    return { code, option };
  });
}

interface Coded {
  question: Question;
  code: string;
  options: Map<string, string>;
  rows: Map<string, string>;
}

/** Our condition → an ExpressionScript relevance equation, or null when it does not map. */
function relevanceOf(c: Condition, coded: Map<string, Coded>): string | null {
  if ("all" in c || "any" in c) {
    const parts = ("all" in c ? c.all : c.any).map((p) => relevanceOf(p, coded));
    if (parts.some((p) => p === null)) return null;
    return `(${parts.join("all" in c ? " and " : " or ")})`;
  }
  if ("not" in c) {
    const inner = relevanceOf(c.not, coded);
    return inner === null ? null : `!(${inner})`;
  }
  const target = coded.get(c.question);
  if (!target) return null;
  const q = target.question;
  const quote = (v: string) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  const name = c.row !== undefined ? `${target.code}_${target.rows.get(c.row) ?? ""}` : target.code;
  const values = Array.isArray(c.value) ? c.value : c.value === undefined ? [] : [String(c.value)];
  const codeOf = (v: string) => target.options.get(v);
  const numeric = ["number", "agree", "grade", "birthYear"].includes(q.type);
  switch (c.operator) {
    case "answered":
      if (q.type === "multiple")
        return `(count(${[...target.options.values()].map((o) => `${target.code}_${o}.NAOK`).join(", ")}) >= 1)`;
      return `!is_empty(${name}.NAOK)`;
    case "equals":
    case "notEquals": {
      const v = values[0] ?? "";
      const op = c.operator === "equals" ? "==" : "!=";
      if (q.type === "multiple") {
        const code = codeOf(v);
        return code ? `${target.code}_${code}.NAOK ${op} "Y"` : null;
      }
      if (q.type === "single" || c.row !== undefined) {
        const code = codeOf(v);
        return code ? `${name}.NAOK ${op} ${quote(code)}` : null;
      }
      if (numeric && Number.isFinite(Number(v))) return `${name}.NAOK ${op} ${Number(v)}`;
      if (q.type === "open") return `${name}.NAOK ${op} ${quote(v)}`;
      return null;
    }
    case "anyOf": {
      const parts = values.map((v) =>
        relevanceOf({ question: c.question, operator: "equals", value: v }, coded),
      );
      if (!parts.length || parts.some((p) => p === null)) return null;
      return `(${parts.join(" or ")})`;
    }
    case "atLeast":
    case "atMost":
    case "greaterThan":
    case "lessThan": {
      const op = { atLeast: ">=", atMost: "<=", greaterThan: ">", lessThan: "<" }[c.operator];
      return numeric && c.row === undefined ? `${name}.NAOK ${op} ${Number(c.value)}` : null;
    }
    case "countAtLeast":
    case "countAtMost": {
      if (q.type !== "multiple") return null;
      const args = [...target.options.values()].map((o) => `${target.code}_${o}.NAOK`).join(", ");
      return `count(${args}) ${c.operator === "countAtLeast" ? ">=" : "<="} ${Number(c.value)}`;
    }
  }
}

function blockText(b: Block): string {
  if (b.kind === "text") return [b.title, b.text].filter(Boolean).join("\n\n");
  const figures = b.figures.map((f) => `${f.label}: ${f.value}${f.unit ? ` ${f.unit}` : ""}`).join("\n");
  return [b.title, b.text, figures, b.source ? `Bron: ${b.source}` : ""].filter(Boolean).join("\n\n");
}

const QUESTION_FIELDS = [
  "qid",
  "parent_qid",
  "sid",
  "gid",
  "type",
  "title",
  "preg",
  "other",
  "mandatory",
  "encrypted",
  "question_order",
  "scale_id",
  "same_default",
  "relevance",
  "question_theme_name",
  "modulename",
  "same_script",
];

interface QuestionRow {
  type: string;
  title: string;
  text: string;
  help: string;
  other?: boolean;
  mandatory?: boolean;
  relevance?: string;
}

/** The tables of the .lss file, filled page by page and question by question. */
class LssTables {
  readonly groups: Row[] = [];
  readonly groupTexts: Row[] = [];
  readonly questions: Row[] = [];
  readonly subquestions: Row[] = [];
  readonly questionTexts: Row[] = [];
  readonly answers: Row[] = [];
  readonly answerTexts: Row[] = [];
  readonly attributes: Row[] = [];
  private nextQid = 1;
  private nextAid = 1;
  private nextL10n = 1;

  group(gid: string, order: number, title: string, intro: string) {
    this.groups.push({ gid, sid: SID, group_order: String(order), randomization_group: "", grelevance: "1" });
    this.groupTexts.push({ id: gid, gid, group_name: title, description: textToHtml(intro), language: "nl" });
  }

  /** A question (parent "0") or a subquestion; returns its qid. */
  question(gid: string, parent: string, order: number, row: QuestionRow): string {
    const qid = String(this.nextQid++);
    (parent === "0" ? this.questions : this.subquestions).push({
      qid,
      parent_qid: parent,
      sid: SID,
      gid,
      type: row.type,
      title: row.title,
      preg: "",
      other: row.other ? "Y" : "N",
      mandatory: row.mandatory ? "Y" : "N",
      encrypted: "N",
      question_order: String(order),
      scale_id: "0",
      same_default: "0",
      relevance: row.relevance ?? "1",
      question_theme_name: "",
      modulename: "",
      same_script: "0",
    });
    this.questionTexts.push({
      id: String(this.nextL10n++),
      qid,
      question: textToHtml(row.text),
      help: textToHtml(row.help),
      script: "",
      language: "nl",
    });
    return qid;
  }

  answer(qid: string, code: string, text: string, i: number) {
    const aid = String(this.nextAid++);
    this.answers.push({ aid, qid, code, sortorder: String(i + 1), assessment_value: "0", scale_id: "0" });
    this.answerTexts.push({ id: aid, aid, answer: textToHtml(text), language: "nl" });
  }

  attr(qid: string, attribute: string, value: string) {
    this.attributes.push({ qid, attribute, value, language: "" });
  }

  toXml(def: SurveyDefinition): string {
    const survey = {
      sid: SID,
      language: "nl",
      additional_languages: "",
      active: "N",
      format: "G",
      admin: "",
      anonymized: "Y",
    };
    const settings = {
      surveyls_survey_id: SID,
      surveyls_language: "nl",
      surveyls_title: def.title,
      surveyls_description: textToHtml(def.whatHappens),
      surveyls_welcometext: textToHtml(def.intro),
      surveyls_endtext: textToHtml(def.thankYou),
    };
    return [
      '<?xml version="1.0" encoding="UTF-8"?>\n<document>\n <LimeSurveyDocType>Survey</LimeSurveyDocType>\n',
      ` <DBVersion>${DB_VERSION}</DBVersion>\n <languages>\n  <language>nl</language>\n </languages>\n`,
      table("answers", this.answers, ["aid", "qid", "code", "sortorder", "assessment_value", "scale_id"]),
      table("answer_l10ns", this.answerTexts, ["id", "aid", "answer", "language"]),
      table("groups", this.groups, ["gid", "sid", "group_order", "randomization_group", "grelevance"]),
      table("group_l10ns", this.groupTexts, ["id", "gid", "group_name", "description", "language"]),
      table("questions", this.questions, QUESTION_FIELDS),
      table("subquestions", this.subquestions, QUESTION_FIELDS),
      table("question_l10ns", this.questionTexts, ["id", "qid", "question", "help", "script", "language"]),
      table("question_attributes", this.attributes, ["qid", "attribute", "value", "language"]),
      table("surveys", [survey], Object.keys(survey)),
      table("surveys_languagesettings", [settings], Object.keys(settings)),
      "</document>\n",
    ].join("");
  }
}

/** What a per-type exporter gets: the coded question and ways to write its rows. */
export interface QuestionExport {
  coded: Coded;
  /** [our option value, LimeSurvey answer code], in order. */
  options: [string, string][];
  label: (value: string) => string;
  notes: string[];
  /** Write the question itself with this LimeSurvey type; returns its qid. */
  add: (type: string, other?: boolean) => string;
  sub: (parent: string, code: string, text: string, i: number) => void;
  answer: (qid: string, code: string, text: string, i: number) => void;
  attr: (qid: string, attribute: string, value: string) => void;
}

/** The options of a question (choices, ranking items or the matrix scale) and its matrix rows. */
function listsOf(q: Question): { options: Option[]; rows: Option[] } {
  if (q.type === "single" || q.type === "multiple") return { options: q.options, rows: [] };
  if (q.type === "ranking") return { options: q.items, rows: [] };
  if (q.type === "matrix") return { options: q.scale, rows: q.rows };
  return { options: [], rows: [] };
}

/** Codes first, so conditions can name questions on any earlier page. */
function codeQuestions(def: SurveyDefinition, taken: Set<string>): Map<string, Coded> {
  const coded = new Map<string, Coded>();
  for (const page of def.pages)
    for (const q of page.questions) {
      const own = q.code && /^[A-Za-z][A-Za-z0-9]{0,19}$/.test(q.code) && !taken.has(q.code.toLowerCase());
      if (own) taken.add(q.code!.toLowerCase());
      const code = own ? q.code! : lsQuestionCode(q.key, taken);
      const lists = listsOf(q);
      const options =
        q.type === "agree"
          ? AGREE_SCALE.map((s) => [String(s.value), String(s.value)] as const)
          : answerCodes(
              lists.options,
              q.type === "multiple" ? "SQ" : "A",
              q.type === "multiple" ? 20 : 5,
            ).map((x) => [x.option.value, x.code] as const);
      coded.set(q.key, {
        question: q,
        code,
        options: new Map(options),
        rows: new Map(answerCodes(lists.rows, "SQ", 20).map((x) => [x.option.value, x.code])),
      });
    }
  return coded;
}

/** What rides along in the extras attribute so our own export imports back unchanged. */
function extrasOf(q: Question, c: Coded): Extras {
  const lists = listsOf(q);
  const withCode = (list: Option[], value: string) => {
    const code = list.find((o) => o.value === value)?.code;
    return { v: value, ...(code ? { c: code } : {}) };
  };
  return {
    question: q as unknown as Record<string, unknown>,
    options: Object.fromEntries(
      [...c.options].map(([value, code]) => [code, withCode(lists.options, value)]),
    ),
    rows: Object.fromEntries([...c.rows].map(([value, code]) => [code, withCode(lists.rows, value)])),
  };
}

/** The .lss file and what changed on the way. */
export function exportLss(def: SurveyDefinition): { xml: string; report: ExportReport } {
  const tables = new LssTables();
  const items: ReportItem[] = [];
  const taken = new Set<string>();
  const coded = codeQuestions(def, taken);
  let first = true;

  def.pages.forEach((page, p) => {
    const gid = String(p + 1);
    tables.group(gid, p + 1, page.title, page.intro ?? "");
    let order = 0;
    const addQuestion = (row: QuestionRow, extras: Extras) => {
      const id = tables.question(gid, "0", order++, row);
      if (order === 1)
        extras.page = { key: page.key, kind: page.kind, ...(page.intro ? { intro: page.intro } : {}) };
      if (first) {
        extras.survey = {
          estimatedMinutes: def.estimatedMinutes,
          whatHappens: def.whatHappens,
          intro: def.intro,
        };
        first = false;
      }
      tables.attr(id, EXTRAS_ATTRIBUTE, JSON.stringify(extras));
      return id;
    };

    page.blocks.forEach((b, i) => {
      addQuestion(
        { type: "X", title: lsQuestionCode(`${page.key}info${i + 1}`, taken), text: blockText(b), help: "" },
        { block: b as unknown as Record<string, unknown> },
      );
      items.push({
        code: `${page.key} blok ${i + 1}`,
        text: (b.title ?? b.text ?? "").slice(0, 140),
        from: "informatieblok",
        to: limeSurveyTypes.X!,
        status: b.kind === "figures" ? "changed" : "asIs",
        notes: b.kind === "figures" ? ["De kerncijfers staan in LimeSurvey als tekst, zonder grafiek."] : [],
      });
    });
    for (const q of page.questions) {
      const c = coded.get(q.key)!;
      const notes: string[] = [];
      let relevance = "1";
      if (q.showIf) {
        const r = relevanceOf(q.showIf, coded);
        if (r) relevance = r;
        else notes.push("De voorwaarde past niet in LimeSurvey; de vraag wordt daar altijd getoond.");
      }
      if (q.allowDontKnow)
        notes.push(
          '"Weet ik niet / geen mening" bestaat in LimeSurvey alleen als "Geen antwoord" bij niet-verplichte vragen.',
        );
      if (q.theme || q.background) notes.push("Het thema en de achtergrondvariabele kent LimeSurvey niet.");
      const extras = extrasOf(q, c);
      const head = {
        title: c.code,
        text: q.text,
        help: q.description ?? "",
        mandatory: q.required,
        relevance,
      };
      const options = listsOf(q).options;
      const x: QuestionExport = {
        coded: c,
        options: [...c.options.entries()],
        label: (value) => options.find((o) => o.value === value)!.label,
        notes,
        add: (type, other) => addQuestion({ ...head, type, other }, extras),
        sub: (parent, code, text, i) =>
          void tables.question(gid, parent, i + 1, { type: "T", title: code, text, help: "" }),
        answer: (qid, code, text, i) => tables.answer(qid, code, text, i),
        attr: (qid, attribute, value) => tables.attr(qid, attribute, value),
      };
      const exporter = staffPartFor(q).lss.export as (q: Question, x: QuestionExport) => string;
      const type = exporter(q, x);
      items.push({
        code: q.key,
        text: q.text.slice(0, 140),
        from: questionTypeLabels[q.type],
        to: limeSurveyTypes[type] ?? type,
        status: notes.length ? "changed" : "asIs",
        notes,
      });
    }
  });

  return { xml: tables.toXml(def), report: { items, counts: countItems(items) } };
}
