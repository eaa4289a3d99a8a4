import { and, eq } from "drizzle-orm";
import type { Executor } from "../../app/lib/db.server";
import { events, projectPhases, projects } from "../schema";

// Demo bijeenkomst: the Woonvisie bewonersavond (seed document: participatieplan Woonvisie, one of the
// participation tracks). The date is a demo date, four weeks after seeding, labelled "Demo" on the page.
export async function seedEvents(db: Executor) {
  const [woonvisie] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.slug, "woonvisie"));
  // The bewonersavond is one of the participation tracks: the project's second phase (db/seed/projects.ts).
  const [phase] = woonvisie
    ? await db
        .select({ id: projectPhases.id })
        .from(projectPhases)
        .where(and(eq(projectPhases.projectId, woonvisie.id), eq(projectPhases.position, 2)))
    : [];
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + 28);
  const at = (h: number) =>
    new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), h, 0));
  await db.insert(events).values({
    title: "Bewonersavond Woonvisie",
    description:
      "De gemeenteraad wil met inwoners in gesprek over wonen in Heemstede. Op deze avond hoort u wat wij al weten over wonen in Heemstede: het woon-DNA.\n\nDaarna praten we in kleine groepen over wat u belangrijk vindt: betaalbare woningen, wonen voor ouderen en jongeren, en de buurt. Wat u zegt, gaat mee naar de gemeenteraad voor de nieuwe Woonvisie.\n\nIedereen die in Heemstede woont of wil wonen, is welkom. Er is koffie en thee.",
    startsAt: at(18),
    endsAt: at(20),
    address: "Raadhuis Heemstede, Raadhuisplein 1, 2101 HA Heemstede",
    lat: 52.3524,
    lng: 4.6215,
    capacity: 80,
    registrationDeadline: at(12),
    projectId: woonvisie?.id ?? null,
    phaseId: phase?.id ?? null,
    isDemo: true,
  });
}
