import type { Role } from "../../../db/schema/staff";

export { type Role, roles } from "../../../db/schema/staff";

export const roleLabels: Record<Role, string> = {
  beheerder: "Beheerder",
  ambtenaar: "Ambtenaar",
  onderzoeker: "Onderzoeker",
};

/** True when a user with `userRoles` may do something open to `allowed`. */
export function hasAnyRole(userRoles: readonly Role[], allowed: readonly Role[]): boolean {
  return userRoles.some((r) => allowed.includes(r));
}

/**
 * Who may open which staff page: one table for the whole staff area. Every /beheer route
 * looks itself up here, and tests/integration/staff-access.test.ts checks every route file
 * against it, so a new route without an entry (or without a guard) fails the tests.
 */
export const staffAccess = {
  "beheer._index": ["beheerder", "ambtenaar", "onderzoeker"],
  "beheer.gebruikers": ["beheerder"],
  "beheer.audit": ["beheerder"],
  "beheer.uitgaande-mail": ["beheerder"],
  "beheer.contact": ["beheerder", "ambtenaar"],
  "beheer.digipanel._index": ["onderzoeker", "beheerder"],
  "beheer.digipanel.bevolking": ["onderzoeker", "beheerder"],
  "beheer.digipanel.campagnes.nieuw": ["onderzoeker", "beheerder"],
  "beheer.digipanel.campagnes.$id": ["onderzoeker", "beheerder"],
  "beheer.enquetes._index": ["beheerder", "onderzoeker"],
  "beheer.enquetes.$id._index": ["beheerder", "onderzoeker"],
  "beheer.enquetes.$id.voorbeeld": ["beheerder", "onderzoeker"],
  "beheer.enquetes.$id.json": ["beheerder", "onderzoeker"],
} as const satisfies Record<string, readonly Role[]>;

export type StaffRouteId = keyof typeof staffAccess;
