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
