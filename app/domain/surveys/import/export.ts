// Export of our own survey as a LimeSurvey .lss file (the layout of LimeSurvey 4 to 6, texts in
// *_l10ns tables, language Dutch), so no municipality is locked in. Types LimeSurvey lacks become the
// nearest LimeSurvey type; the report says which. What LimeSurvey has no field for (our keys, woon-DNA
// figures, "weet niet", themes) rides along in one question attribute (extras.ts) so that importing
// our own export gives back the same definition (docs/import.md).
import { type Block, type Question, questionTypeLabels, type SurveyDefinition } from "../definition";
import { staffPartFor } from "../question-types/staff";
import { EXTRAS_ATTRIBUTE, type Extras } from "./extras";
import {
  type Coded,
  codeQuestions,
  extrasOf,
  listsOf,
  lsQuestionCode,
  relevanceOf,
} from "./lss-export-codes";
import { LssTables, type QuestionRow } from "./lss-export-tables";
import { countItems, type ItemStatus, limeSurveyTypes, type ReportItem } from "./report";

export interface ExportReport {
  items: ReportItem[];
  counts: Record<ItemStatus, number>;
}

function blockText(b: Block): string {
  if (b.kind === "text") return [b.title, b.text].filter(Boolean).join("\n\n");
  const figures = b.figures.map((f) => `${f.label}: ${f.value}${f.unit ? ` ${f.unit}` : ""}`).join("\n");
  return [b.title, b.text, figures, b.source ? `Bron: ${b.source}` : ""].filter(Boolean).join("\n\n");
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

/** A question's relevance equation, and the report's notes on what LimeSurvey cannot hold of it. */
function relevanceAndNotes(q: Question, coded: Map<string, Coded>) {
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
  return { relevance, notes };
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
      const { relevance, notes } = relevanceAndNotes(q, coded);
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
