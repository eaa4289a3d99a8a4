import { getEnv } from "../../lib/env.server";
import { hit } from "../../lib/rate-limit.server";
import { endSession, type MemberProfile, memberBySession } from "./members.server";

// The member's session for /digipanel/mijn: a random token in a cookie that only /digipanel
// receives; the database keeps its hash. No other cookies, no tracking.
const COOKIE = "wmh_digipanel";

function secure() {
  return getEnv().SESSION_SECURE_COOKIE ?? getEnv().NODE_ENV === "production";
}

export function sessionCookie(token: string, expires: Date): string {
  return `${COOKIE}=${token}; Path=/digipanel; HttpOnly; SameSite=Lax; Expires=${expires.toUTCString()}${secure() ? "; Secure" : ""}`;
}

export function clearSessionCookie(): string {
  return `${COOKIE}=; Path=/digipanel; HttpOnly; SameSite=Lax; Max-Age=0${secure() ? "; Secure" : ""}`;
}

function tokenFrom(request: Request): string | undefined {
  const header = request.headers.get("Cookie") ?? "";
  for (const part of header.split(/;\s*/)) {
    const [k, v] = part.split("=");
    if (k === COOKIE && v) return v;
  }
  return undefined;
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
