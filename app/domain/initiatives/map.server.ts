import { createHash } from "node:crypto";
import { and, asc, desc, eq, ilike, inArray, isNotNull, or, type SQL, sql } from "drizzle-orm";
import { initiativeEvents, initiatives, wijken } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { countPages } from "../../lib/forms";
import { composeMail, queueMail } from "../../lib/mail.server";
import { type Actor, audit } from "../audit/audit.server";
import { type CellSummary, cellScale, clustersFromCells, shouldCluster } from "./clustering";
import type { ImportRow } from "./csv-import";
import { findWijkCode, type ImportedArea, type WijkArea } from "./geo";
import { type Bbox, type GeoJsonQuery, likePattern, type MapFilters } from "./map-filters";
import { type Status, statusLabel, statusValues } from "./statuses";
import { themeLabel, themeValues } from "./themes";

// The public side of initiatives: the map, the list, the detail page and the GeoJSON API. Every
// query here selects public columns only (public_title, public_summary, public_lat/lng, theme,
// wijk_code, status, published_at, is_demo) and only published rows: the private columns of the
// initiatives table (initiator, exact address, description) never leave this module, except
// the initiator's e-mail address, which goes into the outbox and nowhere else.

export const filterOptions = { themes: themeValues, statuses: statusValues };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isInitiativeId = (id: unknown): id is string => typeof id === "string" && UUID.test(id);

function publicWhere(filters: MapFilters, bbox?: Bbox | null): SQL {
  return and(
    eq(initiatives.isPublished, true),
    filters.theme ? eq(initiatives.theme, filters.theme) : undefined,
    filters.status ? eq(initiatives.status, filters.status) : undefined,
    filters.wijk ? eq(initiatives.wijkCode, filters.wijk) : undefined,
    // Only public text is searched: the full-text column also holds the private description and address.
    filters.q
      ? or(
          ilike(initiatives.publicTitle, likePattern(filters.q)),
          ilike(initiatives.publicSummary, likePattern(filters.q)),
        )
      : undefined,
    bbox
      ? sql`${initiatives.publicLng} between ${bbox[0]} and ${bbox[2]} and ${initiatives.publicLat} between ${bbox[1]} and ${bbox[3]}`
      : undefined,
  )!;
}

const publicColumns = {
  id: initiatives.id,
  title: initiatives.publicTitle,
  summary: initiatives.publicSummary,
  theme: initiatives.theme,
  status: initiatives.status,
  wijkCode: initiatives.wijkCode,
  wijkName: wijken.name,
  lat: initiatives.publicLat,
  lng: initiatives.publicLng,
  publishedAt: initiatives.publishedAt,
  isDemo: initiatives.isDemo,
};

export interface PublicInitiative {
  id: string;
  title: string;
  summary: string;
  theme: string;
  themeLabel: string;
  status: string;
  statusLabel: string;
  wijkCode: string | null;
  wijkName: string | null;
  lat: number | null;
  lng: number | null;
  publishedAt: string | null;
  isDemo: boolean;
}

type PublicRow = {
  id: string;
  title: string | null;
  summary: string | null;
  theme: string;
  status: string;
  wijkCode: string | null;
  wijkName: string | null;
  lat: number | null;
  lng: number | null;
  publishedAt: Date | null;
  isDemo: boolean;
};

function toPublic(r: PublicRow): PublicInitiative {
  return {
    ...r,
    title: r.title ?? "",
    summary: r.summary ?? "",
    themeLabel: themeLabel(r.theme),
    statusLabel: statusLabel(r.status),
    publishedAt: r.publishedAt ? r.publishedAt.toISOString() : null,
  };
}

export const LIST_PAGE_SIZE = 10;

