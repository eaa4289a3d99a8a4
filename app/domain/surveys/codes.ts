import { randomInt } from "node:crypto";

// Personal codes for panel invitations and printed letters. Letters are typed over by hand, so
// the alphabet leaves out look-alikes (0/O, 1/I/L). 12 characters of 31 ≈ 59 bits.
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 12;

/** A new random code, shown grouped as ABCD-EFGH-JKMN. */
export function generateCode(): string {
  let raw = "";
  for (let i = 0; i < CODE_LENGTH; i++) raw += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return formatCode(raw);
}

/** What a resident typed (any case, spaces, dashes) → the canonical code, or null if it cannot be one. */
export function normalizeCode(input: unknown): string | null {
  if (typeof input !== "string") return null;
  const raw = input.toUpperCase().replace(/[\s-]/g, "");
  if (raw.length !== CODE_LENGTH) return null;
  for (const c of raw) if (!CODE_ALPHABET.includes(c)) return null;
  return raw;
}

export function formatCode(raw: string): string {
  return raw.match(/.{1,4}/g)!.join("-");
}
