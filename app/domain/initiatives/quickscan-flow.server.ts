// The resident's way through the quickscan (/idee/nieuw): what a step shows, and what a posted step
// does. The route reads the FormData and turns these outcomes into HTTP; nothing else.
// The draft lives server-side (quickscan_drafts), keyed by the hash of a token in an HttpOnly cookie.

import { functionalCookie, readCookie } from "../../lib/cookies.server";
import { type Executor, getDb } from "../../lib/db.server";
import { hit } from "../../lib/rate-limit.server";
import type { StoredImage } from "../media/images";
import { tileConfig } from "../places/tiles.server";
import { listWijken } from "../places/wijken.server";
import { type AddressSuggestion, addressSearchEnabled, searchAddress } from "./address.server";
import { describeDraftPhoto, storeIdeaPhoto } from "./photo.server";
import { type CheckRow, checkRows } from "./quickscan-answers";
import { stepFields, validateStep } from "./quickscan-form";
import { settleLocationKind } from "./quickscan-location";
import {
  isStep,
  MULTI_FIELDS,
  nextStep,
  previousStep,
  type StepId,
  stepPosition,
  stepsFor,
  stepTitle,
  stepUrl,
} from "./quickscan-steps";
import { InitiativeError } from "./shared.server";
import { createDraft, loadDraft, saveDraft, submitDraft } from "./submission.server";

export const QUICKSCAN_COOKIE = "wmh_quickscan";
const DRAFT_COOKIE_SECONDS = 14 * 86400;
const SUBMIT_LIMIT = { windowSeconds: 3600, max: 10 };

export type DraftValues = Record<string, string | string[]>;

export const quickscanMessages = {
  rateLimited:
    "U heeft in korte tijd veel ideeën gestuurd. Probeer het over een uur opnieuw. Uw antwoorden zijn bewaard.",
} as const;

/** The draft token from the request's cookie; null when absent or malformed. */
export function draftToken(request: Request): string | null {
  const token = readCookie(request, QUICKSCAN_COOKIE);
  return token && /^[A-Za-z0-9_-]+$/.test(token) ? token : null;
}

const setDraftCookie = (token: string) =>
  functionalCookie(QUICKSCAN_COOKIE, token, { path: "/idee", maxAge: DRAFT_COOKIE_SECONDS });
const clearDraftCookie = () => functionalCookie(QUICKSCAN_COOKIE, "", { path: "/idee", maxAge: 0 });

export interface QuickscanPage {
  step: StepId;
  title: string;
  position: { number: number; total: number };
  values: DraftValues;
  fromCheck: boolean;
  wijken: { code: string; name: string }[];
  addressSearch: boolean;
  tiles: { url: string; attribution: string };
  /** The check page only: every answer with the step to change it. */
  rows: CheckRow[] | null;
  /** The photo sent with the idea so far (the first step and the check page show it). */
  photo: StoredImage | null;
}

export type QuickscanView = { kind: "redirect"; to: string } | ({ kind: "page" } & QuickscanPage);

async function page(
  step: StepId,
  values: DraftValues,
  fromCheck: boolean,
  db: Executor,
): Promise<QuickscanPage> {
  const wijken = await listWijken(db);
  const wijkName = (code: string) => wijken.find((w) => w.code === code)?.name;
  return {
    step,
    title: stepTitle(step, values),
    position: stepPosition(step),
    values,
    fromCheck,
    wijken,
    addressSearch: addressSearchEnabled(),
    tiles: tileConfig(),
    rows: step === "controleren" ? checkRows(values, wijkName) : null,
    photo: step === "idee" || step === "controleren" ? await describeDraftPhoto(values.photoId, db) : null,
  };
}

/** What GET /idee/nieuw?stap=… shows; a redirect when the step cannot be shown yet. */
export async function quickscanView(request: Request, db: Executor = getDb()): Promise<QuickscanView> {
  const url = new URL(request.url);
  const asked = url.searchParams.get("stap") ?? "idee";
  const step: StepId = isStep(asked) ? asked : "idee";
  const draft = (await loadDraft(draftToken(request), db)) as DraftValues | null;
  // Without a draft there is nothing to continue: start at the first step.
  if (!draft && step !== "idee") return { kind: "redirect", to: stepUrl("idee") };
  const values = draft ?? {};
  // The location page needs a kind; "all of Heemstede" has no location page.
  if (step === "plek" && !stepsFor(values).includes("plek")) return { kind: "redirect", to: stepUrl("waar") };
  if (step === "plek" && !values.locationKind) return { kind: "redirect", to: stepUrl("waar") };
  return { kind: "page", ...(await page(step, values, url.searchParams.get("wijzig") === "1", db)) };
}

