// The resident's way through a survey (/enquete/:slug): what to show, and what a posted form does.
// The route only turns these outcomes into HTTP.

import { type Executor, getDb } from "../../lib/db.server";
import { emailField, formToObject } from "../../lib/forms";
import { hit, refund } from "../../lib/rate-limit.server";
import { hashToken, looksLikeToken } from "../../lib/tokens.server";
import { stoplichtSummaryBlock } from "../monitor/survey-summary.server";
import {
  type Answers,
  isPageShown,
  nextPage,
  pageFormValues,
  previousPage,
  progress,
  type RawValues,
  validatePage,
  visibleQuestions,
} from "./answers";
import { readResumeCookies } from "./cookie.server";
import { isInfoPage, type Page, type SurveyDefinition } from "./definition";
import { flowMessages } from "./messages";
import { findPublicSurvey, listProjectsWithOpenSurveys, type PublicSurvey } from "./public-surveys.server";
import { findSurveyForResident, type LoadedResponse } from "./resident-survey.server";
import { savePage, submitResponse } from "./response-answers.server";
import { mailResumeLink, startResponse, startWithCode, takeOverResponse } from "./response-start.server";
import { type Availability, CODE_LIMIT, RESUME_MAIL_LIMIT, START_LIMIT, surveyAvailability } from "./rules";

export { flowMessages };

// Messages for a personal link to an open survey. Kept here, not in messages.ts, because that file
// ships to the survey page's browser bundle, whose JavaScript budget has no headroom.
export const linkMessages = {
  linkUnknown:
    "Deze persoonlijke link kennen wij niet. Kijk of u de hele link uit uw e-mail hebt gebruikt. U kunt de vragenlijst ook zonder persoonlijke link invullen.",
  linkUsed:
    "Met uw persoonlijke link is de vragenlijst al ingevuld. Dank u wel voor uw antwoorden! Elke link kan één keer gebruikt worden.",
} as const;

/** What a page of the survey looks like to the browser (the page's own validation travels with it). */
export interface ShownPage {
  index: number;
  page: Page;
  /** Visible questions only, without conditions (already applied), for the browser's validation. */
  clientPage: Page;
  isInfo: boolean;
  isFirst: boolean;
  isLast: boolean;
  values: RawValues;
  progress: { step: number; total: number; percent: number };
}

export type SurveyView =
  | { state: "unavailable"; availability: Exclude<Availability, "open" | "draft">; survey: PublicSurvey }
  | { state: "intro"; survey: PublicSurvey; code: string }
  | { state: "page"; survey: PublicSurvey; shown: ShownPage; later: boolean };

function showPage(definition: SurveyDefinition, index: number, answers: Answers): ShownPage {
  let i = Math.max(0, Math.min(index, definition.pages.length - 1));
  if (!isPageShown(definition.pages[i]!, answers))
    i = Math.min(nextPage(definition, i, answers), definition.pages.length - 1);
  const page = definition.pages[i]!;
  const visible = visibleQuestions(page, answers);
  return {
    index: i,
    page: { ...page, questions: visible },
    clientPage: { ...page, questions: visible.map((q) => ({ ...q, showIf: undefined })) },
    isInfo: isInfoPage(page),
    isFirst: previousPage(definition, i, answers) === -1,
    isLast: nextPage(definition, i, answers) >= definition.pages.length,
    values: pageFormValues(page, answers),
    progress: progress(definition, i, answers),
  };
}

/**
 * A woon-DNA page whose blocks are tied to a Woonvisie theme also shows the live stoplicht summary of the
 * prestatieafspraken of those themes (docs/monitor.md): an ordinary text block added on the server, so the
 * survey page needs no new JavaScript.
 */
async function withMonitorSummary(shown: ReturnType<typeof showPage>, db: Executor) {
  if (!shown.isInfo) return shown;
  const themes = [
    ...new Set(shown.page.blocks.flatMap((b) => (b.kind === "figures" && b.theme ? [b.theme] : []))),
  ];
  const block = await stoplichtSummaryBlock(themes, db);
  return block ? { ...shown, page: { ...shown.page, blocks: [...shown.page.blocks, block] } } : shown;
}

