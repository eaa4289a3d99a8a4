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

/**
 * Demo boundaries: Heemstede (lat 52.33–52.37, lng 4.59–4.65) cut into a 3 × 2 grid of rectangles.
 * Not the real wijk borders; labelled "voorbeeldgrens" in /beheer/wijken until CBS data is imported.
 */
export function demoBoundary(index: number) {
  const lngs = [4.59, 4.61, 4.63, 4.65];
  const lats = [52.33, 52.35, 52.37];
  const col = index % 3;
  const row = Math.floor(index / 3);
  const [w, e, s, n] = [lngs[col]!, lngs[col + 1]!, lats[row]!, lats[row + 1]!];
  return {
    type: "Polygon" as const,
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  };
}

export async function seedWijken(db: Executor) {
  await db
    .insert(wijken)
    .values(
      demoWijken.map((w, i) => ({ ...w, kind: "wijk" as const, isDemo: true, geometry: demoBoundary(i) })),
    )
    .onConflictDoNothing();
}