/** The list beside the map: same selection, newest first, paged. */
export async function listPublicInitiatives(
  filters: MapFilters,
  page: number,
  db: Executor = getDb(),
  pageSize = LIST_PAGE_SIZE,
) {
  const where = publicWhere(filters);
  const [rows, [count]] = await Promise.all([
    db
      .select(publicColumns)
      .from(initiatives)
      .leftJoin(wijken, eq(wijken.code, initiatives.wijkCode))
      .where(where)
      .orderBy(desc(initiatives.publishedAt), asc(initiatives.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(initiatives).where(where),
  ]);
  const total = count?.total ?? 0;
  return {
    initiatives: rows.map(toPublic),
    total,
    page,
    pageCount: countPages(total, pageSize),
  };
}

/** Wijken that have at least one published initiative, for the filter. */
/** The wijken as options of a select (public filters, staff form); demo wijken say so in their label. */
export async function listWijkOptions(db: Executor = getDb()): Promise<{ value: string; label: string }[]> {
  const rows = await db
    .select({ code: wijken.code, name: wijken.name, isDemo: wijken.isDemo })
    .from(wijken)
    .where(eq(wijken.kind, "wijk"))
    .orderBy(asc(wijken.name));
  return rows.map((w) => ({ value: w.code, label: w.isDemo ? `${w.name} (demo)` : w.name }));
}

export async function listFeaturedInitiatives(limit = 3, db: Executor = getDb()) {
  const rows = await db
    .select(publicColumns)
    .from(initiatives)
    .leftJoin(wijken, eq(wijken.code, initiatives.wijkCode))
    .where(and(eq(initiatives.isPublished, true), eq(initiatives.isFeatured, true)))
    .orderBy(desc(initiatives.publishedAt))
    .limit(limit);
  return rows.map(toPublic);
}

export interface TimelineEntry {
  at: string;
  status: string;
  label: string;
}

/** One published initiative with its public status timeline; null when missing or not published. */
export async function getPublicInitiative(id: string, db: Executor = getDb()) {
  if (!isInitiativeId(id)) return null;
  const [row] = await db
    .select({
      ...publicColumns,
      canContact: sql<boolean>`${initiatives.consentContact} and ${initiatives.initiatorEmail} <> ''`,
    })
    .from(initiatives)
    .leftJoin(wijken, eq(wijken.code, initiatives.wijkCode))
    .where(and(eq(initiatives.id, id), eq(initiatives.isPublished, true)));
  if (!row) return null;
  // Status steps only: dates and status names are public, the texts of events are not.
  const events = await db
    .select({ at: initiativeEvents.at, status: initiativeEvents.status })
    .from(initiativeEvents)
    .where(
      and(
        eq(initiativeEvents.initiativeId, id),
        eq(initiativeEvents.kind, "status"),
        isNotNull(initiativeEvents.status),
      ),
    )
    .orderBy(asc(initiativeEvents.at), asc(initiativeEvents.id));
  const timeline: TimelineEntry[] = [];
  for (const e of events) {
    if (timeline.at(-1)?.status === e.status) continue;
    timeline.push({ at: e.at.toISOString(), status: e.status!, label: statusLabel(e.status!) });
  }
  if (timeline.at(-1)?.status !== row.status)
    timeline.push({
      at: (row.publishedAt ?? new Date()).toISOString(),
      status: row.status,
      label: statusLabel(row.status),
    });
  const { canContact, ...rest } = row;
  return { initiative: toPublic(rest), timeline, canContact: Boolean(canContact) };
}

// ---------------------------------------------------------------------------------------------
// GeoJSON

export interface GeoJsonFeature {
  type: "Feature";
  id: string;
  geometry: { type: "Point"; coordinates: [number, number] };
  properties:
    | {
        kind: "initiative";
        id: string;
        title: string;
        theme: string;
        status: string;
        wijk: string | null;
        url: string;
      }
    | { kind: "cluster"; count: number; expansionZoom: number; bbox: [number, number, number, number] };
}

const round = (n: number) => Math.round(n * 1e5) / 1e5;

/**
 * Published initiatives with a public point as a GeoJSON FeatureCollection. At low zoom a large
 * selection is grouped per grid cell (clustering.ts): first only id and point are read, then the
 * public fields of the initiatives that stay single markers.
 */
export async function initiativesGeoJson(query: GeoJsonQuery, db: Executor = getDb()) {
  const where = and(publicWhere(query.filters, query.bbox), isNotNull(initiatives.publicLat))!;
  const detailColumns = {
    id: initiatives.id,
    lat: initiatives.publicLat,
    lng: initiatives.publicLng,
    title: initiatives.publicTitle,
    theme: initiatives.theme,
    status: initiatives.status,
    wijk: initiatives.wijkCode,
  };
  type Detail = {
    id: string;
    lat: number;
    lng: number;
    title: string | null;
    theme: string;
    status: string;
    wijk: string | null;
  };
  const toFeature = (d: Detail): GeoJsonFeature => ({
    type: "Feature",
    id: d.id,
    geometry: { type: "Point", coordinates: [round(d.lng), round(d.lat)] },
    properties: {
      kind: "initiative",
      id: d.id,
      title: d.title ?? "",
      theme: d.theme,
      status: d.status,
      wijk: d.wijk,
      url: `/initiatieven/${d.id}`,
    },
  });

  // One row per grid cell (clustering.ts: the same Web Mercator cells as clusterPoints).
  const scale = cellScale(query.zoom);
  const cells = (await db.execute(sql`
    select count(*)::int as count, avg(${initiatives.publicLat})::float8 as lat, avg(${initiatives.publicLng})::float8 as lng,
      min(${initiatives.publicLat})::float8 as south, max(${initiatives.publicLat})::float8 as north,
      min(${initiatives.publicLng})::float8 as west, max(${initiatives.publicLng})::float8 as east,
      min(${initiatives.id}::text) as id
    from ${initiatives}
    where ${where}
    group by floor((${initiatives.publicLng} + 180) / 360 * ${scale}::float8),
      floor((0.5 - ln((1 + sin(radians(${initiatives.publicLat}))) / (1 - sin(radians(${initiatives.publicLat})))) / (4 * pi())) * ${scale}::float8)
    order by 8`)) as unknown as CellSummary[];
  const total = cells.reduce((n, c) => n + c.count, 0);

  const features: GeoJsonFeature[] = [];
  let clusters = 0;
  if (!shouldCluster(total, query.zoom)) {
    const rows = total
      ? ((await db
          .select(detailColumns)
          .from(initiatives)
          .where(where)
          .orderBy(asc(initiatives.id))) as Detail[])
      : [];
    features.push(...rows.map(toFeature));
  } else {
    const grouped = clustersFromCells(cells, query.zoom);
    const singleIds = grouped.flatMap((g) => (g.kind === "single" ? [g.id] : []));
    const details = singleIds.length
      ? ((await db
          .select(detailColumns)
          .from(initiatives)
          .where(and(where, inArray(initiatives.id, singleIds)))
          .orderBy(asc(initiatives.id))) as Detail[])
      : [];
    features.push(...details.map(toFeature));
    for (const g of grouped) {
      if (g.kind !== "cluster") continue;
      clusters++;
      features.push({
        type: "Feature",
        id: `cluster-${query.zoom}-${round(g.lng)}-${round(g.lat)}`,
        geometry: { type: "Point", coordinates: [round(g.lng), round(g.lat)] },
        properties: {
          kind: "cluster",
          count: g.count,
          expansionZoom: g.expansionZoom,
          bbox: g.bounds.map(round) as Cluster4,
        },
      });
    }
  }
  return {
    type: "FeatureCollection" as const,
    features,
    meta: { total, zoom: query.zoom, clustered: clusters > 0 },
  };
}
type Cluster4 = [number, number, number, number];

/** A strong ETag from the response body: the same selection gives the same tag on every server. */
export function etagFor(body: string): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}

// ---------------------------------------------------------------------------------------------
// "Doe mee / neem contact op": the message goes to the initiator through the outbox; the
// sender never sees the initiator's address (the initiator may reply, which is their choice).

export const CONTACT_THROTTLE = { windowSeconds: 60 * 60, max: 5 } as const;

export async function contactInitiator(
  id: string,
  message: { name: string; email: string; message: string },
  db: Executor = getDb(),
): Promise<"sent" | "not-found"> {
  if (!isInitiativeId(id)) return "not-found";
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        email: initiatives.initiatorEmail,
        title: initiatives.publicTitle,
        consent: initiatives.consentContact,
      })
      .from(initiatives)
      .where(and(eq(initiatives.id, id), eq(initiatives.isPublished, true)));
    if (!row?.consent || !row.email) return "not-found";
    const url = `${getEnv().APP_URL}/initiatieven/${id}`;
    const mail = composeMail([
      "Beste initiatiefnemer,",
      `${message.name} wil meedoen met of meer weten over uw initiatief "${row.title}" (${url}). Dit is het bericht:`,
      message.message,
      `Wilt u reageren? Beantwoord deze e-mail, dan gaat uw antwoord naar ${message.email}. Uw e-mailadres hebben wij niet aan deze persoon gegeven.`,
    ]);
    await queueMail(tx, {
      to: row.email,
      subject: `Reactie op uw initiatief: ${row.title}`,
      ...mail,
      headers: { "Reply-To": message.email },
      kind: "initiative.contact",
    });
    return "sent";
  });
}

