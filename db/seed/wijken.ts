import type { Executor } from "../../app/lib/db.server";
import { wijken } from "../schema";

// Demo data: the names are Heemstede neighbourhoods, but codes and postcode areas are
// simplified examples, labelled as demo in the staff area. Real CBS boundaries can be
// imported at /beheer/wijken.
export const demoWijken = [
  { code: "DEMO01", name: "Centrum", postcodes: ["2101"] },
  { code: "DEMO02", name: "Indische Buurt en Geleerdenwijk", postcodes: ["2102"] },
  { code: "DEMO03", name: "Merlenhoven en Glip", postcodes: ["2103"] },
  { code: "DEMO04", name: "Zandvaart en Rivierenbuurt", postcodes: ["2104"] },
  { code: "DEMO05", name: "Bosch en Vaart", postcodes: ["2105"] },
  { code: "DEMO06", name: "Groenendaal en Overbos", postcodes: ["2106"] },
];

export async function seedWijken(db: Executor) {
  await db
    .insert(wijken)
    .values(demoWijken.map((w) => ({ ...w, kind: "wijk" as const, isDemo: true })))
    .onConflictDoNothing();
}
