import { eq } from "drizzle-orm";
import type { Executor } from "../../app/lib/db.server";
import { settings } from "../schema";
import { seedConsultation } from "./consultation";
import { seedContact } from "./contact";
import { seedEvents } from "./events";
import { seedInitiatives } from "./initiatives";
import { seedInsights } from "./insights";
import { seedMonitor } from "./monitor";
import { seedPanel } from "./panel";
import { seedPopulation } from "./population";
import { seedProjects } from "./projects";
import { demoStaff, seedStaff } from "./staff";
import { seedSurveys } from "./surveys";
import { seedWijken } from "./wijken";

/** Each context adds its demo data here, in dependency order. */
const seeds: { name: string; run: (db: Executor) => Promise<void> }[] = [
  { name: "staff", run: seedStaff },
  { name: "wijken", run: seedWijken },
  { name: "contact", run: seedContact },
  { name: "surveys", run: seedSurveys },
  // After surveys: phases and news for the Woonvisie project it created.
  { name: "projects", run: (db) => seedProjects(db) },
  { name: "initiatives", run: seedInitiatives },
  // After the surveys seed (the Woonvisie project): the demo bewonersavond.
  { name: "events", run: seedEvents },
  // One demo population for panel and insights (after wijken: it has figures per wijk).
  { name: "population", run: seedPopulation },
  { name: "panel", run: seedPanel },
  // After the surveys seed: adds demo responses to its Woonvisie survey (or makes a demo survey).
  { name: "insights", run: seedInsights },
  // After staff: links the demo partner accounts to their organisations.
  { name: "monitor", run: seedMonitor },
  // After the surveys seed (the Woonvisie project): the concept-Woonvisie with a few reactions.
  { name: "consultation", run: (db) => seedConsultation(db) },
];

const SEEDED_KEY = "demo.seeded_at";

/**
 * Load the demo data once: a settings row marks it done, and the caller holds the migration
 * advisory lock, so two servers starting together cannot both seed. One transaction: all or nothing.
 */
export async function seedDemoOnce(db: Executor): Promise<boolean> {
  const done = await db.select().from(settings).where(eq(settings.key, SEEDED_KEY));
  if (done.length > 0) return false;
  await db.transaction(async (tx) => {
    for (const seed of seeds) await seed.run(tx);
    await tx.insert(settings).values({ key: SEEDED_KEY, value: new Date().toISOString() });
  });
  return true;
}

export { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "./staff";
export const demoLogins = demoStaff.map((s) => ({ email: s.email, roles: s.roles }));