export type QuickscanOutcome = { cookies: string[] } & (
  | { kind: "badRequest" }
  | { kind: "go"; to: string }
  | { kind: "invalid"; page: QuickscanPage; errors: Record<string, string> }
  | {
      kind: "searched";
      page: QuickscanPage;
      /** Addresses found (possibly none); null when the search itself failed. */
      suggestions: AddressSuggestion[] | null;
    }
  | { kind: "rateLimited"; page: QuickscanPage; message: string }
  | { kind: "closed"; message: string }
  | { kind: "submitted"; followToken: string }
);

/** The fields of `step` as posted: repeated names (checkbox groups) as lists, the rest as text. */
function postedStep(step: StepId, form: FormData): DraftValues {
  const out: DraftValues = {};
  for (const field of stepFields[step]) {
    const all = form.getAll(field).filter((v): v is string => typeof v === "string");
    out[field] = (MULTI_FIELDS as readonly string[]).includes(field) ? all : (all[0] ?? "");
  }
  return out;
}

/**
 * Handle one POST of a quickscan step. Every post first keeps what was typed on the step, whatever
 * button was pressed, so "Vorige" never loses input. `intent`: "next" (check the step, go on; on the
 * check page: send), "back", or "search" (address search on the location page).
 */
export async function handleQuickscanPost(
  form: FormData,
  context: { draftToken: string | null; clientIp: string },
  db: Executor = getDb(),
): Promise<QuickscanOutcome> {
  const cookies: string[] = [];
  if (form.get("website")) return { kind: "badRequest", cookies };
  const step = form.get("stap");
  if (!isStep(step)) return { kind: "badRequest", cookies };
  const intent = String(form.get("intent") ?? "next");
  const fromCheck = form.get("wijzig") === "1";

  let token = context.draftToken;
  let draft = (await loadDraft(token, db)) as DraftValues | null;
  if (!token || !draft) {
    token = await createDraft(db);
    draft = {};
    cookies.push(setDraftCookie(token));
  }
  draft = { ...draft, ...postedStep(step, form) };
  if (step === "plek") draft = settleLocationKind(draft);
  let photoError: string | null = null;
  if (step === "idee") {
    const { fotoWeg, ...rest } = draft;
    draft = rest;
    if (fotoWeg === "ja") {
      delete draft.photoId;
      delete draft.photoAlt;
    }
    // The multipart form's file: checked and stored at once, so the draft only keeps its id.
    const file = form.get("photo");
    if (file instanceof File && file.size > 0) {
      const upload = await storeIdeaPhoto(file, context.clientIp, db);
      if (upload.ok) draft.photoId = upload.imageId;
      else photoError = upload.message;
    }
  }
  await saveDraft(token, draft, db);

  if (intent === "back")
    return {
      kind: "go",
      to: fromCheck ? stepUrl("controleren") : stepUrl(previousStep(step, draft)),
      cookies,
    };
  if (intent === "search" && step === "plek") {
    const address = typeof draft.address === "string" ? draft.address : "";
    const suggestions = await searchAddress(address);
    return { kind: "searched", page: await page(step, draft, fromCheck, db), suggestions, cookies };
  }

  if (photoError)
    return {
      kind: "invalid",
      page: await page(step, draft, fromCheck, db),
      errors: { photo: photoError },
      cookies,
    };
  const checked = validateStep(step, draft);
  if (!checked.ok)
    return { kind: "invalid", page: await page(step, draft, fromCheck, db), errors: checked.errors, cookies };
  if (step !== "controleren") {
    const next = nextStep(step, draft, fromCheck);
    return { kind: "go", to: stepUrl(next, fromCheck), cookies };
  }

  const limited = await hit(`idee:${context.clientIp}`, SUBMIT_LIMIT, db);
  if (!limited.allowed)
    return {
      kind: "rateLimited",
      page: await page(step, draft, false, db),
      message: quickscanMessages.rateLimited,
      cookies,
    };
  try {
    const result = await submitDraft(draft, token, db);
    if (!result.ok) {
      const at = result.step;
      return { kind: "invalid", page: await page(at, draft, true, db), errors: result.errors, cookies };
    }
    cookies.push(clearDraftCookie());
    return { kind: "submitted", followToken: result.token, cookies };
  } catch (error) {
    if (!(error instanceof InitiativeError)) throw error;
    cookies.push(clearDraftCookie());
    return { kind: "closed", message: error.message, cookies };
  }
}
