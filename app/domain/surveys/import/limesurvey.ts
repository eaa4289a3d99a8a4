// Import of a LimeSurvey survey export (.lss, LimeSurvey 2.x to 6.x) into our survey definition, with a
// report per question. Pure: no database, no network; used by the staff page, the CLI and the bench.
// The mapping table is in docs/import.md; keep both in step.

import {
  type Block,
  blockSchema,
  type Condition,
  conditionTests,
  KEY_PATTERN,
  type Option,
  type Page,
  type Question,
  type QuestionType,
  questionSchema,
  RESERVED_SUB_KEYS,
  type SurveyDefinition,
  surveyDefinitionSchema,
} from "../definition";
import { type Expr, mapExpression, mapRelevance, type Resolver, type SymbolInfo } from "./expression";
import { EXTRAS_ATTRIBUTE, type Extras, readExtras } from "./extras";
import { cleanHtml, clearHtmlMemo, droppedLabels } from "./html";
import {
  countItems,
  type ImportReport,
  type ItemStatus,
  limeSurveyTypes,
  ourTypeLabels,
  type ReportItem,
} from "./report";
import { type LssDocument, LssRefusal, type LssRefusalReason, type LssRow, readLss } from "./xml";

export type ImportOutcome =
  | { ok: true; definition: SurveyDefinition; report: ImportReport }
  | { ok: false; reason: LssRefusalReason | "nothing"; message: string };

/** One clear Dutch message per reason a file is refused. */
export const refusalMessages: Record<LssRefusalReason | "nothing", string> = {
  tooLarge: "Het bestand is groter dan 5 MB. Kies een kleiner .lss-bestand.",
  empty: "Het bestand is leeg. Kies een .lss-bestand dat u uit LimeSurvey heeft geëxporteerd.",
  doctype:
    "Het bestand bevat een DOCTYPE- of ENTITY-declaratie. Die lezen wij niet in, om veiligheidsredenen. Exporteer de enquête opnieuw uit LimeSurvey.",
  notXml:
    "Het bestand is beschadigd of niet compleet. Exporteer de enquête opnieuw uit LimeSurvey (als .lss-bestand) en probeer het nog eens.",
  notLimeSurvey:
    "Dit is geen enquête-export van LimeSurvey. Kies in LimeSurvey: Enquête exporteren, .lss-bestand.",
  notSurvey:
    "Dit bestand bevat geen hele enquête (bijvoorbeeld alleen één vraag of vraaggroep). Exporteer de hele enquête als .lss-bestand.",
  nothing: "In dit bestand staan geen vragen die wij kunnen overnemen.",
};

const LANGUAGE_NAMES: Record<string, string> = {
  nl: "Nederlands",
  "nl-informal": "Nederlands (informeel)",
  en: "Engels",
  de: "Duits",
  fr: "Frans",
  es: "Spaans",
  tr: "Turks",
  ar: "Arabisch",
  pl: "Pools",
};
const languageName = (code: string) => LANGUAGE_NAMES[code] ?? `taalcode ${code}`;

// ---------------------------------------------------------------- reading the tables

