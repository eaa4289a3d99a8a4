// Mapping LimeSurvey's text, number and display questions (and unknown types) to ours. Part of the
// LimeSurvey import (limesurvey.ts); pure. The mapping table is in docs/import.md.
import { blockSchema, type Question, type QuestionType } from "../definition";
import type { SymbolInfo } from "./expression";
import { cleanHtml } from "./html";
import { type Mapped, note, numberLimits, type QuestionInput, symbol } from "./lss-question-input";
import { codeToKey, num, shorten, uniqueKey } from "./lss-tables";
import { ourTypeLabels } from "./report";

/** Short, long and huge free text: one open question. */
export function mapText(input: QuestionInput): Mapped | null {
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
export function mapMultipleText(input: QuestionInput): Mapped | null {
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
export function mapNumber(input: QuestionInput): Mapped | null {
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
export function mapDisplay(input: QuestionInput): Mapped | null {
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
export function mapUnknown(input: QuestionInput): Mapped | null {
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
