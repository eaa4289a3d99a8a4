// Demo data of the prestatieafspraken monitor: the real 2024 agreements of Heemstede (data file, copied from
// the Prestatieafspraken 2024 t/m 2027 and the Monitor Prestatieafspraken Heemstede 2024), the partner
// accounts of the four organisations, the closed 2024 T3 round of that monitor, and an open demo round.
import { eq, inArray } from "drizzle-orm";
import { refreshCurrentStoplicht } from "../../app/domain/monitor/stoplicht.server";
import type { Executor } from "../../app/lib/db.server";
import {
  monitorAgreementParties,
  monitorAgreements,
  monitorOrganisations,
  monitorPartners,
  monitorRounds,
  monitorUpdates,
  staffUsers,
} from "../schema";
import data from "./data/prestatieafspraken-2024.json";

export interface MonitorData {
  monitorTertiaal: { year: number; tertiaal: number };
  organisations: {
    id: string;
    name: string;
    kind: "municipality" | "housing_corporation" | "tenant_organisation";
  }[];
  agreements: {
    key: string;
    number: string;
    kind: "kader" | "jaar";
    theme: number;
    subTheme: string | null;
    subThemeLabel: string | null;
    title: string;
    text: string;
    trekkerAsWritten: string;
    firstYear: number;
    lastYear: number;
    trekkers: string[];
    parties: string[];
    prioriteit: "t1" | "t2" | "t3" | "ongoing" | null;
    prioriteitAsWritten: string | null;
    monitor: { trekkerAsWritten: string; realisatie: string } | null;
  }[];
}

export const monitorData = data as MonitorData;

/** The author shown for the texts taken over from the 2024 monitor document. */
export const MONITOR_2024_AUTHOR = "Monitor Prestatieafspraken Heemstede 2024";

/** Demo partner accounts (also in db/seed/staff.ts demoStaff, so npm start prints them). */
export const demoPartners: { email: string; organisationId: string }[] = [
  { email: "elan@demo.wijmakenheemstede.nl", organisationId: "elan-wonen" },
  { email: "pre@demo.wijmakenheemstede.nl", organisationId: "pre-wonen" },
  { email: "bewonersraad@demo.wijmakenheemstede.nl", organisationId: "bewonersraad-elan-wonen" },
  { email: "bewonerskern@demo.wijmakenheemstede.nl", organisationId: "bewonerskern-pre-zuid-kennemerland" },
];

/** Organisations and agreements of the data file, with the 2024 monitor texts as confirmed updates. */
export async function loadMonitorData(db: Executor, source: MonitorData = monitorData) {
  await db.insert(monitorOrganisations).values(source.organisations).onConflictDoNothing();
  const { year, tertiaal } = source.monitorTertiaal;
  const [round] = await db
    .insert(monitorRounds)
    .values({
      year,
      tertiaal,
      status: "closed",
      closedAt: new Date(`${year}-12-31T12:00:00Z`),
      openedAt: new Date(`${year}-09-01T08:00:00Z`),
    })
    .onConflictDoNothing()
    .returning();
  if (!round) return;
  for (const [position, a] of source.agreements.entries()) {
    const [row] = await db
      .insert(monitorAgreements)
      .values({
        key: a.key,
        number: a.number,
        kind: a.kind,
        firstYear: a.firstYear,
        lastYear: a.lastYear,
        theme: a.theme,
        subTheme: a.subTheme,
        subThemeLabel: a.subThemeLabel,
        title: a.title,
        text: a.text,
        partiesAsWritten: a.trekkerAsWritten,
        prioriteit: a.prioriteit,
        prioriteitAsWritten: a.prioriteitAsWritten,
        position,
      })
      .returning({ id: monitorAgreements.id });
    const agreementId = row!.id;
    await db
      .insert(monitorAgreementParties)
      .values([
        ...a.trekkers.map((organisationId) => ({ agreementId, organisationId, role: "trekker" as const })),
        ...a.parties.map((organisationId) => ({ agreementId, organisationId, role: "party" as const })),
      ]);
    if (a.monitor)
      await db.insert(monitorUpdates).values({
        agreementId,
        agreementKey: a.key,
        year,
        tertiaal,
        organisationId: a.trekkers[0]!,
        // The document gives no colours in its text: never guessed.
        stoplicht: "not_assessed",
        explanation: a.monitor.realisatie,
        authorName: MONITOR_2024_AUTHOR,
        createdAt: new Date(`${year}-11-01T12:00:00Z`),
        status: "confirmed",
        reviewedAt: new Date(`${year}-11-01T12:00:00Z`),
      });
  }
  await refreshCurrentStoplicht(
    source.agreements.map((a) => a.key),
    db,
  );
}

export async function seedMonitor(db: Executor) {
  await loadMonitorData(db);
  const users = await db
    .select({ id: staffUsers.id, email: staffUsers.email })
    .from(staffUsers)
    .where(
      inArray(
        staffUsers.email,
        demoPartners.map((p) => p.email),
      ),
    );
  for (const p of demoPartners) {
    const user = users.find((u) => u.email === p.email);
    if (user)
      await db
        .insert(monitorPartners)
        .values({ userId: user.id, organisationId: p.organisationId })
        .onConflictDoNothing();
  }
  // An open demo round in which the kaderafspraken (2024 t/m 2027) can be updated; no mails at seed time.
  const [open] = await db.select().from(monitorRounds).where(eq(monitorRounds.status, "open"));
  if (!open)
    await db
      .insert(monitorRounds)
      .values({ year: 2025, tertiaal: 1, reminderAfterDays: 14 })
      .onConflictDoNothing();
}
