// How long the links in panel mails stay valid (issue 7: confirmation 7 days).
export const CONFIRM_VALID_MS = 7 * 24 * 60 * 60 * 1000;
export const LOGIN_VALID_MS = 60 * 60 * 1000;
export const SESSION_VALID_MS = 2 * 60 * 60 * 1000;

export function expiresAt(now: Date, validMs: number): Date {
  return new Date(now.getTime() + validMs);
}

/** A link is valid up to and including its expiry moment. */
export function isExpired(expires: Date | null | undefined, now: Date): boolean {
  return !expires || now.getTime() > expires.getTime();
}

export type ConfirmState = "confirmed" | "already" | "expired" | "unknown";

/** What a confirmation link does for a member in this state. */
export function confirmState(
  member: { status: string; confirmExpiresAt: Date | null } | undefined,
  now: Date,
): ConfirmState {
  if (!member) return "unknown";
  if (member.status === "active") return "already";
  if (member.status !== "pending") return "unknown";
  return isExpired(member.confirmExpiresAt, now) ? "expired" : "confirmed";
}
