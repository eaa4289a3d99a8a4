// Use cases of the survey editor (/beheer/enquetes) for the routes: each validates, changes the
// definition and stores it with its audit line. Routes never see the database.

import { getDb } from "../../lib/db.server";
import type { FieldErrors, FormValues } from "../../lib/forms";
import { parseForm } from "../../lib/forms";
import type { Actor } from "../audit/audit.server";
import type { SurveyDefinition } from "./definition";
import {
  deletePage,
  deleteQuestion,
  type EditResult,
  importDefinition,
  movePage,
  moveQuestion,
  updateGeneral,
  upsertPage,
  upsertQuestion,
} from "./editor";
import { deleteBlock, upsertBlock } from "./editor-blocks";
import { newSurveySchema, publishSchema, settingsSchema } from "./rules";
import { isSurveySaved, type SurveySaved } from "./saved-messages";
import {
  createSurvey,
  duplicateSurvey,
  getSurveyForStaff,
  isSlugTaken,
  listProjects,
  listSurveysForStaff,
  publishSurvey,
  saveDefinition,
  setSurveyStatus,
  updateSurveySettings,
} from "./surveys.server";

export const staffSurveyList = () => listSurveysForStaff(getDb());
export const staffProjects = () => listProjects(getDb());
export const staffSurvey = (id: number) => getSurveyForStaff(id, getDb());

export type AdminOutcome =
  | { ok: true; saved: SurveySaved; newVersion?: boolean; redirectTo?: string }
  | { ok: false; errors: FieldErrors; values: FormValues; status: 400 | 404 };

export async function createSurveyFromForm(actor: Actor, form: FormData): Promise<AdminOutcome> {
  const parsed = parseForm(newSurveySchema, form);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, values: parsed.values, status: 400 };
  if (await isSlugTaken(parsed.data.slug, getDb()))
    return {
      ok: false,
      errors: { slug: "Dit webadres is al in gebruik. Kies een ander." },
      values: parsed.values,
      status: 400,
    };
  const id = await createSurvey(actor, parsed.data, getDb());
  return { ok: true, saved: "created", redirectTo: `/beheer/enquetes/${id}` };
}

function editFor(intent: string, def: SurveyDefinition, values: FormValues): EditResult | null {
  const s = (k: string) => {
    const v = values[k];
    return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
  };
  const index = s("blok") === "" ? null : Number.parseInt(s("blok"), 10);
  switch (intent) {
    case "general":
      return updateGeneral(def, values);
    case "page-save":
      return upsertPage(def, s("paginaKey") || null, values);
    case "page-delete":
      return deletePage(def, s("paginaKey"));
    case "page-up":
    case "page-down":
      return movePage(def, s("paginaKey"), intent === "page-up" ? -1 : 1);
    case "question-save":
      return upsertQuestion(def, s("paginaKey"), s("originalKey") || null, values);
    case "question-delete":
      return deleteQuestion(def, s("vraagKey"));
    case "question-up":
    case "question-down":
      return moveQuestion(def, s("vraagKey"), intent === "question-up" ? -1 : 1);
    case "block-save":
      return upsertBlock(def, s("paginaKey"), index, values);
    case "block-delete":
      return index === null ? null : deleteBlock(def, s("paginaKey"), index);
    case "import":
      return importDefinition(s("json"));
    default:
      return null;
  }
}

/** The intents each editor route accepts (the overview takes the rest). */
export const editorIntents = {
  question: ["question-save"],
  page: ["page-save"],
  block: ["block-save"],
  overview: [
    "settings",
    "publish",
    "close",
    "duplicate",
    "general",
    "page-up",
    "page-down",
    "page-delete",
    "question-up",
    "question-down",
    "question-delete",
    "block-delete",
    "import",
  ],
} as const;

/** One POST to one of the editor routes under /beheer/enquetes/:id; `intents` are those that route accepts. */
export async function handleEditorPost(
  actor: Actor,
  surveyId: number,
  form: FormData,
  intents: readonly string[],
): Promise<AdminOutcome> {
  const db = getDb();
  const current = await getSurveyForStaff(surveyId, db);
  if (!current) return { ok: false, errors: {}, values: {}, status: 404 };
  const intent = String(form.get("intent") ?? "");
  const values = Object.fromEntries(
    [...new Set(form.keys())].map((k) => [k, String(form.get(k) ?? "")]),
  ) as FormValues;
  if (!intents.includes(intent))
    return { ok: false, errors: { _form: "Onbekende actie." }, values, status: 400 };

  if (intent === "settings") {
    const parsed = parseForm(settingsSchema, form);
    if (!parsed.ok) return { ok: false, errors: parsed.errors, values: parsed.values, status: 400 };
    if (current.survey.status !== "draft" && parsed.data.slug !== current.survey.slug)
      return {
        ok: false,
        errors: {
          slug: "Het webadres van een gepubliceerde enquête kan niet meer veranderen: links in brieven en e-mails werken dan niet meer.",
        },
        values: parsed.values,
        status: 400,
      };
    if (await isSlugTaken(parsed.data.slug, db, surveyId))
      return {
        ok: false,
        errors: { slug: "Dit webadres is al in gebruik. Kies een ander." },
        values: parsed.values,
        status: 400,
      };
    await updateSurveySettings(actor, surveyId, parsed.data, db);
    return { ok: true, saved: "settings" };
  }
  if (intent === "publish") {
    const parsed = parseForm(publishSchema, form);
    if (!parsed.ok) return { ok: false, errors: parsed.errors, values: parsed.values, status: 400 };
    const result = await publishSurvey(actor, surveyId, parsed.data, db);
    if (!result.ok)
      return { ok: false, errors: { _form: result.message }, values: parsed.values, status: 400 };
    return { ok: true, saved: "publish" };
  }
  if (intent === "close") {
    await setSurveyStatus(actor, surveyId, "closed", db);
    return { ok: true, saved: "close" };
  }
  if (intent === "duplicate") {
    const id = await duplicateSurvey(actor, surveyId, db);
    return { ok: true, saved: "duplicate", redirectTo: `/beheer/enquetes/${id}` };
  }
  const edit = editFor(intent, current.definition, values);
  if (!edit) return { ok: false, errors: { _form: "Onbekende actie." }, values, status: 400 };
  if (!edit.ok) return { ok: false, errors: edit.errors, values, status: 400 };
  const saved = await saveDefinition(
    actor,
    surveyId,
    edit.definition,
    db,
    intent === "import" ? "survey.imported" : "survey.edited",
  );
  return { ok: true, saved: isSurveySaved(intent) ? intent : "saved", newVersion: saved.newVersion };
}
