import { functionalCookie, readCookie } from "../../lib/cookies.server";

// The resume cookie: a functional cookie holding the resume token of one survey (named by survey
// id). Path /enquete, not /enquete/<slug>: Remix data requests go to /enquete/<slug>.data.
// Only the token's hash is stored in the database.

const MAX_AGE_SECONDS = 60 * 60 * 24 * 60;

export function cookieName(surveyId: number): string {
  return `wmh_enquete_${surveyId}`;
}

export function readResumeCookie(request: Request, surveyId: number): string | null {
  return readCookie(request, cookieName(surveyId));
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
