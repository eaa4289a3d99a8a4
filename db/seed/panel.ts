import type { Executor } from "../../app/lib/db.server";
import { households, panelMembers, panelPopulation, tenures } from "../schema";
import { demoWijken } from "./wijken";

// Demo data for the digipanel: 40 members (is_demo, addresses under demo.wijmakenheemstede.nl,
// which receive nothing) and population figures that are examples ("voorbeeldcijfers"), not
// official figures of Heemstede. Real figures are entered or uploaded at /beheer/digipanel/bevolking.

export const demoPopulation = {
  age: { "16-29": 3900, "30-44": 4300, "45-64": 8000, "65-74": 3300, "75+": 3400 },
  tenure: { koop: 13900, sociale_huur: 4900, particuliere_huur: 3100, anders: 500 },
  wijk: { DEMO01: 3100, DEMO02: 4200, DEMO03: 3600, DEMO04: 4400, DEMO05: 4300, DEMO06: 3300 },
} as const;

export function demoPanelMembers(now = new Date()) {
  const year = now.getUTCFullYear();
  // Deliberately a little skewed (more older home owners), as real panels are: the composition
  // screen then has something to show.
  const ages = [22, 27, 34, 38, 41, 47, 52, 55, 58, 61, 63, 66, 68, 70, 72, 77, 81];
  return Array.from({ length: 40 }, (_, i) => {
    const wijk = demoWijken[(i * 5) % demoWijken.length]!;
    return {
      email: `lid${String(i + 1).padStart(2, "0")}@demo.wijmakenheemstede.nl`,
      status: (i % 13 === 12 ? "pending" : "active") as "pending" | "active",
      birthYear: year - ages[(i * 7) % ages.length]!,
      postcode: wijk.postcodes[0]!,
      wijkCode: wijk.code,
      household: households[(i * 3) % households.length]!,
      tenure: tenures[i % 5 === 4 ? 1 : i % 7 === 6 ? 2 : i % 11 === 10 ? 3 : 0]!,
      consentAt: now,
      confirmedAt: i % 13 === 12 ? null : now,
      isDemo: true,
    };
  });
}

export async function seedPanel(db: Executor) {
  await db.insert(panelMembers).values(demoPanelMembers()).onConflictDoNothing();
  const rows = Object.entries(demoPopulation).flatMap(([dimension, counts]) =>
    Object.entries(counts).map(([category, count]) => ({
      dimension: dimension as "age" | "wijk" | "tenure",
      category,
      count,
      source: "voorbeeldcijfers",
      isDemo: true,
    })),
  );
  await db.insert(panelPopulation).values(rows).onConflictDoNothing();
}
