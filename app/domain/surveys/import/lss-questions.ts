// Mapping one LimeSurvey question to our question(s) or a text block, with the report notes for it.
// Part of the LimeSurvey import (limesurvey.ts); pure. The mapping table is in docs/import.md.

import {
  type Block,
  blockSchema,
  KEY_PATTERN,
  type Option,
  type Question,
  type QuestionType,
  RESERVED_SUB_KEYS,
} from "../definition";
import type { SymbolInfo } from "./expression";
import type { Extras } from "./extras";
import { type CleanText, cleanHtml, droppedLabels } from "./html";
import {
  codeToKey,
  type LsAnswer,
  type LsQuestion,
  num,
  shorten,
  type Tables,
  uniqueKey,
} from "./lss-tables";
import {
  ARRAY_SCALES,
  ATTRIBUTE_NOTES,
  FIXED_OPTIONS,
  QUIET_ATTRIBUTES,
  TIMER_ATTRIBUTE,
} from "./lss-vocabulary";
import { limeSurveyTypes, ourTypeLabels, type ReportItem } from "./report";

// ---------------------------------------------------------------- mapping questions

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

function labelList(
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
interface QuestionInput {
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
function symbol(
  key: string,
  type: QuestionType,
  codes = new Map<string, string>(),
  allOptions?: string[],
): SymbolInfo {
  return { question: key, type, codes, ...(allOptions ? { allOptions } : {}) };
}

export function mapQuestion(ctx: Context, q: LsQuestion, w: Work, extras: Extras | null): Mapped | null {
  const subs = ctx.t.subquestions.filter((s) => s.gid === q.qid);
  const answers = ctx.t.answers.get(q.qid) ?? [];
  const attrs = ctx.t.attributes.get(q.qid) ?? new Map<string, string>();
  const typeName = limeSurveyTypes[q.type];

  // Texts: the question and its help; what does not fit in 500 characters moves to the description.
  const text = cleanHtml(q.text);
  const help = cleanHtml(q.help);
  for (const d of new Set([...text.dropped, ...help.dropped]))
    note(w, `Uit de tekst is weggehaald: ${droppedLabels[d]}.`);
  if (text.simplified || help.simplified)
    note(w, "De opmaak (vet, kopjes, lijstjes, links) is omgezet naar gewone tekst met alinea's.");
  if (q.script.trim()) note(w, "De JavaScript bij de vraag is weggelaten.");
  let mainText = text.text;
  let description = help.text;
  if (mainText.length > 500) {
    const [first, ...rest] = mainText.split("\n\n");
    mainText = first!.length <= 500 ? first! : shorten(first!, 500);
    description = [rest.join("\n\n"), description].filter(Boolean).join("\n\n");
    note(w, "De vraagtekst was langer dan 500 tekens; de rest staat nu in de toelichting.");
  }
  if (description.length > 1000) {
    description = shorten(description, 1000);
    note(w, "De toelichting is ingekort tot 1000 tekens.");
  }
  if (!mainText) {
    mainText = q.title || "Vraag";
    note(w, "De vraag had geen tekst; de vraagcode is als tekst gebruikt.");
  }

  if (attrs.get("hidden") === "1" && q.type !== "*") {
    w.item.status = "leftOut";
    w.notes.push("De vraag is in LimeSurvey verborgen voor deelnemers.");
    return null;
  }

  // Behaviour we do not have: listed per question.
  for (const [name, value] of attrs) {
    if (!value || value === "0" || value === "N" || QUIET_ATTRIBUTES.has(name)) continue;
    if (TIMER_ATTRIBUTE.test(name)) note(w, "De tijdslimiet is weggelaten.");
    else if (ATTRIBUTE_NOTES[name]) note(w, ATTRIBUTE_NOTES[name]!);
    else if (/^(em_|array_filter|min_|max_|equals_)/.test(name))
      note(w, "Een extra regel voor het antwoord is weggelaten.");
  }

  const required = q.mandatory === "Y";
  if (q.mandatory === "S") note(w, "Zacht verplicht (waarschuwing) is nu niet verplicht.");
  const base = {
    text: mainText,
    ...(description ? { description } : {}),
    required,
    allowDontKnow: extras?.question?.allowDontKnow === true,
  };
  const ownKey = (suffix = "") => {
    const wanted =
      extras?.question && typeof extras.question.key === "string" && !suffix
        ? extras.question.key
        : codeToKey(q.title + suffix, "v");
    return uniqueKey(wanted, ctx.keys);
  };
  const codeFor = (key: string, code: string) => {
    if (extras?.question)
      return typeof extras.question.code === "string" ? { code: extras.question.code } : {};
    return key === code ? {} : { code };
  };
  const fromExtras = (type: QuestionType): Record<string, unknown> =>
    extras?.question && extras.question.type === type ? extras.question : {};

  const mapper = mappers[q.type] ?? mapUnknown;
  return mapper({
    ctx,
    q,
    w,
    extras,
    subs,
    answers,
    attrs,
    typeName,
    text,
    help,
    base,
    ownKey,
    codeFor,
    fromExtras,
  });
}

/** List, dropdown, yes/no, gender and 5-point choice: one single-choice question (or an agree scale when our extras say so). */
function mapList(input: QuestionInput): Mapped | null {
  const { q, w, extras, answers, base, ownKey, codeFor, fromExtras } = input;
  const entries = FIXED_OPTIONS[q.type]
    ? FIXED_OPTIONS[q.type]!.map((o) => ({ code: o.code, text: o.label }))
    : answers.filter((a) => a.scaleId === 0).map((a) => ({ code: a.code, text: a.text }));
  if (q.type === "O") note(w, "Het opmerkingenveld bij de lijst is weggelaten.");
  if (q.type === "!") note(w, "Het uitklapmenu wordt een lijst met keuzerondjes.");
  const { list, codes } = labelList(
    entries,
    "a",
    ["weetniet", ...(q.other ? ["anders"] : [])],
    w,
    extras?.options,
    "antwoord",
  );
  if (q.other) w.notes.push('"Anders" wordt "Anders, namelijk" met een tekstveld.');
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
function mapMultiple(input: QuestionInput): Mapped | null {
  const { ctx, q, w, extras, subs, attrs, base, ownKey, codeFor, fromExtras } = input;
  if (q.type === "P") note(w, "De opmerkingenvelden bij de antwoorden zijn weggelaten.");
  const { list, codes } = labelList(
    subs.map((s) => ({ code: s.title, text: s.text })),
    "a",
    ["weetniet", ...(q.other ? ["anders"] : [])],
    w,
    extras?.options,
    "antwoord",
  );
  if (q.other) w.notes.push('"Anders" wordt "Anders, namelijk" met een tekstveld.');
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
function mapArray(input: QuestionInput): Mapped | null {
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
function mapRanking(input: QuestionInput): Mapped | null {
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

/** Short, long and huge free text: one open question. */
function mapText(input: QuestionInput): Mapped | null {
  const { q, extras, attrs, base, ownKey, codeFor, fromExtras } = input;
  const key = ownKey();
  const maxChars = num(attrs.get("maximum_chars"));
  const fallback = q.type === "S" ? 255 : q.type === "T" ? 1000 : 5000;
  const maxLength = Math.min(5000, Math.max(10, maxChars > 0 ? maxChars : fallback));
  const ex = fromExtras(String(extras?.question?.type ?? "open") as QuestionType);
  const question = {
    multiline: q.type !== "S",
    maxLength,
    ...ex,
    ...base,
    type: ex.type ?? "open",
    key,
    ...codeFor(key, q.title),
  } as Question;
  return { questions: [question], symbols: [[q.title, symbol(key, "open")]] };
}

/** Multiple short text and multiple numerical: one question per subquestion. */
function mapMultipleText(input: QuestionInput): Mapped | null {
  const { ctx, q, w, subs, attrs, base } = input;
  const type = q.type === "Q" ? "open" : "number";
  const symbols: [string, SymbolInfo][] = [];
  const out: Question[] = [];
  if (subs.length > 1)
    note(w, `Gesplitst in ${subs.length} vragen (${ourTypeLabels[type]}), één per deelvraag.`);
  for (const s of subs) {
    const sub = cleanHtml(s.text).text || s.title;
    const key = uniqueKey(codeToKey(`${q.title}_${s.title}`, "v"), ctx.keys);
    const extra = type === "open" ? { multiline: false, maxLength: 255 } : numberLimits(attrs);
    out.push({
      ...base,
      text: shorten(`${base.text}: ${sub}`, 500),
      type,
      key,
      code: `${q.title}_${s.title}`,
      ...extra,
    } as Question);
    symbols.push([`${q.title}_${s.title}`, symbol(key, type)]);
    symbols.push([`${ctx.t.sid}X${q.gid}X${q.qid}${s.title}`, symbol(key, type)]);
  }
  if (!out.length) {
    w.item.status = "leftOut";
    w.notes.push("De vraag heeft geen deelvragen.");
    return null;
  }
  return { questions: out, symbols };
}

/** Numerical input: one number question. */
function mapNumber(input: QuestionInput): Mapped | null {
  const { q, extras, attrs, base, ownKey, codeFor, fromExtras } = input;
  const key = ownKey();
  const ex = fromExtras(String(extras?.question?.type ?? "number") as QuestionType);
  const question = {
    ...numberLimits(attrs),
    ...ex,
    ...base,
    type: ex.type ?? "number",
    key,
    ...codeFor(key, q.title),
  } as Question;
  return {
    questions: [question],
    symbols: [[q.title, symbol(key, (ex.type as QuestionType) ?? "number")]],
  };
}

/** Text display: a text block. */
function mapDisplay(input: QuestionInput): Mapped | null {
  const { w, extras, text, help } = input;
  const fromUs = extras?.block ? blockSchema.safeParse(extras.block) : null;
  if (fromUs?.success) return { questions: [], block: fromUs.data, symbols: [] };
  const full = [text.text, help.text].filter(Boolean).join("\n\n");
  if (!full) {
    w.item.status = "leftOut";
    w.notes.push("Het tekstblok is leeg.");
    return null;
  }
  if (full.length > 4000) note(w, "De tekst is ingekort tot 4000 tekens.");
  return { questions: [], block: { kind: "text", text: shorten(full, 4000) }, symbols: [] };
}

/** Types we do not have: left out, with the reason. */
function mapUnknown(input: QuestionInput): Mapped | null {
  const { q, w, typeName } = input;
  w.item.status = "leftOut";
  const why: Record<string, string> = {
    "*": "Een vergelijking rekent iets uit en toont geen vraag; dat kennen wij niet.",
    "|": "Bestanden uploaden kan niet in onze enquêtes.",
    D: "Een datumvraag kennen wij nog niet. Maak er zo nodig een open vraag van.",
    I: "De taalkeuze is niet nodig: wij nemen één taal over.",
    ":": "Een matrix met getallen kennen wij niet. Maak er zo nodig losse getalvragen van.",
    ";": "Een matrix met teksten kennen wij niet. Maak er zo nodig losse open vragen van.",
  };
  w.notes.push(
    why[q.type] ??
      (typeName ? `Het vraagtype "${typeName}" kennen wij niet.` : "Dit vraagtype kennen wij niet."),
  );
  return null;
}

const mappers: Record<string, (input: QuestionInput) => Mapped | null> = {
  L: mapList,
  "!": mapList,
  O: mapList,
  Y: mapList,
  G: mapList,
  "5": mapList,
  M: mapMultiple,
  P: mapMultiple,
  A: mapArray,
  B: mapArray,
  C: mapArray,
  E: mapArray,
  F: mapArray,
  H: mapArray,
  "1": mapArray,
  R: mapRanking,
  S: mapText,
  T: mapText,
  U: mapText,
  Q: mapMultipleText,
  K: mapMultipleText,
  N: mapNumber,
  X: mapDisplay,
};

function numberLimits(attrs: Map<string, string>) {
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
