import { randomBytes } from "node:crypto";

/** Origins that pages may load from, besides our own: the map tiles and address search. */
export function externalOrigins(urls: (string | undefined)[]): string[] {
  const origins = new Set<string>();
  for (const u of urls) {
    if (!u) continue;
    try {
      origins.add(new URL(u.replaceAll(/[{}]/g, "")).origin);
    } catch {
      // Not an absolute URL (e.g. a local tile path): nothing to allow.
    }
  }
  return [...origins];
}

export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

/** The enforced Content-Security-Policy (never report-only) and the other security headers. */
export function securityHeaders(options: {
  nonce: string;
  imgOrigins: string[];
  connectOrigins: string[];
  dev: boolean;
}) {
  const csp = [
    "default-src 'self'",
    options.dev
      ? `script-src 'self' 'nonce-${options.nonce}' 'unsafe-inline'`
      : `script-src 'self' 'nonce-${options.nonce}'`,
    // React renders style attributes (e.g. Leaflet positions); no third-party CSS is loaded.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${options.imgOrigins.join(" ")}`.trim(),
    `connect-src 'self' ${options.connectOrigins.join(" ")}${options.dev ? " ws: wss:" : ""}`.trim(),
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(self), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}

/**
 * CSRF defence in depth next to SameSite=Lax cookies: a state-changing request from a browser
 * must come from our own origin. Non-browser clients send neither header and are allowed.
 */
export function isCrossSiteWrite(
  method: string,
  headers: { origin?: string; host?: string; fetchSite?: string },
): boolean {
  if (["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase())) return false;
  if (headers.fetchSite && !["same-origin", "none"].includes(headers.fetchSite)) return true;
  if (headers.origin) {
    if (headers.origin === "null") return true;
    try {
      return new URL(headers.origin).host !== headers.host;
    } catch {
      return true;
    }
  }
  return false;
}

/**
 * A URL as it may appear in logs: secret tokens in links (invitations, follow and panel links,
 * 43 base64url characters) are replaced, so a log file never grants access to anything.
 */
export function urlForLog(url: string | undefined): string | undefined {
  return url?.replace(/(^|[/=])[A-Za-z0-9_-]{43}(?=$|[/?&#])/g, "$1[token]");
}

/**
 * HSTS only on a response to an HTTPS request (directly, or via a proxy trusted with TRUST_PROXY):
 * over plain http the header means nothing and would break local test setups.
 */
export function hstsHeader(secure: boolean, maxAgeSeconds: number): string | null {
  return secure && maxAgeSeconds > 0 ? `max-age=${maxAgeSeconds}` : null;
}
