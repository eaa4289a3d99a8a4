// Import of a LimeSurvey survey export (.lss, LimeSurvey 2.x to 6.x) into our survey definition, with a
// report per question. Pure: no database, no network; used by the staff page, the CLI and the bench.
// The mapping table is in docs/import.md; keep both in step.
import {
  type Condition,
  conditionTests,
  KEY_PATTERN,
  type Page,
  type Question,
  questionSchema,
  type SurveyDefinition,
  surveyDefinitionSchema,
} from "../definition";
import { mapRelevance, type Resolver, type SymbolInfo } from "./expression";
import { EXTRAS_ATTRIBUTE, type Extras, readExtras } from "./extras";
import { cleanHtml, clearHtmlMemo } from "./html";
import { questionCondition, symbolResolver } from "./lss-conditions";
import { type Context, type Mapped, note, type Work } from "./lss-question-input";
import { mapQuestion } from "./lss-questions";
import { codeToKey, type LsGroup, type LsQuestion, readTables, shorten, str, uniqueKey } from "./lss-tables";
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

/** The language to import: Dutch when the file has it, else the survey's base language. */
function chooseLanguage(doc: LssDocument) {
  const surveyRow = doc.tables.surveys?.[0] ?? {};
  const base = str(surveyRow.language).trim() || doc.languages[0] || "nl";
  const additional = str(surveyRow.additional_languages).split(/\s+/).filter(Boolean);
  const available = [...new Set([base, ...additional, ...doc.languages])];
  const dutch = available.find((l) => l === "nl") ?? available.find((l) => l.startsWith("nl"));
  return { available, dutch, language: dutch ?? base };
}

/** The report's notes on the survey as a whole: languages, quota, assessments and other things left out. */
function surveyLevelNotes(
  doc: LssDocument,
  t: ReturnType<typeof readTables>,
  { available, dutch, language }: ReturnType<typeof chooseLanguage>,
): string[] {
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
  return surveyNotes;
}

