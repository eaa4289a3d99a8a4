import type { Role } from "../../../db/schema/staff";

export { type Role, roles } from "../../../db/schema/staff";

export const roleLabels: Record<Role, string> = {
  beheerder: "Beheerder",
  ambtenaar: "Ambtenaar",
  onderzoeker: "Onderzoeker",
  partner: "Partner prestatieafspraken",
};

/** The gemeente's own staff; a partner (corporatie or huurdersorganisatie) is none of these. */
export const municipalRoles = ["beheerder", "ambtenaar", "onderzoeker"] as const satisfies readonly Role[];

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
  // Partners pass the layout and the index (which sends them on to their monitor pages), nothing else.
  beheer: ["beheerder", "ambtenaar", "onderzoeker", "partner"],
  "beheer._index": ["beheerder", "ambtenaar", "onderzoeker", "partner"],
  // Two-factor set-up: every role (required for beheerder, offered to the others).
  "beheer.tweestapsverificatie": ["beheerder", "ambtenaar", "onderzoeker", "partner"],
  "beheer.gebruikers": ["beheerder"],
  "beheer.audit": ["beheerder"],
  "beheer.uitgaande-mail": ["beheerder"],
  "beheer.uitgaande-mail_.$id": ["beheerder"],
  // AVG requests (docs/privacy.md): find, download or erase everything on one e-mail address.
  "beheer.privacy": ["beheerder"],
  "beheer.contact": ["beheerder", "ambtenaar"],
  "beheer.enquetes._index": ["beheerder", "onderzoeker"],
  "beheer.enquetes.$id": ["beheerder", "onderzoeker"],
  "beheer.enquetes.$id._index": ["beheerder", "onderzoeker"],
  "beheer.enquetes.$id.pagina.($pagina)": ["beheerder", "onderzoeker"],
  "beheer.enquetes.$id.vraag.$pagina.($vraag)": ["beheerder", "onderzoeker"],
  "beheer.enquetes.$id.blok.$pagina.($blok)": ["beheerder", "onderzoeker"],
  "beheer.enquetes.$id.voorbeeld": ["beheerder", "onderzoeker"],
  "beheer.enquetes.$id.json": ["beheerder", "onderzoeker"],
  // LimeSurvey import and export (issue 15): the same people who create and edit surveys.
  "beheer.enquetes.importeren": ["beheerder", "onderzoeker"],
  "beheer.enquetes.$id.limesurvey": ["beheerder", "onderzoeker"],
  "beheer.enquetes.$id.lss": ["beheerder", "onderzoeker"],
  "beheer.kaart._index": ["beheerder", "ambtenaar"],
  "beheer.kaart.nieuw": ["beheerder", "ambtenaar"],
  "beheer.kaart.$id": ["beheerder", "ambtenaar"],
  "beheer.kaart.import": ["beheerder", "ambtenaar"],
  "beheer.wijken": ["beheerder"],
  "beheer.initiatieven._index": ["beheerder", "ambtenaar"],
  "beheer.initiatieven.$id": ["beheerder", "ambtenaar"],
  "beheer.initiatieven.$id_.proceskader": ["beheerder", "ambtenaar"],
  "beheer.initiatieven.$id_.afdrukken": ["beheerder", "ambtenaar"],
  "beheer.initiatieven.$id_.foto.$file": ["beheerder", "ambtenaar"],
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
  // Paper questionnaires (docs/paper.md): staff who type paper forms are often not researchers.
  "beheer.enquetes_.$id_.afdrukken": ["beheerder", "ambtenaar", "onderzoeker"],
  "beheer.enquetes_.$id_.papier": ["beheerder", "ambtenaar", "onderzoeker"],
  "beheer.enquetes_.$id_.bureau": ["beheerder", "onderzoeker"],
  "beheer.enquetes_.$id_.sjabloon.$formaat": ["beheerder", "onderzoeker"],
  "beheer.woonvisie-input": ["beheerder", "ambtenaar", "onderzoeker"],
  "beheer.woonvisie-input_.$projectId": ["beheerder", "ambtenaar", "onderzoeker"],
  "beheer.woonvisie-input_.$projectId_.inbreng": ["beheerder", "onderzoeker"],
  "beheer.woonvisie-input_.$projectId_.samenvatting": ["beheerder", "onderzoeker"],
  // Projects, news and public results (issue 14): communication work of civil servants; results
  // are published by researchers.
  "beheer.projecten._index": ["beheerder", "ambtenaar"],
  "beheer.projecten.$id": ["beheerder", "ambtenaar"],
  "beheer.nieuws._index": ["beheerder", "ambtenaar"],
  "beheer.nieuws.$id": ["beheerder", "ambtenaar"],
  // Bijeenkomsten and followers (issue 14): attendee lists and mailings hold e-mail addresses.
  "beheer.bijeenkomsten._index": ["beheerder", "ambtenaar"],
  "beheer.bijeenkomsten.nieuw": ["beheerder", "ambtenaar"],
  "beheer.bijeenkomsten.$id": ["beheerder", "ambtenaar"],
  "beheer.bijeenkomsten_.$id_.deelnemers": ["beheerder", "ambtenaar"],
  "beheer.volgers": ["beheerder", "ambtenaar"],
  // "Wat we hebben gehoord" (issue 14): researchers and administrators choose what of the results is public.
  "beheer.openbare-resultaten._index": ["beheerder", "onderzoeker"],
  "beheer.openbare-resultaten.$id": ["beheerder", "onderzoeker"],
  // Prestatieafspraken monitor (issue 13): partners see only their own organisation's agreements
  // (scoped again in app/domain/monitor); rounds, import and export are for the gemeente.
  "beheer.prestatieafspraken._index": ["beheerder", "ambtenaar", "partner"],
  "beheer.prestatieafspraken.$id": ["beheerder", "ambtenaar", "partner"],
  "beheer.prestatieafspraken.rondes": ["beheerder", "ambtenaar"],
  "beheer.prestatieafspraken.import": ["beheerder", "ambtenaar"],
  "beheer.prestatieafspraken.export.$formaat": ["beheerder", "ambtenaar"],
  // Consultation on a concept document (issue 16): the project's civil servants.
  "beheer.inspraak._index": ["beheerder", "ambtenaar"],
  "beheer.inspraak.$id": ["beheerder", "ambtenaar"],
  "beheer.inspraak_.$id_.reacties": ["beheerder", "ambtenaar"],
  "beheer.inspraak_.$id_.nota": ["beheerder", "ambtenaar"],
} as const satisfies Record<string, readonly Role[]>;

export type StaffRouteId = keyof typeof staffAccess;
