// Staff add or edit an initiative directly on the map (/beheer/kaart), without a quickscan.
import { asc, desc, eq, sql } from "drizzle-orm";
import { initiativeEvents, initiatives } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { countPages } from "../../lib/forms";
import { type Actor, audit } from "../audit/audit.server";
import { wijkFor } from "../places/wijken.server";
import {
  type ActionAudit,
  type ActionField,
  applyPublication,
  applyPublicLocation,
  applyStatusChange,
  applyUnpublish,
} from "./initiative-actions.server";
import { isInitiativeId } from "./public-map.server";
import { InitiativeError } from "./shared.server";
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
    locationKind: input.lat !== null ? "address" : wijkCode ? "wijk" : "whole_town",
    lat: input.lat,
    lng: input.lng,
    wijkCode,
    answers: { source: "beheer" },
    initiatorName: input.initiatorName ?? "Gemeente Heemstede",
    // Empty means: nobody to relay messages to (the contact form is not shown).
    initiatorEmail: input.initiatorEmail ?? "",
    consentContact: Boolean(input.initiatorEmail),
    // Staff place this point themselves; it is nobody's home address.
    allowExactLocation: true,
    proposedDecider: "initiator",
    proposedComplex: false,
    decider: "initiator",
    complex: false,
    deciderConfirmed: true,
    status: input.status,
    publicTitle: input.title,
    publicSummary: input.summary,
    publicLat: input.lat,
    publicLng: input.lng,
    locationPrecision: input.lat !== null ? "exact" : "none",
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
      input.wijkCode ?? (input.lat !== null ? await wijkFor({ lat: input.lat, lng: input.lng! }, tx) : null);
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
        .values({ initiativeId: row!.id, kind: "published", actorId: actor.id });
    await audit(
      actor,
      {
        action: "initiative.created",
        entityType: "initiative",
        entityId: row!.id,
        details: { source: "beheer", published: input.published },
      },
      tx,
    );
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

/** The kaart form's field for each field of the shared initiative actions. */
const KAART_FIELDS: Record<ActionField, string> = {
  status: "status",
  reason: "toelichting",
  publicTitle: "titel",
  publicSummary: "samenvatting",
  published: "gepubliceerd",
};

export type StaffUpdateOutcome =
  | { ok: true }
  | { ok: false; notFound: true }
  | { ok: false; notFound?: false; field: string; message: string };

/**
 * Edit the public side. The initiator's own data stays as it is. Status, publishing and the
 * public point go through the same actions as the triage page (initiative-actions.server.ts), so
 * their rules, mails and audit lines are the same whichever page staff use.
 */
export async function updateInitiativeByStaff(
  id: string,
  input: Omit<StaffInitiativeInput, "initiatorName" | "initiatorEmail"> & { reason?: string | null },
  actor: Actor,
  db: Executor = getDb(),
): Promise<StaffUpdateOutcome> {
  if (!isInitiativeId(id)) return { ok: false, notFound: true };
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(initiatives).where(eq(initiatives.id, id)).for("update");
      if (!before) return { ok: false as const, notFound: true as const };
      let idea = before;
      const entries: ActionAudit[] = [];
      if (input.status !== idea.status) {
        const changed = await applyStatusChange(idea, input.status, input.reason ?? undefined, actor, tx);
        idea = changed.idea;
        entries.push(changed.audit);
      }
      const wijkCode =
        input.wijkCode ??
        (input.lat !== null ? await wijkFor({ lat: input.lat, lng: input.lng! }, tx) : null);
      const location = { point: input.lat !== null ? { lat: input.lat, lng: input.lng! } : null };
      await tx
        .update(initiatives)
        .set({
          publicTitle: input.title,
          publicSummary: input.summary,
          theme: input.theme,
          wijkCode,
          updatedAt: new Date(),
        })
        .where(eq(initiatives.id, id));
      if (input.published) {
        const texts = { publicTitle: input.title, publicSummary: input.summary };
        entries.push(
          await applyPublication(idea, { ...texts, featured: input.featured, location }, actor, tx),
        );
      } else {
        if (idea.isPublished) entries.push(await applyUnpublish(idea, tx));
        await applyPublicLocation(idea, location, tx);
      }
      entries.push({
        action: "initiative.map_details_changed",
        details: { status: input.status, published: input.published, featured: input.featured },
      });
      for (const e of entries) await audit(actor, { ...e, entityType: "initiative", entityId: id }, tx);
      return { ok: true as const };
    });
  } catch (error) {
    if (error instanceof InitiativeError) {
      const field = KAART_FIELDS[error.field as ActionField] ?? "titel";
      return { ok: false, field, message: error.message };
    }
    throw error;
  }
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
