/**
 * Only redirect to a path on this site that we know: a leading single slash, then
 * plain path characters. Rejects "//evil", "/\evil", schemes, and anything with a backslash
 * or control characters (browsers treat "/\" like "//").
 */
export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 500) return fallback;
  if (!/^\/(?![/\\])[A-Za-z0-9\-._~/?=&%]*$/.test(to)) return fallback;
  return to;
}

/** Same, but only within a prefix such as "/beheer". */
export function safeRedirectWithin(to: unknown, prefix: string, fallback: string): string {
  const safe = safeRedirect(to, fallback);
  return safe === prefix || safe.startsWith(`${prefix}/`) || safe.startsWith(`${prefix}?`) ? safe : fallback;
}
