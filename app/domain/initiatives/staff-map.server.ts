// Staff add or edit an initiative directly on the map (/beheer/kaart), without a quickscan.
import { asc, desc, eq, sql } from "drizzle-orm";
import { initiativeEvents, initiatives } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { countPages } from "../../lib/forms";
import { type Actor, audit } from "../audit/audit.server";
import { deriveWijkCode } from "../places/wijken.server";
import { isInitiativeId } from "./public-map.server";
import type { Status } from "./statuses";

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
export function newRow(input: StaffInitiativeInput, wijkCode: string | null, now: Date, isDemo = false) {
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
      action: "initiative.create",
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
      action: "initiative.update-public",
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
