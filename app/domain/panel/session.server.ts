import { functionalCookie, readCookie } from "../../lib/cookies.server";
import { hit } from "../../lib/rate-limit.server";
import { endSession, type MemberProfile, memberBySession } from "./members.server";

// The member's session for /digipanel/mijn: a random token in a cookie that only /digipanel
// receives; the database keeps its hash. No other cookies, no tracking.
const COOKIE = "wmh_digipanel";

export function sessionCookie(token: string, expires: Date): string {
  return functionalCookie(COOKIE, token, { path: "/digipanel", expires });
}

export function clearSessionCookie(): string {
  return functionalCookie(COOKIE, "", { path: "/digipanel", maxAge: 0 });
}

function tokenFrom(request: Request): string | undefined {
  return readCookie(request, COOKIE) || undefined;
}

export async function currentMember(request: Request): Promise<MemberProfile | null> {
  return memberBySession(tokenFrom(request));
}

export async function logout(member: MemberProfile) {
  await endSession(member.id);
}

/** Sign-up and link requests per IP address: enough for a household, not for a script. */
export const PANEL_FORM_LIMIT = { windowSeconds: 60 * 60, max: 20 } as const;

export async function allowPanelForm(kind: "signup" | "login", ip: string): Promise<boolean> {
  return (await hit(`panel:${kind}:${ip}`, PANEL_FORM_LIMIT)).allowed;
}
