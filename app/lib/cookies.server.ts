import { getEnv } from "./env.server";

// The site's functional cookies (quickscan draft, survey resume, digipanel session) share one
// format: HttpOnly, SameSite=Lax, limited to their own path, Secure in production.

export function secureCookies(): boolean {
  const env = getEnv();
  return env.SESSION_SECURE_COOKIE ?? env.NODE_ENV === "production";
}

/** Set-Cookie value; give maxAge (0 clears the cookie) or an expiry date. */
export function functionalCookie(
  name: string,
  value: string,
  options: { path: string; maxAge?: number; expires?: Date },
): string {
  const lifetime = options.expires
    ? `Expires=${options.expires.toUTCString()}`
    : `Max-Age=${options.maxAge ?? 0}`;
  return `${name}=${value}; Path=${options.path}; HttpOnly; SameSite=Lax; ${lifetime}${secureCookies() ? "; Secure" : ""}`;
}

/** The request's cookies by name, decoded (null when a value cannot be decoded); the first of a name counts. */
export function readCookies(request: Request): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (!key || out.has(key)) continue;
    let value: string | null;
    try {
      value = decodeURIComponent(rest.join("="));
    } catch {
      value = null;
    }
    out.set(key, value);
  }
  return out;
}

/** The decoded value of one cookie of the request, or null. */
export function readCookie(request: Request, name: string): string | null {
  return readCookies(request).get(name) ?? null;
}
