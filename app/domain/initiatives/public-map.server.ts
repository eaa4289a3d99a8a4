import { createHash } from "node:crypto";
import { and, asc, desc, eq, ilike, inArray, isNotNull, or, type SQL, sql } from "drizzle-orm";
import { initiativeEvents, initiatives, wijken } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { countPages } from "../../lib/forms";
import { composeMail, queueMail } from "../../lib/mail.server";
import { type CellSummary, cellScale, clustersFromCells, shouldCluster } from "./clustering";
import { type Bbox, type GeoJsonQuery, likePattern, type MapFilters } from "./map-filters";
import { photoOf } from "./photo.server";
import { PUBLIC_STATUSES, statusLabel, statusValues } from "./statuses";
import { themeLabel, themeValues } from "./themes";

// The public side of initiatives: the map, the list, the detail page and the GeoJSON API. Every
// query here selects public columns only (public_title, public_summary, public_lat/lng, theme,
// wijk_code, status, published_at, is_demo) and only published rows: the private columns of the
// initiatives table (initiator, exact address, description) never leave this module, except
// the initiator's e-mail address, which goes into the outbox and nowhere else.

export const filterOptions = { themes: themeValues, statuses: statusValues };
/** The filters of the public list: only statuses a published initiative can have. */
export const publicFilterOptions = { themes: themeValues, statuses: PUBLIC_STATUSES };

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
  // The initiator's photo only when staff published it with the initiative.
  const photo = await photoOf(id, db);
  return {
    initiative: toPublic(rest),
    timeline,
    canContact: Boolean(canContact),
    photo: photo?.published ? { image: photo.image, alt: photo.alt } : null,
  };
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
    await queueMail(
      {
        to: row.email,
        subject: `Reactie op uw initiatief: ${row.title}`,
        ...mail,
        headers: { "Reply-To": message.email },
        kind: "initiative.contact",
      },
      tx,
    );
    return "sent";
  });
}
