// Wijken: their boundaries and postcodes, the import at /beheer/wijken, and deriving an
// initiative's wijk again after an import.
import { and, asc, eq, inArray, isNotNull, or, type SQL, sql } from "drizzle-orm";
import { initiatives, wijken } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { type Actor, audit } from "../audit/audit.server";
import type { ImportedArea, WijkArea } from "./geo";
import { type PlaceQuery, postcodeDigitsOf, wijkOfPoint, wijkOfPostcode } from "./wijk-for";

/** The wijken (not buurten), by name. */
export async function listWijken(db: Executor = getDb()) {
  return db
    .select({ code: wijken.code, name: wijken.name })
    .from(wijken)
    .where(eq(wijken.kind, "wijk"))
    .orderBy(asc(wijken.name));
}

/**
 * Which wijk a point or a postcode lies in; null outside every wijk or for an unknown postcode.
 * The one lookup every context uses; the rules are in wijk-for.ts.
 */
export async function wijkFor(place: PlaceQuery, db: Executor): Promise<string | null> {
  if ("postcode" in place) {
    const digits = postcodeDigitsOf(place.postcode);
    if (!digits) return null;
    const rows = await db
      .select({ code: wijken.code, postcodes: wijken.postcodes })
      .from(wijken)
      .where(and(eq(wijken.kind, "wijk"), sql`${digits} = any(${wijken.postcodes})`));
    return wijkOfPostcode(digits, rows);
  }
  return wijkOfPoint(place, await loadWijkAreas(db));
}

/** A finder for many points at once (imports): the boundaries are read once. */
export async function wijkFinder(
  db: Executor,
): Promise<(point: { lat: number; lng: number }) => string | null> {
  const areas = await loadWijkAreas(db);
  return (point) => wijkOfPoint(point, areas);
}

/**
 * The same postcode rule inside one SQL statement (the survey submit): `digits` is an SQL
 * expression giving the 4 digits; the result is the wijk code or null.
 */
export function wijkOfPostcodeSql(digits: SQL): SQL {
  return sql`(select w.code from ${wijken} w where w.kind = 'wijk' and ${digits} = any(w.postcodes) order by w.code limit 1)`;
}

/** The wijken as options of a select (public filters, staff form); demo wijken say so in their label. */
export async function listWijkOptions(db: Executor = getDb()): Promise<{ value: string; label: string }[]> {
  const rows = await db
    .select({ code: wijken.code, name: wijken.name, isDemo: wijken.isDemo })
    .from(wijken)
    .where(eq(wijken.kind, "wijk"))
    .orderBy(asc(wijken.name));
  return rows.map((w) => ({ value: w.code, label: w.isDemo ? `${w.name} (demo)` : w.name }));
}
// ---------------------------------------------------------------------------------------------
// Wijken: boundaries and deriving an initiative's wijk from its point

async function loadWijkAreas(db: Executor = getDb()): Promise<WijkArea[]> {
  return db
    .select({
      code: wijken.code,
      kind: wijken.kind,
      parentCode: wijken.parentCode,
      geometry: wijken.geometry,
    })
    .from(wijken)
    .where(isNotNull(wijken.geometry));
}

/** Every wijk and buurt with its boundary state and initiative count, for /beheer/wijken. */
export async function listWijkenForAdmin(db: Executor = getDb()) {
  return db
    .select({
      code: wijken.code,
      name: wijken.name,
      kind: wijken.kind,
      parentCode: wijken.parentCode,
      hasBoundary: sql<boolean>`${wijken.geometry} is not null`,
      isDemo: wijken.isDemo,
      updatedAt: wijken.updatedAt,
      // Qualified by hand (a one-table query writes columns bare).
      initiativeCount: sql<number>`(select count(*)::int from initiatives i where i.wijk_code = wijken.code)`,
    })
    .from(wijken)
    .orderBy(asc(wijken.kind), asc(wijken.code));
}

/**
 * Store imported boundaries (upsert by code; imported areas are real data, no longer demo) and
 * derive the wijk again for every initiative with a point. One transaction with its audit line.
 */
export async function importWijken(areas: ImportedArea[], actor: Actor, db: Executor = getDb()) {
  return db.transaction(async (tx) => {
    for (const a of areas) {
      const values = {
        name: a.name,
        kind: a.kind,
        parentCode: a.parentCode,
        geometry: a.geometry,
        isDemo: false,
        updatedAt: new Date(),
      };
      await tx
        .insert(wijken)
        .values({ code: a.code, ...values })
        .onConflictDoUpdate({ target: wijken.code, set: values });
    }
    const reassigned = await reassignWijken(tx);
    await audit(
      actor,
      {
        action: "wijk.imported",
        entityType: "wijk",
        details: { count: areas.length, codes: areas.slice(0, 50).map((a) => a.code), reassigned },
      },
      tx,
    );
    return { imported: areas.length, reassigned };
  });
}

/** Derive wijk_code again from each initiative's point (the exact one, else the public one). */
export async function reassignWijken(db: Executor): Promise<number> {
  const areas = await loadWijkAreas(db);
  const rows = await db
    .select({
      id: initiatives.id,
      lat: sql<number>`coalesce(${initiatives.lat}, ${initiatives.publicLat})`,
      lng: sql<number>`coalesce(${initiatives.lng}, ${initiatives.publicLng})`,
      wijk: initiatives.wijkCode,
    })
    .from(initiatives)
    .where(or(isNotNull(initiatives.lat), isNotNull(initiatives.publicLat)));
  const changes = new Map<string | null, string[]>();
  for (const r of rows) {
    const code = wijkOfPoint({ lat: Number(r.lat), lng: Number(r.lng) }, areas);
    if (code === null || code === r.wijk) continue;
    changes.set(code, [...(changes.get(code) ?? []), r.id]);
  }
  let n = 0;
  for (const [code, ids] of changes) {
    await db.update(initiatives).set({ wijkCode: code }).where(inArray(initiatives.id, ids));
    n += ids.length;
  }
  return n;
}
