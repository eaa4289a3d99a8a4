import { households, tenures } from "../../app/domain/population/categories";
import type { Executor } from "../../app/lib/db.server";
import { panelMembers } from "../schema";
import { demoWijken } from "./wijken";

// Demo data for the digipanel: 40 members (is_demo, addresses under demo.wijmakenheemstede.nl,
// which receive nothing). The demo population figures they are compared with come from
// ./population.ts, shared with insights.

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
}
