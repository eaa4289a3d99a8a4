// Mapping LimeSurvey's choice questions (lists, multiple choice, arrays, ranking) to ours. Part of the
// LimeSurvey import (limesurvey.ts); pure. The mapping table is in docs/import.md.
import type { Question } from "../definition";
import { RESERVED_SUB_KEYS } from "../question-problems";
import type { SymbolInfo } from "./expression";
import { cleanHtml } from "./html";
import { labelList, type Mapped, note, type QuestionInput, symbol } from "./lss-question-input";
import { num, shorten } from "./lss-tables";
import { ARRAY_SCALES, FIXED_OPTIONS } from "./lss-vocabulary";

/**
 * The answer options of a list or multiple-choice question, with "weet ik niet" and "anders" kept free as
 * values; an "Anders" becomes "Anders, namelijk" with a text field, which the report notes.
 */
function answerOptions(input: QuestionInput, entries: { code: string; text: string }[]) {
  const { q, w, extras } = input;
  const labels = labelList(
    entries,
    "a",
    ["weetniet", ...(q.other ? ["anders"] : [])],
    w,
    extras?.options,
    "antwoord",
  );
  if (q.other) w.notes.push('"Anders" wordt "Anders, namelijk" met een tekstveld.');
  return labels;
}

/** List, dropdown, yes/no, gender and 5-point choice: one single-choice question (or an agree scale when our extras say so). */
export function mapList(input: QuestionInput): Mapped | null {
  const { q, w, extras, answers, base, ownKey, codeFor, fromExtras } = input;
  const entries = FIXED_OPTIONS[q.type]
    ? FIXED_OPTIONS[q.type]!.map((o) => ({ code: o.code, text: o.label }))
    : answers.filter((a) => a.scaleId === 0).map((a) => ({ code: a.code, text: a.text }));
  if (q.type === "O") note(w, "Het opmerkingenveld bij de lijst is weggelaten.");
  if (q.type === "!") note(w, "Het uitklapmenu wordt een lijst met keuzerondjes.");
  const { list, codes } = answerOptions(input, entries);
  const key = ownKey();
  const ex = fromExtras(extras?.question?.type === "agree" ? "agree" : "single");
  if (ex.type === "agree") {
    return {
      questions: [{ ...(ex as Question), ...base, key, ...codeFor(key, q.title) } as Question],
      symbols: [[q.title, symbol(key, "agree", new Map([...codes].map(([c]) => [c, c])))]],
    };
  }
  const question = {
    ...ex,
    ...base,
    type: "single",
    key,
    ...codeFor(key, q.title),
    options: list,
    other: q.other,
  } as Question;
  return { questions: [question], symbols: [[q.title, symbol(key, "single", codes)]] };
}

/** Multiple choice, with or without comments: one multiple-choice question; each subquestion is a symbol for conditions. */
export function mapMultiple(input: QuestionInput): Mapped | null {
  const { ctx, q, w, subs, attrs, base, ownKey, codeFor, fromExtras } = input;
  if (q.type === "P") note(w, "De opmerkingenvelden bij de antwoorden zijn weggelaten.");
  const { list, codes } = answerOptions(
    input,
    subs.map((s) => ({ code: s.title, text: s.text })),
  );
  const key = ownKey();
  const maxRaw = num(attrs.get("max_answers"));
  const max = maxRaw > 0 && maxRaw <= list.length + (q.other ? 1 : 0) ? { max: maxRaw } : {};
  const question = {
    ...fromExtras("multiple"),
    ...base,
    type: "multiple",
    key,
    ...codeFor(key, q.title),
    options: list,
    other: q.other,
    ...max,
  } as Question;
  const all = list.map((o) => o.value);
  const symbols: [string, SymbolInfo][] = [[q.title, symbol(key, "multiple", codes, all)]];
  for (const s of subs) {
    const value = codes.get(s.title)!;
    symbols.push([
      `${q.title}_${s.title}`,
      { ...symbol(key, "multiple", codes, all), sub: { code: s.title, value, kind: "option" } },
    ]);
    symbols.push([
      `${ctx.t.sid}X${q.gid}X${q.qid}${s.title}`,
      { ...symbol(key, "multiple", codes, all), sub: { code: s.title, value, kind: "option" } },
    ]);
  }
  return { questions: [question], symbols };
}