export async function surveyView(
  request: Request,
  slug: string,
  db: Executor = getDb(),
): Promise<SurveyView | null> {
  const found = await findSurveyForResident(slug, readResumeCookies(request), db);
  if (!found) return null;
  const { survey, loaded } = found;
  const availability = surveyAvailability(survey.survey);
  if (availability !== "open" && availability !== "draft")
    return { state: "unavailable", availability, survey };
  const url = new URL(request.url);
  if (loaded?.response.status !== "in_progress")
    return { state: "intro", survey, code: (url.searchParams.get("code") ?? "").slice(0, 20) };
  const shown = showPage(loaded.definition, loaded.response.currentPage, loaded.answers);
  return {
    state: "page",
    survey,
    shown: await withMonitorSummary(shown, db),
    later: url.searchParams.has("later"),
  };
}

/**
 * /enquete/:slug?verder=<token>: continue a response in this browser. The token is replaced, so
 * every other holder of the old link or cookie loses access (response-start.server.ts takeOverResponse).
 */
export async function resumeFromLink(
  surveyId: number,
  token: string,
  db: Executor = getDb(),
): Promise<string | null> {
  return looksLikeToken(token) ? takeOverResponse(surveyId, token, db) : null;
}

export type PostOutcome =
  | { kind: "notFound" }
  | { kind: "unavailable" }
  | { kind: "started"; token: string; surveyId: number }
  | { kind: "codeError"; status: 400 | 409 | 429; message: string; code: string }
  | { kind: "rateLimited" }
  | { kind: "noResponse" }
  | { kind: "moved" }
  | { kind: "later" }
  | { kind: "invalid"; errors: Record<string, string>; values: RawValues }
  /**
   * `token`: the response's resume token, for the after-survey cookie (the digipanel sign-up offer
   * to reuse background answers); `reuse` is false for anonymous surveys, which keep no such link.
   */
  | { kind: "submitted"; surveyId: number; token: string; reuse: boolean }
  | { kind: "mailed" }
  | { kind: "mailError"; errors: Record<string, string>; values: RawValues }
  | { kind: "badRequest" };

