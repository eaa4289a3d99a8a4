// Mapping one LimeSurvey question to our question(s) or a text block, with the report notes for it.
// Part of the LimeSurvey import (limesurvey.ts); pure. The mapping table is in docs/import.md.
import type { QuestionType } from "../definition";
import type { Extras } from "./extras";
import { cleanHtml, droppedLabels } from "./html";
import { mapArray, mapList, mapMultiple, mapRanking } from "./lss-choice-questions";
import { type Context, type Mapped, note, type QuestionInput, type Work } from "./lss-question-input";
import { codeToKey, type LsQuestion, shorten, uniqueKey } from "./lss-tables";
import { mapDisplay, mapMultipleText, mapNumber, mapText, mapUnknown } from "./lss-text-questions";
import { ATTRIBUTE_NOTES, QUIET_ATTRIBUTES, TIMER_ATTRIBUTE } from "./lss-vocabulary";
import { limeSurveyTypes } from "./report";

/** The question's text and help: what does not fit in 500 characters moves to the description. */
function questionTexts(q: LsQuestion, w: Work) {
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
  return { text, help, mainText, description };
}

export function mapQuestion(ctx: Context, q: LsQuestion, w: Work, extras: Extras | null): Mapped | null {
  const subs = ctx.t.subquestions.filter((s) => s.gid === q.qid);
  const answers = ctx.t.answers.get(q.qid) ?? [];
  const attrs = ctx.t.attributes.get(q.qid) ?? new Map<string, string>();
  const typeName = limeSurveyTypes[q.type];

  const { text, help, mainText, description } = questionTexts(q, w);

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
