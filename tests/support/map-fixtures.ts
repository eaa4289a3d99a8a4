import { getDb } from "../../app/lib/db.server";
import { initiatives } from "../../db/schema";

export const PRIVATE_MARKERS = {
  email: "geheim-initiatiefnemer@voorbeeld.nl",
  name: "Geheime Naam",
  description: "Interne beschrijving met privégegevens",
  address: "Geheimstraat 13",
  phone: "0612345678",
};

/** An initiative as the ideas triage leaves it; published with a public point unless overridden. */
export async function createInitiative(overrides: Partial<typeof initiatives.$inferInsert> = {}) {
  const published = overrides.isPublished ?? true;
  const [row] = await getDb()
    .insert(initiatives)
    .values({
      title: "Interne titel",
      description: PRIVATE_MARKERS.description,
      theme: "groen",
      locationKind: "address",
      address: PRIVATE_MARKERS.address,
      lat: 52.35111,
      lng: 4.61111,
      answers: {},
      initiatorName: PRIVATE_MARKERS.name,
      initiatorEmail: PRIVATE_MARKERS.email,
      initiatorPhone: PRIVATE_MARKERS.phone,
      consentContact: true,
      proposedDecider: "initiator",
      proposedComplex: false,
      decider: "initiator",
      complex: false,
      status: "in_execution",
      publicTitle: "Moestuin",
      publicSummary: "Samen tuinieren",
      publicLat: 52.351,
      publicLng: 4.611,
      isPublished: published,
      publishedAt: published ? new Date() : null,
      ...overrides,
    })
    .returning();
  return row!;
}