/** Arrays (5-point, 10-point, yes/no/uncertain, increase/same/decrease, flexible, by column, dual scale): a matrix per scale. */
export function mapArray(input: QuestionInput): Mapped | null {
  const { ctx, q, w, extras, subs, answers, attrs, base, ownKey, codeFor, fromExtras } = input;
  if (q.type === "H") note(w, "De schaal staat nu in kolommen en de deelvragen in rijen.");
  const scales = q.type === "1" ? [0, 1] : [0];
  const out: Question[] = [];
  const symbols: [string, SymbolInfo][] = [];
  const rowsAll = labelList(
    subs.filter((s) => s.scaleId === 0).map((s) => ({ code: s.title, text: s.text })),
    "r",
    RESERVED_SUB_KEYS,
    w,
    extras?.rows,
    "rij",
  );
  if (rowsAll.list.length > 20) {
    w.item.status = "leftOut";
    w.notes.push(`De matrix heeft ${rowsAll.list.length} rijen; wij kunnen er hoogstens 20 tonen.`);
    return null;
  }
  if (q.type === "1")
    note(w, "De matrix met twee schalen is gesplitst in twee matrixvragen, één per schaal.");
  for (const scale of scales) {
    const fixed = ARRAY_SCALES[q.type];
    const entries = fixed
      ? fixed.map((o) => ({ code: o.code, text: o.label }))
      : answers.filter((a) => a.scaleId === scale).map((a) => ({ code: a.code, text: a.text }));
    const { list, codes } = labelList(entries, "a", ["weetniet"], w, extras?.options, "antwoord");
    const key = ownKey(scale === 1 ? "-2" : "");
    const header = q.type === "1" ? attrs.get(scale === 0 ? "dualscale_headerA" : "dualscale_headerB") : "";
    const text = header ? shorten(`${base.text} (${cleanHtml(header).text})`, 500) : base.text;
    out.push({
      ...fromExtras("matrix"),
      ...base,
      text,
      type: "matrix",
      key,
      ...codeFor(key, q.title),
      rows: rowsAll.list,
      scale: list,
    } as Question);
    for (const s of subs.filter((x) => x.scaleId === 0)) {
      const sub = { code: s.title, value: rowsAll.codes.get(s.title)!, kind: "row" as const };
      const names =
        q.type === "1"
          ? [`${q.title}_${s.title}#${scale}`, `${ctx.t.sid}X${q.gid}X${q.qid}${s.title}#${scale}`]
          : [`${q.title}_${s.title}`, `${ctx.t.sid}X${q.gid}X${q.qid}${s.title}`];
      for (const n of names) symbols.push([n, { ...symbol(key, "matrix", codes), sub }]);
    }
  }
  return { questions: out, symbols };
}

/** Ranking: one ranking question. */
export function mapRanking(input: QuestionInput): Mapped | null {
  const { q, w, extras, answers, attrs, base, ownKey, codeFor, fromExtras } = input;
  const { list } = labelList(
    answers.filter((a) => a.scaleId === 0).map((a) => ({ code: a.code, text: a.text })),
    "i",
    RESERVED_SUB_KEYS,
    w,
    extras?.options,
    "antwoord",
  );
  const maxRaw = num(attrs.get("max_answers"));
  const top = maxRaw > 0 && maxRaw < list.length ? { top: maxRaw } : {};
  const key = ownKey();
  return {
    questions: [
      {
        ...fromExtras("ranking"),
        ...base,
        type: "ranking",
        key,
        ...codeFor(key, q.title),
        items: list,
        ...top,
      } as Question,
    ],
    symbols: [],
  };
}
