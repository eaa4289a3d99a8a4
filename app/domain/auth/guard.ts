import { redirect } from "@remix-run/node";
import { hasAnyRole, type Role } from "./roles";

export interface GuardedUser {
  roles: Role[];
}

/**
 * The rule behind requireRole, without the session lookup: anonymous visitors are sent to the
 * login page (and back afterwards), staff without one of `allowed` get 403.
 */
export function authorize<U extends GuardedUser>(
  user: U | null,
  allowed: readonly Role[],
  requestUrl: string,
): U {
  if (!user) {
    const url = new URL(requestUrl);
    throw redirect(`/beheer/inloggen?terug=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (!hasAnyRole(user.roles, allowed)) {
    throw new Response("Geen toegang", { status: 403, statusText: "Forbidden" });
  }
  return user;
}
