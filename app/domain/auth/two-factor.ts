// Two-factor login for staff (TOTP, RFC 6238) — the pure rules. Database work: two-factor.server.ts.
import type { AuditAction } from "../audit/actions";
import type { Role } from "./roles";

/** Roles that must use two-factor login; the other roles may turn it on. */
export const TWO_FACTOR_REQUIRED_FOR: readonly Role[] = ["beheerder"];

export function twoFactorRequired(roles: readonly Role[]): boolean {
  return roles.some((r) => TWO_FACTOR_REQUIRED_FOR.includes(r));
}

export const RECOVERY_CODE_COUNT = 10;
/** A wrong code this often ends the login attempt: the password has to be typed again. */
export const CHALLENGE_MAX_ATTEMPTS = 5;
export const CHALLENGE_MINUTES = 5;

// No 0/o, 1/l/i: codes are typed over from paper.
export const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** A recovery code from 16 random indexes into RECOVERY_ALPHABET (79 bits), shown in groups of four. */
export function formatRecoveryCode(indexes: number[]): string {
  const raw = indexes.map((i) => RECOVERY_ALPHABET[i]).join("");
  return raw.match(/.{4}/g)?.join("-") ?? raw;
}

/** What the user typed, as stored: lower case, without spaces and dashes. */
export function normalizeRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, "");
}

/** Six digits (spaces allowed, as some apps show "123 456"). */
export function totpCodeFrom(input: string): string | null {
  const digits = input.replace(/\s/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}

export const twoFactorMessages = {
  codeMissing: "Vul de code uit uw app in.",
  codeWrong: "Deze code klopt niet. Kijk in uw app en vul de nieuwe code in.",
  challengeOver: "Het inloggen duurde te lang of de code was te vaak fout. Log opnieuw in.",
  enrolled: "Tweestapsverificatie staat aan.",
} as const;

/** Audit actions of this module (their Dutch sentences are in the audit vocabulary, audit/actions.ts). */
export type TwoFactorAuditAction = Extract<
  AuditAction,
  "staff.two_factor_enabled" | "staff.recovery_code_used" | "staff.login_alert_sent"
>;
