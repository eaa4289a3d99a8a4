import { functionalCookie, readCookies } from "../../lib/cookies.server";
import { looksLikeToken } from "../../lib/tokens.server";

// The resume cookie: a functional cookie holding the resume token of one survey (named by survey
// id). Path /enquete, not /enquete/<slug>: Remix data requests go to /enquete/<slug>.data.
// Only the token's hash is stored in the database.

const MAX_AGE_SECONDS = 60 * 60 * 24 * 60;

export function cookieName(surveyId: number): string {
  return `wmh_enquete_${surveyId}`;
}

/**
 * The resume tokens of all surveys in the request's cookies, by survey id (only values shaped like
 * a token), so one query can find the survey and the response together.
 */
export function readResumeCookies(request: Request): Map<number, string> {
  const out = new Map<number, string>();
  for (const [name, token] of readCookies(request)) {
    const id = /^wmh_enquete_([1-9]\d{0,8})$/.exec(name)?.[1];
    if (id && looksLikeToken(token)) out.set(Number(id), token);
  }
  return out;
}

export function resumeCookie(surveyId: number, token: string): string {
  return functionalCookie(cookieName(surveyId), encodeURIComponent(token), {
    path: "/enquete",
    maxAge: MAX_AGE_SECONDS,
  });
}

export function clearResumeCookie(surveyId: number): string {
  return functionalCookie(cookieName(surveyId), "", { path: "/enquete", maxAge: 0 });
}

// The after-survey cookie: set when a response is submitted, so the thank-you page and the digipanel
// sign-up can offer to reuse the background answers just given (birth year, postcode, household,
// tenure). It holds the survey id and the response's resume token (whose hash the response keeps; a
// submitted response can no longer be changed with it). Path / because /digipanel reads it; it lives
// 30 minutes and is the only way back to those answers: the server stores no link.
export const AFTER_SURVEY_COOKIE = "wmh_na_enquete";
export const AFTER_SURVEY_MAX_AGE_SECONDS = 30 * 60;

export function afterSurveyCookie(surveyId: number, token: string): string {
  return functionalCookie(AFTER_SURVEY_COOKIE, encodeURIComponent(`${surveyId}.${token}`), {
    path: "/",
    maxAge: AFTER_SURVEY_MAX_AGE_SECONDS,
  });
}

export function clearAfterSurveyCookie(): string {
  return functionalCookie(AFTER_SURVEY_COOKIE, "", { path: "/", maxAge: 0 });
}

/** The survey id and token of the after-survey cookie, or null when absent or malformed. */
export function readAfterSurveyCookie(request: Request): { surveyId: number; token: string } | null {
  const value = readCookies(request).get(AFTER_SURVEY_COOKIE);
  const m = value ? /^([1-9]\d{0,8})\.(.+)$/.exec(value) : null;
  if (!m || !looksLikeToken(m[2]!)) return null;
  return { surveyId: Number(m[1]), token: m[2]! };
}