/** The mapped questions with their condition that pass our question schema; the others are noted as left out. */
function checkedQuestions(questions: Mapped["questions"], condition: Condition | null, item: ReportItem) {
  const stored: Question[] = [];
  for (const question of questions) {
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
  return stored;
}

/** What the whole import builds up while it reads the groups one by one. */
interface Build {
  ctx: Context;
  resolve: Resolver;
  /** The answer codes and values each imported question gives later conditions to refer to. */
  symbols: Map<string, SymbolInfo>;
  conditionsByQid: Map<string, LssRow[]>;
  items: ReportItem[];
  pages: Page[];
  pageKeys: Set<string>;
  /** The survey's own texts from our extras, from the first question that carries them. */
  survey: Extras["survey"];
  surveyNotes: string[];
}

function buildDefinition(doc: LssDocument): ImportOutcome {
  const chosen = chooseLanguage(doc);
  const { language } = chosen;
  const t = readTables(doc, language);
  const surveyNotes = surveyLevelNotes(doc, t, chosen);
  const symbols = new Map<string, SymbolInfo>();
  const conditionsByQid = new Map<string, LssRow[]>();
  for (const c of t.conditions)
    conditionsByQid.set(str(c.qid), [...(conditionsByQid.get(str(c.qid)) ?? []), c]);
  const b: Build = {
    ctx: { t, keys: new Set(), language },
    resolve: symbolResolver(t, symbols),
    symbols,
    conditionsByQid,
    items: [],
    pages: [],
    pageKeys: new Set(),
    survey: undefined,
    surveyNotes,
  };

  for (const group of t.groups) importGroup(b, group);

  // Questions LimeSurvey exported outside any group (should not happen) are named, not dropped.
  for (const q of t.questions.filter((x) => !t.groups.some((g) => g.gid === x.gid)))
    b.items.push({
      code: q.title,
      text: shorten(cleanHtml(q.text).text, 140),
      from: limeSurveyTypes[q.type] ?? "Onbekend vraagtype",
      to: "",
      status: "leftOut",
      notes: ["De vraag hoort bij geen enkele vraaggroep."],
    });

  const { pages } = b;
  if (pages.length > 60) {
    surveyNotes.push(
      `Er zijn ${pages.length - 60} pagina's weggelaten: een enquête heeft hoogstens 60 pagina's.`,
    );
    pages.length = 60;
  }
  if (!pages.some((p) => p.questions.length > 0))
    return { ok: false, reason: "nothing", message: refusalMessages.nothing };

  return finishImport(t, b.survey, b.items, pages, surveyNotes, language);
}

/** One question group: its questions on one or more pages, its condition on each of them. */
function importGroup(b: Build, group: LsGroup) {
  const groupQuestions = b.ctx.t.questions.filter((q) => q.gid === group.gid);
  const groupCondition = groupRelevance(group, b.resolve);
  const groupName = cleanHtml(group.name).text.replace(/\n+/g, " ") || "Vragen";
  const pages = groupPages(b, groupName, cleanHtml(group.description).text);
  for (const q of groupQuestions) importQuestion(b, q, pages, groupCondition);
  if (!pages.page && groupQuestions.length === 0)
    b.surveyNotes.push(`De vraaggroep "${shorten(groupName, 80)}" is leeg en is weggelaten.`);
  const emptyPages = b.pages.filter((p) => p.blocks.length === 0 && p.questions.length === 0);
  for (const p of emptyPages) b.pages.splice(b.pages.indexOf(p), 1);
}

/** The group's condition (set on each of its questions), or why it was left out. */
function groupRelevance(group: LsGroup, resolve: Resolver) {
  if (!group.relevance.trim() || group.relevance.trim() === "1") return { condition: null, note: null };
  const r = mapRelevance(group.relevance, resolve);
  return r.ok
    ? { condition: r.condition, note: null }
    : { condition: null, note: `De voorwaarde van de vraaggroep is weggelaten: ${r.reason}.` };
}

type GroupPages = ReturnType<typeof groupPages>;

/**
 * The pages of one group, started when a question needs one: the first has the group's name and intro
 * (or a page key, intro and kind kept in our extras), the next ones are "(vervolg)".
 */
function groupPages(b: Build, groupName: string, groupIntro: string) {
  let part = 0;
  const pages = {
    /** The page the group's next question goes on; null until the first. */
    page: null as Page | null,
    start(extras: Extras | null): Page {
      part++;
      const wanted =
        extras?.page?.key && KEY_PATTERN.test(extras.page.key) && part === 1
          ? extras.page.key
          : codeToKey(groupName.replace(/\s+/g, "-"), "pagina").slice(0, 30) || "pagina";
      const page: Page = {
        key: uniqueKey(wanted, b.pageKeys),
        title: shorten(part === 1 ? groupName : `${groupName} (vervolg)`, 200),
        ...(part === 1 && (extras?.page?.intro ?? groupIntro)
          ? { intro: shorten(extras?.page?.intro ?? groupIntro, 2000) }
          : {}),
        kind: part === 1 && extras?.page?.kind ? extras.page.kind : "questions",
        blocks: [],
        questions: [],
      };
      pages.page = page;
      b.pages.push(page);
      return page;
    },
  };
  return pages;
}

/** One LimeSurvey question: mapped to a text block or to questions of ours, with its report line. */
function importQuestion(
  b: Build,
  q: LsQuestion,
  pages: GroupPages,
  group: ReturnType<typeof groupRelevance>,
) {
  const { ctx } = b;
  const extras = readExtras(ctx.t.attributes.get(q.qid)?.get(EXTRAS_ATTRIBUTE));
  if (extras?.survey && !b.survey) b.survey = extras.survey;
  const item = reportItem(q);
  const w: Work = { item, notes: item.notes, changed: false };
  b.items.push(item);
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
    return;
  }
  let condition = questionCondition(q, b.conditionsByQid.get(q.qid), extras, b.resolve, w);
  if (group.condition) condition = condition ? { all: [group.condition, condition] } : group.condition;
  if (group.note) note(w, group.note);

  let current: Page = pages.page ?? pages.start(extras);
  if (mapped.block) {
    if (current.questions.length) note(w, "Het tekstblok staat nu boven de vragen van deze pagina.");
    current.blocks.push(mapped.block);
    item.to = ourTypeLabels.block;
    for (const [name, info] of mapped.symbols) b.symbols.set(name, info);
    if (w.changed) item.status = "changed";
    return;
  }
  // A condition on a question of the same page: start a new page, so the page stays known in advance.
  const onPage = new Set(current.questions.map((x) => x.key));
  if (condition && conditionTests(condition).some((c) => onPage.has(c.question))) {
    current = pages.start(null);
    note(
      w,
      "De vraag staat op een nieuwe pagina, omdat haar voorwaarde naar een vraag op dezelfde pagina verwijst.",
    );
  }
  const stored = checkedQuestions(mapped.questions, condition, item);
  if (!stored.length) {
    item.status = "leftOut";
    for (const m of mapped.questions) ctx.keys.delete(m.key);
    return;
  }
  current.questions.push(...stored);
  for (const [name, info] of mapped.symbols) b.symbols.set(name, info);
  item.to = [...new Set(stored.map((s) => ourTypeLabels[s.type]))].join(", ");
  if (item.status !== "leftOut") item.status = w.changed ? "changed" : "asIs";
}

/** The question's report line before mapping: as it is, until the mapping says otherwise. */
function reportItem(q: LsQuestion): ReportItem {
  return {
    code: q.title,
    text: shorten(cleanHtml(q.text).text.replace(/\s+/g, " ") || q.title, 140),
    from: limeSurveyTypes[q.type] ?? "Onbekend vraagtype",
    to: "",
    status: "asIs",
    notes: [],
  };
}

/** The survey's own texts around the pages, checked as a whole definition, with the report. */
function finishImport(
  t: ReturnType<typeof readTables>,
  survey: Extras["survey"],
  items: ReportItem[],
  pages: Page[],
  surveyNotes: string[],
  language: string,
): ImportOutcome {
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
