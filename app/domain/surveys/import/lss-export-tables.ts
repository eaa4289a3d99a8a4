// The tables of an exported .lss file (LimeSurvey 4 to 6 layout, texts in *_l10ns tables, language Dutch):
// rows collected per table and written as LimeSurvey's XML. Part of the export (export.ts).
import type { SurveyDefinition } from "../definition";
import { textToHtml } from "./html";

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

export interface QuestionRow {
  type: string;
  title: string;
  text: string;
  help: string;
  other?: boolean;
  mandatory?: boolean;
  relevance?: string;
}

/** The tables of the .lss file, filled page by page and question by question. */
export class LssTables {
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