// ---------------------------------------------------------------------------------------------
// Wijken: boundaries and deriving an initiative's wijk from its point

export async function loadWijkAreas(db: Executor = getDb()): Promise<WijkArea[]> {
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

export async function deriveWijkCode(
  lat: number,
  lng: number,
  db: Executor = getDb(),
): Promise<string | null> {
  return findWijkCode(lat, lng, await loadWijkAreas(db));
}

export async function listWijken(db: Executor = getDb()) {
  return db
    .select({
      code: wijken.code,
      name: wijken.name,
      kind: wijken.kind,
      parentCode: wijken.parentCode,
      hasBoundary: sql<boolean>`${wijken.geometry} is not null`,
      isDemo: wijken.isDemo,
      updatedAt: wijken.updatedAt,
      initiativeCount: sql<number>`(select count(*)::int from ${initiatives} where ${initiatives.wijkCode} = ${wijken.code})`,
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
    await audit(tx, actor, {
      action: "wijk.imported",
      entityType: "wijk",
      details: { count: areas.length, codes: areas.slice(0, 50).map((a) => a.code), reassigned },
    });
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
    const code = findWijkCode(Number(r.lat), Number(r.lng), areas);
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

// ---------------------------------------------------------------------------------------------
// Staff: add or edit an initiative directly, and the CSV import

export interface StaffInitiativeInput {
  title: string;
  summary: string;
  theme: string;
  status: Status;
  lat: number | null;
  lng: number | null;
  wijkCode: string | null;
  featured: boolean;
  published: boolean;
  initiatorName: string | null;
  initiatorEmail: string | null;
}

/** The row for an initiative that staff enter themselves: no quickscan, no follow page. */
function newRow(input: StaffInitiativeInput, wijkCode: string | null, now: Date, isDemo = false) {
  return {
    title: input.title,
    description: input.summary,
    theme: input.theme,
    locationKind: input.lat !== null ? "adres" : wijkCode ? "wijk" : "heel",
    lat: input.lat,
    lng: input.lng,
    wijkCode,
    answers: { source: "beheer" },
    initiatorName: input.initiatorName ?? "Gemeente Heemstede",
    // Empty means: nobody to relay messages to (the contact form is not shown).
    initiatorEmail: input.initiatorEmail ?? "",
    consentContact: Boolean(input.initiatorEmail),
    proposedDecider: "initiatiefnemer",
    proposedComplex: false,
    decider: "initiatiefnemer",
    complex: false,
    deciderConfirmed: true,
    status: input.status,
    publicTitle: input.title,
    publicSummary: input.summary,
    publicLat: input.lat,
    publicLng: input.lng,
    locationPrecision: input.lat !== null ? "exact" : "geen",
    isPublished: input.published,
    isFeatured: input.featured,
    publishedAt: input.published ? now : null,
    isDemo,
  };
}

export async function createInitiativeByStaff(
  input: StaffInitiativeInput,
  actor: Actor,
  db: Executor = getDb(),
) {
  return db.transaction(async (tx) => {
    const wijkCode =
      input.wijkCode ?? (input.lat !== null ? await deriveWijkCode(input.lat, input.lng!, tx) : null);
    const now = new Date();
    const [row] = await tx
      .insert(initiatives)
      .values(newRow(input, wijkCode, now))
      .returning({ id: initiatives.id });
    await tx
      .insert(initiativeEvents)
      .values({ initiativeId: row!.id, kind: "status", status: input.status, actorId: actor.id });
    if (input.published)
      await tx
        .insert(initiativeEvents)
        .values({ initiativeId: row!.id, kind: "gepubliceerd", actorId: actor.id });
    await audit(tx, actor, {
      action: "initiative.created",
      entityType: "initiative",
      entityId: row!.id,
      details: { source: "beheer", published: input.published },
    });
    return row!.id;
  });
}

/** The public side of an initiative, for the staff edit form. */
export async function getInitiativeForStaff(id: string, db: Executor = getDb()) {
  if (!isInitiativeId(id)) return null;
  const [row] = await db
    .select({
      id: initiatives.id,
      title: initiatives.publicTitle,
      internalTitle: initiatives.title,
      summary: initiatives.publicSummary,
      theme: initiatives.theme,
      status: initiatives.status,
      lat: initiatives.publicLat,
      lng: initiatives.publicLng,
      wijkCode: initiatives.wijkCode,
      featured: initiatives.isFeatured,
      published: initiatives.isPublished,
      isDemo: initiatives.isDemo,
    })
    .from(initiatives)
    .where(eq(initiatives.id, id));
  return row ?? null;
}

/** Edit the public side. The initiator's own data stays as it is. */
export async function updateInitiativeByStaff(
  id: string,
  input: Omit<StaffInitiativeInput, "initiatorName" | "initiatorEmail">,
  actor: Actor,
  db: Executor = getDb(),
) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({
        status: initiatives.status,
        published: initiatives.isPublished,
        publishedAt: initiatives.publishedAt,
      })
      .from(initiatives)
      .where(eq(initiatives.id, id))
      .for("update");
    if (!before) return false;
    const wijkCode =
      input.wijkCode ?? (input.lat !== null ? await deriveWijkCode(input.lat, input.lng!, tx) : null);
    await tx
      .update(initiatives)
      .set({
        publicTitle: input.title,
        publicSummary: input.summary,
        theme: input.theme,
        status: input.status,
        publicLat: input.lat,
        publicLng: input.lng,
        locationPrecision: input.lat !== null ? "exact" : "geen",
        wijkCode,
        isFeatured: input.featured,
        isPublished: input.published,
        publishedAt: input.published ? (before.publishedAt ?? new Date()) : before.publishedAt,
        updatedAt: new Date(),
      })
      .where(eq(initiatives.id, id));
    if (before.status !== input.status)
      await tx
        .insert(initiativeEvents)
        .values({ initiativeId: id, kind: "status", status: input.status, actorId: actor.id });
    if (!before.published && input.published)
      await tx.insert(initiativeEvents).values({ initiativeId: id, kind: "gepubliceerd", actorId: actor.id });
    await audit(tx, actor, {
      action: "initiative.map_details_changed",
      entityType: "initiative",
      entityId: id,
      details: { status: input.status, published: input.published, featured: input.featured },
    });
    return true;
  });
}

/** Staff overview of initiatives on the map (published or not), newest first. */
export async function listInitiativesForStaff(page: number, db: Executor = getDb(), pageSize = 25) {
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: initiatives.id,
        title: sql<string>`coalesce(${initiatives.publicTitle}, ${initiatives.title})`,
        theme: initiatives.theme,
        status: initiatives.status,
        wijkCode: initiatives.wijkCode,
        published: initiatives.isPublished,
        featured: initiatives.isFeatured,
        hasPoint: sql<boolean>`${initiatives.publicLat} is not null`,
        isDemo: initiatives.isDemo,
      })
      .from(initiatives)
      .orderBy(desc(initiatives.updatedAt), asc(initiatives.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(initiatives),
  ]);
  const total = count?.total ?? 0;
  return { rows, total, pageCount: countPages(total, pageSize) };
}