interface LsQuestion {
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
interface LsAnswer {
  code: string;
  text: string;
  order: number;
  scaleId: number;
}
interface LsGroup {
  gid: string;
  order: number;
  name: string;
  description: string;
  relevance: string;
}

const num = (v: string | undefined) => {
  const n = Number.parseInt(v ?? "", 10);
  return Number.isFinite(n) ? n : 0;
};
const str = (v: string | undefined) => v ?? "";

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

interface Tables {
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

function readTables(doc: LssDocument, language: string): Tables {
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

function uniqueKey(wanted: string, taken: Set<string>): string {
  let key = wanted;
  for (let i = 2; taken.has(key); i++) key = `${wanted.slice(0, 36)}-${i}`;
  taken.add(key);
  return key;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

// ---------------------------------------------------------------- mapping questions

interface Work {
  item: ReportItem;
  notes: string[];
  changed: boolean;
}

interface Mapped {
  /** Questions (or one block) that this LimeSurvey question became, in order. */
  questions: Question[];
  block?: Block;
  /** Symbols this question defines for conditions (name → info). */
  symbols: [string, SymbolInfo][];
}

const ARRAY_SCALES: Record<string, { code: string; label: string }[]> = {
  A: [1, 2, 3, 4, 5].map((n) => ({ code: String(n), label: String(n) })),
  B: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => ({ code: String(n), label: String(n) })),
  C: [
    { code: "Y", label: "Ja" },
    { code: "U", label: "Weet niet" },
    { code: "N", label: "Nee" },
  ],
  E: [
    { code: "I", label: "Meer" },
    { code: "S", label: "Gelijk" },
    { code: "D", label: "Minder" },
  ],
};
const FIXED_OPTIONS: Record<string, { code: string; label: string }[]> = {
  Y: [
    { code: "Y", label: "Ja" },
    { code: "N", label: "Nee" },
  ],
  G: [
    { code: "F", label: "Vrouw" },
    { code: "M", label: "Man" },
  ],
  "5": [1, 2, 3, 4, 5].map((n) => ({ code: String(n), label: String(n) })),
};

/** Attributes that change what a respondent sees or may answer, with what the report says about them. */
const ATTRIBUTE_NOTES: Record<string, string> = {
  random_order: "De volgorde wordt niet door elkaar gehusseld; de antwoorden staan in vaste volgorde.",
  answer_order: "De volgorde wordt niet door elkaar gehusseld; de antwoorden staan in vaste volgorde.",
  time_limit: "De tijdslimiet is weggelaten.",
  em_validation_q: "De controle-vergelijking op het antwoord is weggelaten.",
  em_validation_sq: "De controle-vergelijking op de deelvragen is weggelaten.",
  array_filter: "Het filter op antwoorden van een andere vraag is weggelaten; alle rijen worden getoond.",
  array_filter_exclude:
    "Het filter op antwoorden van een andere vraag is weggelaten; alle rijen worden getoond.",
  min_answers: "Het minimum aantal antwoorden is weggelaten.",
  exclude_all_others: "'Sluit andere antwoorden uit' is weggelaten.",
  other_replace_text: 'De eigen tekst voor "anders" is vervangen door "Anders, namelijk".',
  prefix: "De tekst vóór het invulveld is weggelaten.",
  equals_num_value: "De vaste som van de getallen is weggelaten.",
  min_num_value: "Het minimum van de som is weggelaten.",
  max_num_value: "Het maximum van de som is weggelaten.",
  preg: "De controle met een reguliere expressie is weggelaten.",
  default: "Het standaardantwoord is weggelaten.",
};
/** Attributes we use, or that only change the look (shown in docs/import.md, not per question). */
const QUIET_ATTRIBUTES = new Set([
  EXTRAS_ATTRIBUTE,
  "max_answers",
  "min_num_value_n",
  "max_num_value_n",
  "num_value_int_only",
  "maximum_chars",
  "suffix",
  "hidden",
  "hide_tip",
  "cssclass",
  "page_break",
  "public_statistics",
  "statistics_showgraph",
  "statistics_graphtype",
  "scale_export",
  "display_columns",
  "display_rows",
  "text_input_width",
  "input_size",
  "answer_width",
  "answer_width_bycolumn",
  "repeat_headings",
  "use_dropdown",
  "dropdown_size",
  "dropdown_prefix",
  "category_separator",
  "alphasort",
  "question_template",
  "save_as_default",
  "clear_default",
  "hide_title",
  "em_validation_q_tip",
  "em_validation_sq_tip",
  "printable_help",
  "location_mapservice",
  "dualscale_headerA",
  "dualscale_headerB",
  "showpopups",
  "samechoiceheight",
  "samelistheight",
  "choice_title",
  "rank_title",
  "image",
  "image_size",
  "numbers_only",
  "assessment_value",
  "input_boxes",
  "value_range_allows_missing",
  "random_group",
  "answer_order_fixed",
  "commented_checkbox",
  "commented_checkbox_auto",
  "other_comment_mandatory",
  "other_numbers_only",
  "other_position",
  "other_position_code",
  "slider_layout",
  "display_type",
  "text_input_columns",
  "label_input_columns",
  "keep_codes_order",
  "reverse",
  "parent_order",
  "fix_height",
  "fix_width",
  "crop_or_resize",
  "placeholder",
]);

const TIMER_ATTRIBUTE = /^time_limit/;

interface Context {
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

function note(w: Work, text: string) {
  if (!w.notes.includes(text)) w.notes.push(text);
  w.changed = true;
}

function mapQuestion(ctx: Context, q: LsQuestion, w: Work, extras: Extras | null): Mapped | null {
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

  const symbol = (
    key: string,
    type: QuestionType,
    codes = new Map<string, string>(),
    allOptions?: string[],
  ): SymbolInfo => ({
    question: key,
    type,
    codes,
    ...(allOptions ? { allOptions } : {}),
  });

  switch (q.type) {
    case "L":
    case "!":
    case "O":
    case "Y":
    case "G":
    case "5": {
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
    case "M":
    case "P": {
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
    case "A":
    case "B":
    case "C":
    case "E":
    case "F":
    case "H":
    case "1": {
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
        const header =
          q.type === "1" ? attrs.get(scale === 0 ? "dualscale_headerA" : "dualscale_headerB") : "";
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
    case "R": {
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
    case "S":
    case "T":
    case "U": {
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
    case "Q":
    case "K": {
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
    case "N": {
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
    case "X": {
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
    default: {
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
  }
}

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

// ---------------------------------------------------------------- old-style conditions

/**
 * LimeSurvey's conditions table (before relevance equations, still exported): within a scenario,
 * conditions on the same field are or-ed, different fields and-ed; scenarios are or-ed.
 */
function conditionsAsExpression(rows: LssRow[]): Expr | { unsupported: string } {
  const scenarios = new Map<string, Map<string, LssRow[]>>();
  for (const r of rows) {
    const field = str(r.cfieldname);
    const s = scenarios.get(str(r.scenario) || "1") ?? new Map<string, LssRow[]>();
    s.set(field, [...(s.get(field) ?? []), r]);
    scenarios.set(str(r.scenario) || "1", s);
  }
  const or = (list: Expr[]): Expr => list.reduce((l, r) => ({ t: "bin", op: "or", l, r }));
  const and = (list: Expr[]): Expr => list.reduce((l, r) => ({ t: "bin", op: "and", l, r }));
  const parts: Expr[] = [];
  for (const fields of scenarios.values()) {
    const conj: Expr[] = [];
    for (const [field, list] of fields) {
      const disj: Expr[] = [];
      for (const r of list) {
        const method = str(r.method).trim() || "==";
        if (!["==", "!=", "<", "<=", ">", ">="].includes(method))
          return {
            unsupported: "een oude voorwaarde met een reguliere expressie of een andere vergelijking",
          };
        if (field.startsWith("{") || field.startsWith("@"))
          return { unsupported: "een oude voorwaarde op gegevens van de deelnemer" };
        const value = str(r.value);
        if (value.startsWith("@") || value.startsWith("{"))
          return { unsupported: "een oude voorwaarde die twee antwoorden vergelijkt" };
        if (field.startsWith("+")) {
          // Multiple choice: the field names the question, the value the ticked option.
          disj.push({
            t: "bin",
            op: method,
            l: { t: "var", name: `${field.slice(1)}#opt#${value}` },
            r: { t: "str", v: "Y" },
          });
        } else disj.push({ t: "bin", op: method, l: { t: "var", name: field }, r: { t: "str", v: value } });
      }
      conj.push(or(disj));
    }
    parts.push(and(conj));
  }
  return or(parts);
}

// ---------------------------------------------------------------- the import

/** Import an .lss file. Never throws for any input: a file we cannot read gives `ok: false`. */
export function importLss(source: string): ImportOutcome {
  clearHtmlMemo();
  let doc: LssDocument;
  try {
    doc = readLss(source);
  } catch (e) {
    if (e instanceof LssRefusal) return { ok: false, reason: e.reason, message: refusalMessages[e.reason] };
    return { ok: false, reason: "notXml", message: refusalMessages.notXml };
  }
  return buildDefinition(doc);
}

function buildDefinition(doc: LssDocument): ImportOutcome {
  const surveyRow = doc.tables.surveys?.[0] ?? {};
  const base = str(surveyRow.language).trim() || doc.languages[0] || "nl";
  const additional = str(surveyRow.additional_languages).split(/\s+/).filter(Boolean);
  const available = [...new Set([base, ...additional, ...doc.languages])];
  const dutch = available.find((l) => l === "nl") ?? available.find((l) => l.startsWith("nl"));
  const language = dutch ?? base;
  const t = readTables(doc, language);
  const surveyNotes: string[] = [];
  const others = available.filter((l) => l !== language);
  if (others.length)
    surveyNotes.push(
      `Alleen de teksten in het ${languageName(language)} zijn overgenomen; weggelaten: ${others.map(languageName).join(", ")}.`,
    );
  if (!dutch)
    surveyNotes.push(`Er was geen Nederlandse tekst; de teksten zijn in het ${languageName(language)}.`);
  const quotas = doc.tables.quota?.length ?? 0;
  if (quotas)
    surveyNotes.push(
      `${quotas} ${quotas === 1 ? "quotum is" : "quota zijn"} weggelaten: wij kennen geen quota.`,
    );
  const assessments = doc.tables.assessments?.length ?? 0;
  if (assessments) surveyNotes.push("De beoordelingen (assessments) zijn weggelaten.");
  if (doc.tables.defaultvalues?.length) surveyNotes.push("De standaardantwoorden zijn weggelaten.");
  if (t.groups.some((g) => g.relevance.trim() && g.relevance.trim() !== "1"))
    surveyNotes.push("Voorwaarden op vraaggroepen zijn bij elke vraag van die groep gezet, waar dat kon.");
  if (doc.dbVersion > 0 && doc.dbVersion < 145)
    surveyNotes.push("Dit is een export van een erg oude LimeSurvey-versie; controleer het resultaat goed.");

  const ctx: Context = { t, keys: new Set(), language };
  const symbols = new Map<string, SymbolInfo>();
  const qidToTitle = new Map(t.questions.map((q) => [q.qid, q]));
  const resolve: Resolver = (name) => {
    const direct = symbols.get(name);
    if (direct) return direct;
    // SGQA with an option ("+" conditions on multiple choice): "123X4X56#opt#SQ001".
    const opt = /^(.*)#opt#(.*)$/.exec(name);
    if (opt) return symbols.get(`${opt[1]}${opt[2]}`) ?? null;
    const sgqa = /^\d+X(\d+)X(\d+)$/.exec(name);
    if (sgqa) {
      const q = qidToTitle.get(sgqa[2]!);
      return q ? (symbols.get(q.title) ?? null) : null;
    }
    return null;
  };

  const items: ReportItem[] = [];
  const pages: Page[] = [];
  const pageKeys = new Set<string>();
  let survey: Extras["survey"];
  const conditionsByQid = new Map<string, LssRow[]>();
  for (const c of t.conditions)
    conditionsByQid.set(str(c.qid), [...(conditionsByQid.get(str(c.qid)) ?? []), c]);

  for (const group of t.groups) {
    const groupQuestions = t.questions.filter((q) => q.gid === group.gid);
    let groupCondition: Condition | null = null;
    let groupConditionNote: string | null = null;
    if (group.relevance.trim() && group.relevance.trim() !== "1") {
      const r = mapRelevance(group.relevance, resolve);
      if (r.ok) groupCondition = r.condition;
      else groupConditionNote = `De voorwaarde van de vraaggroep is weggelaten: ${r.reason}.`;
    }
    const groupName = cleanHtml(group.name).text.replace(/\n+/g, " ") || "Vragen";
    const groupIntro = cleanHtml(group.description).text;
    let page: Page | null = null;
    let part = 0;
    const startPage = (extras: Extras | null) => {
      part++;
      const wanted =
        extras?.page?.key && KEY_PATTERN.test(extras.page.key) && part === 1
          ? extras.page.key
          : codeToKey(groupName.replace(/\s+/g, "-"), "pagina").slice(0, 30) || "pagina";
      page = {
        key: uniqueKey(wanted, pageKeys),
        title: shorten(part === 1 ? groupName : `${groupName} (vervolg)`, 200),
        ...(part === 1 && (extras?.page?.intro ?? groupIntro)
          ? { intro: shorten(extras?.page?.intro ?? groupIntro, 2000) }
          : {}),
        kind: part === 1 && extras?.page?.kind ? extras.page.kind : "questions",
        blocks: [],
        questions: [],
      };
      pages.push(page);
      return page;
    };
    for (const q of groupQuestions) {
      const extras = readExtras(ctx.t.attributes.get(q.qid)?.get(EXTRAS_ATTRIBUTE));
      if (extras?.survey && !survey) survey = extras.survey;
      const typeName = limeSurveyTypes[q.type] ?? "Onbekend vraagtype";
      const item: ReportItem = {
        code: q.title,
        text: shorten(cleanHtml(q.text).text.replace(/\s+/g, " ") || q.title, 140),
        from: typeName,
        to: "",
        status: "asIs",
        notes: [],
      };
      const w: Work = { item, notes: item.notes, changed: false };
      items.push(item);
      let mapped: Mapped | null;
      try {
        mapped = mapQuestion(ctx, q, w, extras);
      } catch {
        mapped = null;
        item.status = "leftOut";
        item.notes.push("De vraag kon niet worden gelezen.");
      }
      if (!mapped) {
        item.status = "leftOut";
        continue;
      }
      // Condition: old-style conditions first (LimeSurvey also writes them as relevance), then relevance.
      let condition: Condition | null = null;
      const oldStyle = conditionsByQid.get(q.qid);
      if (oldStyle?.length) {
        const expr = conditionsAsExpression(oldStyle);
        if ("unsupported" in expr)
          note(w, `De voorwaarde is weggelaten: ${expr.unsupported}. De vraag wordt altijd getoond.`);
        else {
          const r = mapExpression(expr, resolve);
          if (r.ok) {
            condition = r.condition;
            if (condition) note(w, "De oude LimeSurvey-voorwaarde is overgenomen als voorwaarde.");
          } else note(w, `De voorwaarde is weggelaten: ${r.reason}. De vraag wordt altijd getoond.`);
        }
      } else if (q.relevance.trim() && q.relevance.trim() !== "1") {
        const r = mapRelevance(q.relevance, resolve);
        if (r.ok) condition = r.condition;
        else if (extras?.question?.showIf) condition = extras.question.showIf as Condition;
        else
          note(
            w,
            `De voorwaarde "${shorten(q.relevance.trim(), 120)}" is weggelaten: ${r.reason}. De vraag wordt altijd getoond.`,
          );
      } else if (extras?.question?.showIf) condition = extras.question.showIf as Condition;
      if (groupCondition) condition = condition ? { all: [groupCondition, condition] } : groupCondition;
      if (groupConditionNote) note(w, groupConditionNote);

      let current: Page = page ?? startPage(extras);
      if (mapped.block) {
        if (current.questions.length) note(w, "Het tekstblok staat nu boven de vragen van deze pagina.");
        current.blocks.push(mapped.block);
        item.to = ourTypeLabels.block;
        for (const [name, info] of mapped.symbols) symbols.set(name, info);
        if (w.changed) item.status = "changed";
        continue;
      }
      // A condition on a question of the same page: start a new page, so the page stays known in advance.
      const onPage = new Set(current.questions.map((x) => x.key));
      if (condition && conditionTests(condition).some((c) => onPage.has(c.question))) {
        current = startPage(null);
        note(
          w,
          "De vraag staat op een nieuwe pagina, omdat haar voorwaarde naar een vraag op dezelfde pagina verwijst.",
        );
      }
      const stored: Question[] = [];
      for (const question of mapped.questions) {
        const { showIf: _ignored, ...rest } = question;
        const candidate = condition ? { ...rest, showIf: condition } : rest;
        const parsed = questionSchema.safeParse(candidate);
        if (!parsed.success) {
          const problem = parsed.error.issues[0]?.message ?? "de vraag past niet in onze enquête";
          item.status = "leftOut";
          item.notes.push(`De vraag kon niet worden overgenomen: ${problem}`);
          continue;
        }
        stored.push(parsed.data);
      }
      if (!stored.length) {
        item.status = "leftOut";
        for (const m of mapped.questions) ctx.keys.delete(m.key);
        continue;
      }
      current.questions.push(...stored);
      for (const [name, info] of mapped.symbols) symbols.set(name, info);
      item.to = [...new Set(stored.map((s) => ourTypeLabels[s.type]))].join(", ");
      if (item.status !== "leftOut") item.status = w.changed ? "changed" : "asIs";
    }
    if (!page && groupQuestions.length === 0)
      surveyNotes.push(`De vraaggroep "${shorten(groupName, 80)}" is leeg en is weggelaten.`);
    const emptyPages = pages.filter((p) => p.blocks.length === 0 && p.questions.length === 0);
    for (const p of emptyPages) pages.splice(pages.indexOf(p), 1);
  }

  // Questions LimeSurvey exported outside any group (should not happen) are named, not dropped.
  for (const q of t.questions.filter((x) => !t.groups.some((g) => g.gid === x.gid)))
    items.push({
      code: q.title,
      text: shorten(cleanHtml(q.text).text, 140),
      from: limeSurveyTypes[q.type] ?? "Onbekend vraagtype",
      to: "",
      status: "leftOut",
      notes: ["De vraag hoort bij geen enkele vraaggroep."],
    });

  if (pages.length > 60) {
    surveyNotes.push(
      `Er zijn ${pages.length - 60} pagina's weggelaten: een enquête heeft hoogstens 60 pagina's.`,
    );
    pages.length = 60;
  }
  if (!pages.some((p) => p.questions.length > 0))
    return { ok: false, reason: "nothing", message: refusalMessages.nothing };

  const title = shorten(cleanHtml(t.title).text.replace(/\n+/g, " ") || "Geïmporteerde enquête", 200);
  const intro = survey?.intro ?? [cleanHtml(t.welcome).text].filter(Boolean).join("\n\n");
  const whatHappens = survey?.whatHappens ?? cleanHtml(t.description).text;
  const thankYou = cleanHtml(t.end).text;
  const draft = {
    schemaVersion: 1,
    title,
    intro: shorten(intro, 4000),
    estimatedMinutes:
      survey?.estimatedMinutes ??
      Math.min(120, Math.max(1, Math.round(items.filter((i) => i.status !== "leftOut").length / 3))),
    whatHappens: shorten(whatHappens, 4000),
    thankYou: shorten(thankYou, 2000),
    pages,
  };
  const parsed = surveyDefinitionSchema.safeParse(draft);
  if (!parsed.success) {
    // A safety net: every rule is checked per question above, so this means a bug; say so plainly.
    return {
      ok: false,
      reason: "nothing",
      message: `${refusalMessages.nothing} (${parsed.error.issues[0]?.message ?? ""})`,
    };
  }
  const language_ = languageName(language);
  return {
    ok: true,
    definition: parsed.data,
    report: { title, language: language_, items, surveyNotes, counts: countItems(items) },
  };
}

export type { ImportReport, ItemStatus, ReportItem };
