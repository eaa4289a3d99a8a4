// What a LimeSurvey question mapper gets and gives (lss-questions.ts): the work in progress, the mapped
// question(s), report notes, label lists and number limits. Pure.
import { type Block, KEY_PATTERN, type Option, type Question, type QuestionType } from "../definition";
import type { SymbolInfo } from "./expression";
import type { Extras } from "./extras";
import { type CleanText, cleanHtml, droppedLabels } from "./html";
import { codeToKey, type LsAnswer, type LsQuestion, shorten, type Tables, uniqueKey } from "./lss-tables";
import type { ReportItem } from "./report";

export interface Work {
  item: ReportItem;
  notes: string[];
  changed: boolean;
}

export interface Mapped {
  /** Questions (or one block) that this LimeSurvey question became, in order. */
  questions: Question[];
  block?: Block;
  /** Symbols this question defines for conditions (name → info). */
  symbols: [string, SymbolInfo][];
}

export interface Context {
  t: Tables;
  keys: Set<string>;
  language: string;
}

export function labelList(
  entries: { code: string; text: string }[],
  prefix: string,
  reserved: readonly string[],
  w: Work,
  extras: Extras["options"],
  what: string,
): { list: Option[]; codes: Map<string, string> } {
  const taken = new Set<string>(reserved);
  const list: Option[] = [];
  const codes = new Map<string, string>();
  let cut = 0;
  for (const e of entries) {
    const extra = extras?.[e.code];
    const value = uniqueKey(extra && KEY_PATTERN.test(extra.v) ? extra.v : codeToKey(e.code, prefix), taken);
    const clean = cleanHtml(e.text);
    if (clean.dropped.length)
      note(w, `Uit een ${what} is weggehaald: ${clean.dropped.map((d) => droppedLabels[d]).join(", ")}.`);
    let label = clean.text.replace(/\s*\n+\s*/g, " ") || e.code;
    if (label.length > 200) {
      label = shorten(label, 200);
      cut++;
    }
    const code = extra ? extra.c : e.code !== value ? e.code : undefined;
    list.push({ value, label, ...(code ? { code } : {}) });
    codes.set(e.code, value);
  }
  if (cut)
    note(w, `${cut} ${what === "antwoord" ? "antwoorden zijn" : "teksten zijn"} ingekort tot 200 tekens.`);
  return { list, codes };
}

export function note(w: Work, text: string) {
  if (!w.notes.includes(text)) w.notes.push(text);
  w.changed = true;
}

/** What every per-type mapper gets: the question, its parts, and helpers bound to it. */
export interface QuestionInput {
  ctx: Context;
  q: LsQuestion;
  w: Work;
  extras: Extras | null;
  subs: LsQuestion[];
  answers: LsAnswer[];
  attrs: Map<string, string>;
  typeName: string | undefined;
  text: CleanText;
  help: CleanText;
  base: { text: string; description?: string; required: boolean; allowDontKnow: boolean };
  ownKey: (suffix?: string) => string;
  codeFor: (key: string, code: string) => { code?: string };
  fromExtras: (type: QuestionType) => Record<string, unknown>;
}

/** The symbol a question defines for conditions. */
export function symbol(
  key: string,
  type: QuestionType,
  codes = new Map<string, string>(),
  allOptions?: string[],
): SymbolInfo {
  return { question: key, type, codes, ...(allOptions ? { allOptions } : {}) };
}

export function numberLimits(attrs: Map<string, string>) {
  const min = Number(attrs.get("min_num_value_n"));
  const max = Number(attrs.get("max_num_value_n"));
  const suffix = cleanHtml(attrs.get("suffix") ?? "").text;
  const hasMin = attrs.get("min_num_value_n")?.trim() && Number.isFinite(min);
  const hasMax = attrs.get("max_num_value_n")?.trim() && Number.isFinite(max);
  return {
    ...(hasMin ? { min } : {}),
    ...(hasMax && (!hasMin || max >= min) ? { max } : {}),
    integer: attrs.get("num_value_int_only") === "1",
    ...(suffix ? { unit: shorten(suffix, 30) } : {}),
  };
}
