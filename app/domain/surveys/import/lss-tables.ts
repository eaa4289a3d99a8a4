// Reading the tables of an .lss file (both layouts), and turning LimeSurvey codes into our keys.
// Part of the LimeSurvey import (limesurvey.ts); pure.

import { KEY_PATTERN } from "../definition";
import type { LssDocument, LssRow } from "./xml";

// ---------------------------------------------------------------- reading the tables

export interface LsQuestion {
  qid: string;
  gid: string;
  type: string;
  title: string;
  text: string;
  help: string;
  script: string;
  other: boolean;
  mandatory: string;
  order: number;
  relevance: string;
  scaleId: number;
}
export interface LsAnswer {
  code: string;
  text: string;
  order: number;
  scaleId: number;
}
export interface LsGroup {
  gid: string;
  order: number;
  name: string;
  description: string;
  relevance: string;
}

export const num = (v: string | undefined) => {
  const n = Number.parseInt(v ?? "", 10);
  return Number.isFinite(n) ? n : 0;
};
export const str = (v: string | undefined) => v ?? "";

/** Pick the row of the language; old files repeat rows per language. */
function byLanguage<T extends LssRow>(rows: T[], idField: string, language: string): Map<string, T> {
  const out = new Map<string, T>();
  for (const r of rows) {
    const id = str(r[idField]);
    const lang = r.language;
    const have = out.get(id);
    if (!have || (lang === language && have.language !== language)) out.set(id, r);
  }
  return out;
}

export interface Tables {
  title: string;
  welcome: string;
  description: string;
  end: string;
  groups: LsGroup[];
  questions: LsQuestion[];
  subquestions: LsQuestion[];
  answers: Map<string, LsAnswer[]>;
  attributes: Map<string, Map<string, string>>;
  conditions: LssRow[];
  sid: string;
}

export function readTables(doc: LssDocument, language: string): Tables {
  const t = doc.tables;
  const l10n = (name: string, id: string) => byLanguage(t[name] ?? [], id, language);
  const settings =
    (t.surveys_languagesettings ?? []).find((r) => r.surveyls_language === language) ??
    t.surveys_languagesettings?.[0] ??
    {};
  const groupTexts = t.group_l10ns ? l10n("group_l10ns", "gid") : null;
  const groups = [...byLanguage(t.groups ?? [], "gid", language).values()].map((g) => {
    const texts = groupTexts?.get(str(g.gid)) ?? g;
    return {
      gid: str(g.gid),
      order: num(g.group_order),
      name: str(texts.group_name),
      description: str(texts.description),
      relevance: str(g.grelevance),
    };
  });
  groups.sort((a, b) => a.order - b.order);

  const questionTexts = t.question_l10ns ? l10n("question_l10ns", "qid") : null;
  const toQuestion = (q: LssRow): LsQuestion => {
    const texts = questionTexts?.get(str(q.qid)) ?? q;
    return {
      qid: str(q.qid),
      gid: str(q.gid),
      type: str(q.type).trim(),
      title: str(q.title).trim(),
      text: str(texts.question),
      help: str(texts.help),
      script: str(texts.script),
      other: str(q.other) === "Y",
      mandatory: str(q.mandatory),
      order: num(q.question_order),
      relevance: str(q.relevance),
      scaleId: num(q.scale_id),
    };
  };
  // Old exports may put subquestions in <questions> with a parent_qid; newer ones in <subquestions>.
  const allRows = [...(t.questions ?? []), ...(t.subquestions ?? [])];
  const all = [...byLanguage(allRows, "qid", language).values()];
  const questions = all.filter((q) => num(q.parent_qid) === 0).map(toQuestion);
  const subquestions = all
    .filter((q) => num(q.parent_qid) !== 0)
    .map((q) => ({ ...toQuestion(q), gid: str(q.parent_qid) }));
  questions.sort((a, b) => a.order - b.order);
  subquestions.sort((a, b) => a.order - b.order);

  const answers = new Map<string, LsAnswer[]>();
  const answerTexts = t.answer_l10ns ? l10n("answer_l10ns", "aid") : null;
  const seen = new Set<string>();
  const answerRows = (t.answers ?? []).filter((a) => !a.language || a.language === language);
  const fallbackRows = answerRows.length || !t.answers?.length ? answerRows : t.answers;
  for (const a of fallbackRows) {
    const id = `${str(a.qid)}|${num(a.scale_id)}|${str(a.code)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const texts = answerTexts?.get(str(a.aid)) ?? a;
    const list = answers.get(str(a.qid)) ?? [];
    list.push({
      code: str(a.code).trim(),
      text: str(texts.answer),
      order: num(a.sortorder),
      scaleId: num(a.scale_id),
    });
    answers.set(str(a.qid), list);
  }
  for (const list of answers.values()) list.sort((a, b) => a.order - b.order);

  const attributes = new Map<string, Map<string, string>>();
  for (const a of t.question_attributes ?? []) {
    if (a.language && a.language !== language) continue;
    const m = attributes.get(str(a.qid)) ?? new Map<string, string>();
    m.set(str(a.attribute), str(a.value));
    attributes.set(str(a.qid), m);
  }
  return {
    title: str(settings.surveyls_title),
    welcome: str(settings.surveyls_welcometext),
    description: str(settings.surveyls_description),
    end: str(settings.surveyls_endtext),
    groups,
    questions,
    subquestions,
    answers,
    attributes,
    conditions: t.conditions ?? [],
    sid: str(t.surveys?.[0]?.sid),
  };
}

// ---------------------------------------------------------------- keys and texts

/** A LimeSurvey code as our key: lower case, "_" → "-", other characters left out, starting with a letter. */
export function codeToKey(code: string, prefix: string): string {
  let k = code
    .toLowerCase()
    .replace(/_/g, "-")
    .replace(/[^a-z0-9-]/g, "")
    .replace(/-+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (!/^[a-z]/.test(k)) k = `${prefix}${k}`;
  k = k.slice(0, 40).replace(/-+$/, "");
  return KEY_PATTERN.test(k) ? k : prefix;
}

export function uniqueKey(wanted: string, taken: Set<string>): string {
  let key = wanted;
  for (let i = 2; taken.has(key); i++) key = `${wanted.slice(0, 36)}-${i}`;
  taken.add(key);
  return key;
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
