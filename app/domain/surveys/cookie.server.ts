import { getEnv } from "../../lib/env.server";

// The resume cookie: a functional cookie holding the resume token of one survey (named by survey
// id). Path /enquete, not /enquete/<slug>: Remix data requests go to /enquete/<slug>.data.
// Only the token's hash is stored in the database.

const MAX_AGE_SECONDS = 60 * 60 * 24 * 60;

export function cookieName(surveyId: number): string {
  return `wmh_enquete_${surveyId}`;
}

export function readResumeCookie(request: Request, surveyId: number): string | null {
  const header = request.headers.get("Cookie") ?? "";
  const name = cookieName(surveyId);
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return null;
}

function attributes(maxAge: number): string {
  const env = getEnv();
  const secure = env.SESSION_SECURE_COOKIE ?? env.NODE_ENV === "production";
  return `Path=/enquete; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure ? "; Secure" : ""}`;
}

export function resumeCookie(surveyId: number, token: string): string {
  return `${cookieName(surveyId)}=${encodeURIComponent(token)}; ${attributes(MAX_AGE_SECONDS)}`;
}

export function clearResumeCookie(surveyId: number): string {
  return `${cookieName(surveyId)}=; ${attributes(0)}`;
}