/** Handle a POST to /enquete/:slug. `ip` only feeds rate-limit keys, as a hash. */
export async function handleSurveyPost(
  request: Request,
  slug: string,
  form: FormData,
  ip: string,
  db: Executor = getDb(),
): Promise<PostOutcome> {
  // One round trip for the survey and the resident's response (used by every intent but "start").
  const found = await findSurveyForResident(slug, readResumeCookies(request), db);
  if (!found) return { kind: "notFound" };
  const { survey } = found;
  if (surveyAvailability(survey.survey) !== "open") return { kind: "unavailable" };
  const intent = String(form.get("intent") ?? "");
  const ipKey = hashToken(`ip:${ip}`).slice(0, 32);

  if (intent === "start") {
    const code = String(form.get("code") ?? "")
      .trim()
      .slice(0, 40);
    // A code-only survey needs a code. An open survey also takes one, from a personal link (a digipanel
    // invitation): the response is then that invitation's (channel "panel", its pseudonymous id, once
    // per code), while everyone else still starts without one.
    const withCode =
      survey.survey.accessMode === "code" || (survey.survey.accessMode === "open" && code !== "");
    if (withCode) {
      const open = survey.survey.accessMode === "open";
      if (!code) return { kind: "codeError", status: 400, message: flowMessages.codeMissing, code };
      // Every try is counted before the code is checked (one statement, so parallel guesses cannot
      // pass the limit); a right code gives its count back: only wrong codes use up the limit.
      const limitKey = `survey-code:${ipKey}`;
      if (!(await hit(limitKey, CODE_LIMIT, db)).allowed)
        return { kind: "codeError", status: 429, message: flowMessages.tooMany, code };
      const started = await startWithCode(survey, code, db);
      if (started.status === "unknown")
        return {
          kind: "codeError",
          status: 400,
          message: open ? linkMessages.linkUnknown : flowMessages.codeUnknown,
          code,
        };
      await refund(limitKey, CODE_LIMIT, db);
      if (started.status === "used")
        return {
          kind: "codeError",
          status: 409,
          message: open ? linkMessages.linkUsed : flowMessages.codeUsed,
          code,
        };
      return { kind: "started", token: started.token, surveyId: survey.survey.id };
    }
    const limit = await hit(`survey-start:${ipKey}`, START_LIMIT, db);
    if (!limit.allowed) return { kind: "rateLimited" };
    const started = await startResponse(survey, db);
    return { kind: "started", token: started.token, surveyId: survey.survey.id };
  }

  const { token, loaded } = found;
  if (!loaded || !token) return { kind: "noResponse" };
  // A repeated or double-clicked submit finds the response already submitted: thank them again.
  const thanks = { token, reuse: survey.survey.accessMode !== "anonymous" };
  if (loaded.response.status === "submitted")
    return { kind: "submitted", surveyId: survey.survey.id, ...thanks };

  if (intent === "mail-link") {
    if (survey.survey.accessMode === "anonymous") return { kind: "badRequest" };
    const parsed = emailField().safeParse(form.get("email") ?? "");
    const values = { email: String(form.get("email") ?? "") };
    if (!parsed.success)
      return { kind: "mailError", errors: { email: parsed.error.issues[0]!.message }, values };
    const limit = await hit(`survey-mail:${ipKey}`, RESUME_MAIL_LIMIT, db);
    if (!limit.allowed) return { kind: "mailError", errors: { email: flowMessages.tooMany }, values };
    await mailResumeLink({ slug, title: loaded.definition.title, token, email: parsed.data }, db);
    return { kind: "mailed" };
  }

  return handlePagePost(loaded, form, intent, thanks, db);
}

async function handlePagePost(
  loaded: LoadedResponse,
  form: FormData,
  intent: string,
  thanks: { token: string; reuse: boolean },
  db: Executor,
): Promise<PostOutcome> {
  const { definition, answers } = loaded;
  const index = Number.parseInt(String(form.get("pagina") ?? ""), 10);
  const page = definition.pages[index];
  if (!page || !["next", "back", "later", "submit"].includes(intent)) return { kind: "badRequest" };
  const raw = formToObject(form);
  const strict = intent === "next" || intent === "submit";
  const result = validatePage(page, raw, answers, { mode: strict ? "strict" : "lenient" });
  if (Object.keys(result.errors).length > 0) return { kind: "invalid", errors: result.errors, values: raw };
  const merged = { ...answers, ...result.answers };
  for (const key of result.cleared) delete merged[key];
  const after = nextPage(definition, index, merged);

  if (intent === "submit" || (intent === "next" && after >= definition.pages.length)) {
    const outcome = await submitResponse(loaded.response.id, definition, result, merged, db, answers);
    if (outcome.status === "submitted" || outcome.status === "alreadySubmitted")
      return { kind: "submitted", surveyId: loaded.response.surveyId, ...thanks };
    return { kind: "moved" };
  }
  const goTo =
    intent === "next"
      ? after
      : intent === "back"
        ? Math.max(previousPage(definition, index, merged), 0)
        : index;
  const saved = await savePage(loaded.response.id, definition, result, goTo, db);
  if (saved.status === "submitted")
    return { kind: "submitted", surveyId: loaded.response.surveyId, ...thanks };
  if (saved.status === "gone") return { kind: "noResponse" };
  return intent === "later" ? { kind: "later" } : { kind: "moved" };
}

/** The thank-you text of a survey (null when residents may not see the survey). */
export async function surveyThanks(slug: string, db: Executor = getDb()) {
  const found = await findPublicSurvey(slug, db);
  return found ? { title: found.definition.title, thankYou: found.definition.thankYou } : null;
}

/** /meedenken: projects and the surveys open now. */
export async function participationOverview(db: Executor = getDb()) {
  return listProjectsWithOpenSurveys(db);
}
