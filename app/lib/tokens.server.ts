import { createHash, randomBytes } from "node:crypto";

/** A random URL-safe token of 256 bits; store only its hash. */
export function createToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Tokens in URLs are 43 base64url characters; anything else is rejected before a lookup. */
export function looksLikeToken(token: unknown): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}