/** All rows of a checked CSV file in one transaction: all or nothing. */
export async function importInitiatives(rows: ImportRow[], actor: Actor, db: Executor = getDb()) {
  return db.transaction(async (tx) => {
    const areas = await loadWijkAreas(tx);
    const now = new Date();
    const values = rows.map((r) =>
      newRow(
        {
          title: r.titel,
          summary: r.samenvatting,
          theme: r.thema,
          status: r.status as Status,
          lat: r.breedtegraad,
          lng: r.lengtegraad,
          wijkCode: r.wijk,
          featured: r.uitgelicht,
          published: true,
          initiatorName: null,
          initiatorEmail: r.email,
        },
        r.wijk ?? (r.breedtegraad !== null ? findWijkCode(r.breedtegraad, r.lengtegraad!, areas) : null),
        now,
      ),
    );
    const ids: string[] = [];
    for (let i = 0; i < values.length; i += 500) {
      const inserted = await tx
        .insert(initiatives)
        .values(values.slice(i, i + 500))
        .returning({ id: initiatives.id });
      ids.push(...inserted.map((r) => r.id));
    }
    for (let i = 0; i < ids.length; i += 500) {
      await tx.insert(initiativeEvents).values(
        ids.slice(i, i + 500).map((id, j) => ({
          initiativeId: id,
          kind: "status",
          status: rows[i + j]!.status,
          actorId: actor.id,
        })),
      );
    }
    await audit(tx, actor, {
      action: "initiative.imported",
      entityType: "initiative",
      details: { count: ids.length },
    });
    return ids.length;
  });
}

/** What the browser needs to draw tiles: only these two values leave the server's configuration. */
export function tileConfig() {
  const env = getEnv();
  return { url: env.MAP_TILE_URL, attribution: env.MAP_ATTRIBUTION };
}
