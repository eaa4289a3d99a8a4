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

type Pos = [number, number];
const rect = (w: number, s: number, e: number, n: number): Pos[] => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];

/**
 * Demo boundaries over Heemstede (lat 52.33–52.37, lng 4.59–4.65): simple shapes that tile the
 * town, chosen so each demo initiative lies in its own demo wijk. Not the real borders; shown as
 * "voorbeeldgrens" in /beheer/wijken until CBS data is imported.
 */
const demoShapes: Record<string, Pos[]> = {
  DEMO01: rect(4.59, 52.3565, 4.625, 52.36),
  DEMO02: rect(4.625, 52.352, 4.65, 52.36),
  DEMO03: [
    [4.617, 52.348],
    [4.65, 52.348],
    [4.65, 52.352],
    [4.625, 52.352],
    [4.625, 52.3565],
    [4.617, 52.3565],
    [4.617, 52.348],
  ],
  DEMO04: rect(4.59, 52.348, 4.617, 52.3565),
  DEMO05: rect(4.59, 52.36, 4.65, 52.37),
  DEMO06: rect(4.59, 52.33, 4.65, 52.348),
};

export function demoBoundary(code: string) {
  return { type: "Polygon" as const, coordinates: [demoShapes[code]!] };
}

export async function seedWijken(db: Executor) {
  await db
    .insert(wijken)
    .values(
      demoWijken.map((w) => ({
        ...w,
        kind: "wijk" as const,
        isDemo: true,
        geometry: demoBoundary(w.code),
      })),
    )
    .onConflictDoNothing();
}
