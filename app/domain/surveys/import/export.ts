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

/** The .lss file and what changed on the way. */
export function exportLss(def: SurveyDefinition): { xml: string; report: ExportReport } {
  const groups: Row[] = [];
  const groupTexts: Row[] = [];
  const questions: Row[] = [];
  const subquestions: Row[] = [];
  const questionTexts: Row[] = [];
  const answers: Row[] = [];
  const answerTexts: Row[] = [];
  const attributes: Row[] = [];
  const items: ReportItem[] = [];
  const taken = new Set<string>();
  const coded = new Map<string, Coded>();
  let qid = 1;
  let aid = 1;
  let l10n = 1;
  let first = true;

  // Codes first, so conditions can name questions on any earlier page.
  for (const page of def.pages)
    for (const q of page.questions) {
      const own = q.code && /^[A-Za-z][A-Za-z0-9]{0,19}$/.test(q.code) && !taken.has(q.code.toLowerCase());
      if (own) taken.add(q.code!.toLowerCase());
      const code = own ? q.code! : lsQuestionCode(q.key, taken);
      const lists =
        q.type === "single" || q.type === "multiple"
          ? { options: q.options, rows: [] as Option[] }
          : q.type === "ranking"
            ? { options: q.items, rows: [] }
            : q.type === "matrix"
              ? { options: q.scale, rows: q.rows }
              : { options: [] as Option[], rows: [] as Option[] };
      const optionMax = q.type === "multiple" ? 20 : 5;
      coded.set(q.key, {
        question: q,
        code,
        options: new Map(
          answerCodes(lists.options, q.type === "multiple" ? "SQ" : "A", optionMax).map((x) => [
            x.option.value,
            x.code,
          ]),
        ),
        rows: new Map(answerCodes(lists.rows, "SQ", 20).map((x) => [x.option.value, x.code])),
      });
      if (q.type === "agree")
        coded.get(q.key)!.options = new Map(AGREE_SCALE.map((s) => [String(s.value), String(s.value)]));
    }

  def.pages.forEach((page, p) => {
    const gid = String(p + 1);
    groups.push({ gid, sid: SID, group_order: String(p + 1), randomization_group: "", grelevance: "1" });
    groupTexts.push({
      id: gid,
      gid,
      group_name: page.title,
      description: textToHtml(page.intro ?? ""),
      language: "nl",
    });
    let order = 0;
    const addQuestion = (
      row: {
        type: string;
        title: string;
        text: string;
        help: string;
        other?: boolean;
        mandatory?: boolean;
        relevance?: string;
      },
      extras: Extras,
    ) => {
      const id = String(qid++);
      questions.push({
        qid: id,
        parent_qid: "0",
        sid: SID,
        gid,
        type: row.type,
        title: row.title,
        preg: "",
        other: row.other ? "Y" : "N",
        mandatory: row.mandatory ? "Y" : "N",
        encrypted: "N",
        question_order: String(order++),
        scale_id: "0",
        same_default: "0",
        relevance: row.relevance ?? "1",
        question_theme_name: "",
        modulename: "",
        same_script: "0",
      });
      questionTexts.push({
        id: String(l10n++),
        qid: id,
        question: textToHtml(row.text),
        help: textToHtml(row.help),
        script: "",
        language: "nl",
      });
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
      attributes.push({ qid: id, attribute: EXTRAS_ATTRIBUTE, value: JSON.stringify(extras), language: "" });
      return id;
    };
    const sub = (parent: string, title: string, text: string, i: number) => {
      const id = String(qid++);
      subquestions.push({
        qid: id,
        parent_qid: parent,
        sid: SID,
        gid,
        type: "T",
        title,
        preg: "",
        other: "N",
        mandatory: "N",
        encrypted: "N",
        question_order: String(i + 1),
        scale_id: "0",
        same_default: "0",
        relevance: "1",
        question_theme_name: "",
        modulename: "",
        same_script: "0",
      });
      questionTexts.push({
        id: String(l10n++),
        qid: id,
        question: textToHtml(text),
        help: "",
        script: "",
        language: "nl",
      });
    };
    const answer = (q: string, code: string, text: string, i: number) => {
      const id = String(aid++);
      answers.push({ aid: id, qid: q, code, sortorder: String(i + 1), assessment_value: "0", scale_id: "0" });
      answerTexts.push({ id, aid: id, answer: textToHtml(text), language: "nl" });
    };
    const attr = (q: string, attribute: string, value: string) =>
      attributes.push({ qid: q, attribute, value, language: "" });

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
      const options = [...c.options.entries()];
      const toOption = (value: string) => {
        const list =
          q.type === "single" || q.type === "multiple"
            ? q.options
            : q.type === "ranking"
              ? q.items
              : q.type === "matrix"
                ? q.scale
                : [];
        return list.find((o) => o.value === value)!;
      };
      const extras: Extras = {
        question: q as unknown as Record<string, unknown>,
        options: Object.fromEntries(
          options.map(([value, code]) => [
            code,
            { v: value, ...(toOption(value)?.code ? { c: toOption(value)!.code } : {}) },
          ]),
        ),
        rows: Object.fromEntries(
          [...c.rows.entries()].map(([value, code]) => [
            code,
            {
              v: value,
              ...(q.type === "matrix" && q.rows.find((r) => r.value === value)?.code
                ? { c: q.rows.find((r) => r.value === value)!.code }
                : {}),
            },
          ]),
        ),
      };
      let type = "";
      const head = {
        title: c.code,
        text: q.text,
        help: q.description ?? "",
        mandatory: q.required,
        relevance,
      };
      switch (q.type) {
        case "single": {
          type = "L";
          const id = addQuestion({ ...head, type, other: q.other }, extras);
          options.forEach(([value, code], i) => void answer(id, code, toOption(value).label, i));
          break;
        }
        case "multiple": {
          type = "M";
          const id = addQuestion({ ...head, type, other: q.other }, extras);
          options.forEach(([value, code], i) => void sub(id, code, toOption(value).label, i));
          if (q.max) attr(id, "max_answers", String(q.max));
          break;
        }
        case "agree": {
          type = "L";
          notes.push("Eens/oneens wordt in LimeSurvey een lijst met 5 antwoorden (codes 1 tot en met 5).");
          const id = addQuestion({ ...head, type }, extras);
          AGREE_SCALE.forEach((s, i) => void answer(id, String(s.value), s.label, i));
          break;
        }
        case "grade":
        case "birthYear":
        case "number": {
          type = "N";
          const id = addQuestion({ ...head, type }, extras);
          if (q.type === "grade") {
            notes.push("Het rapportcijfer wordt in LimeSurvey een getalvraag van 1 tot en met 10.");
            attr(id, "min_num_value_n", "1");
            attr(id, "max_num_value_n", "10");
            attr(id, "num_value_int_only", "1");
          } else if (q.type === "birthYear") {
            notes.push("Het geboortejaar wordt in LimeSurvey een getalvraag.");
            attr(id, "min_num_value_n", "1900");
            attr(id, "num_value_int_only", "1");
          } else {
            if (q.min !== undefined) attr(id, "min_num_value_n", String(q.min));
            if (q.max !== undefined) attr(id, "max_num_value_n", String(q.max));
            if (q.integer) attr(id, "num_value_int_only", "1");
            if (q.unit) attr(id, "suffix", q.unit);
          }
          break;
        }
        case "ranking": {
          type = "R";
          const id = addQuestion({ ...head, type }, extras);
          options.forEach(([value, code], i) => void answer(id, code, toOption(value).label, i));
          if (q.top) attr(id, "max_answers", String(q.top));
          break;
        }
        case "matrix": {
          type = "F";
          const id = addQuestion({ ...head, type }, extras);
          [...c.rows.entries()].forEach(
            ([value, code], i) => void sub(id, code, q.rows.find((r) => r.value === value)!.label, i),
          );
          options.forEach(([value, code], i) => void answer(id, code, toOption(value).label, i));
          break;
        }
        case "open": {
          type = q.multiline ? (q.maxLength > 1000 ? "U" : "T") : "S";
          const id = addQuestion({ ...head, type }, extras);
          attr(id, "maximum_chars", String(q.maxLength));
          break;
        }
        case "postcode":
        case "mapPoint": {
          type = "S";
          notes.push(
            q.type === "postcode"
              ? "De postcodevraag wordt in LimeSurvey een korte tekstvraag; de wijk wordt daar niet bepaald."
              : "Een plek op de kaart kent LimeSurvey niet; het wordt een korte tekstvraag.",
          );
          addQuestion({ ...head, type }, extras);
          break;
        }
      }
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

  const questionFields = [
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
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<document>
 <LimeSurveyDocType>Survey</LimeSurveyDocType>
 <DBVersion>${DB_VERSION}</DBVersion>
 <languages>
  <language>nl</language>
 </languages>
${table("answers", answers, ["aid", "qid", "code", "sortorder", "assessment_value", "scale_id"])}${table("answer_l10ns", answerTexts, ["id", "aid", "answer", "language"])}${table("groups", groups, ["gid", "sid", "group_order", "randomization_group", "grelevance"])}${table("group_l10ns", groupTexts, ["id", "gid", "group_name", "description", "language"])}${table("questions", questions, questionFields)}${table("subquestions", subquestions, questionFields)}${table("question_l10ns", questionTexts, ["id", "qid", "question", "help", "script", "language"])}${table("question_attributes", attributes, ["qid", "attribute", "value", "language"])}${table(
  "surveys",
  [
    {
      sid: SID,
      language: "nl",
      additional_languages: "",
      active: "N",
      format: "G",
      admin: "",
      anonymized: "Y",
    },
  ],
  ["sid", "language", "additional_languages", "active", "format", "admin", "anonymized"],
)}${table(
  "surveys_languagesettings",
  [
    {
      surveyls_survey_id: SID,
      surveyls_language: "nl",
      surveyls_title: def.title,
      surveyls_description: textToHtml(def.whatHappens),
      surveyls_welcometext: textToHtml(def.intro),
      surveyls_endtext: textToHtml(def.thankYou),
    },
  ],
  [
    "surveyls_survey_id",
    "surveyls_language",
    "surveyls_title",
    "surveyls_description",
    "surveyls_welcometext",
    "surveyls_endtext",
  ],
)}</document>
`;
  return { xml, report: { items, counts: countItems(items) } };
}
