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
  // The layout route around every staff page.
  beheer: ["beheerder", "ambtenaar", "onderzoeker"],
  "beheer._index": ["beheerder", "ambtenaar", "onderzoeker"],
  "beheer.gebruikers": ["beheerder"],
  "beheer.audit": ["beheerder"],
  "beheer.uitgaande-mail": ["beheerder"],
  "beheer.uitgaande-mail_.$id": ["beheerder"],
  // AVG requests (docs/privacy.md): find, download or erase everything on one e-mail address.
  "beheer.privacy": ["beheerder"],
  "beheer.contact": ["beheerder", "ambtenaar"],
  "beheer.enquetes._index": ["beheerder", "onderzoeker"],
  "beheer.enquetes.$id._index": ["beheerder", "onderzoeker"],
  "beheer.enquetes.$id.voorbeeld": ["beheerder", "onderzoeker"],
  "beheer.enquetes.$id.json": ["beheerder", "onderzoeker"],
  "beheer.kaart._index": ["beheerder", "ambtenaar"],
  "beheer.kaart.nieuw": ["beheerder", "ambtenaar"],
  "beheer.kaart.$id": ["beheerder", "ambtenaar"],
  "beheer.kaart.import": ["beheerder", "ambtenaar"],
  "beheer.wijken": ["beheerder"],
  "beheer.initiatieven._index": ["beheerder", "ambtenaar"],
  "beheer.initiatieven.$id": ["beheerder", "ambtenaar"],
  "beheer.initiatieven.$id_.proceskader": ["beheerder", "ambtenaar"],
  "beheer.initiatieven.$id_.afdrukken": ["beheerder", "ambtenaar"],
  "beheer.initiatieven.routering": ["beheerder", "ambtenaar"],
  "beheer.digipanel._index": ["onderzoeker", "beheerder"],
  "beheer.digipanel.bevolking": ["onderzoeker", "beheerder"],
  "beheer.digipanel.campagnes.nieuw": ["onderzoeker", "beheerder"],
  "beheer.digipanel.campagnes.$id": ["onderzoeker", "beheerder"],
  // Insights (issue 8): everyone may read results and the report; only researchers and
  // administrators code open answers, enter input items and export.
  "beheer.resultaten": ["beheerder", "ambtenaar", "onderzoeker"],
  "beheer.enquetes_.$id_.resultaten": ["beheerder", "ambtenaar", "onderzoeker"],
  "beheer.enquetes_.$id_.coderen.$vraag": ["beheerder", "onderzoeker"],
  "beheer.enquetes_.$id_.export.$formaat": ["beheerder", "onderzoeker"],
  "beheer.woonvisie-input": ["beheerder", "ambtenaar", "onderzoeker"],
  "beheer.woonvisie-input_.$projectId": ["beheerder", "ambtenaar", "onderzoeker"],
  "beheer.woonvisie-input_.$projectId_.inbreng": ["beheerder", "onderzoeker"],
} as const satisfies Record<string, readonly Role[]>;

export type StaffRouteId = keyof typeof staffAccess;
