// Submitting an idea: the response time setting, quickscan drafts, routing rules and submit.
import { and, eq, gte, lt, sql } from "drizzle-orm";
import {
  initiativeEvents,
  initiatives,
  quickscanDrafts,
  routingRules,
  settings,
  staffUsers,
} from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { composeMail, queueMail } from "../../lib/mail.server";
import { createToken, hashToken, looksLikeToken } from "../../lib/tokens.server";
import { type Actor, audit } from "../audit/audit.server";
import { listWijken, wijkFor } from "../places/wijken.server";
import * as mails from "./mails";
import { attachPhoto } from "./photo.server";
import { quickscan } from "./quickscan";
import { type QuickscanAnswers, ruleAnswers, validateAll } from "./quickscan-form";
import { chosenPoint, parseAddressChoice } from "./quickscan-location";
import { addWorkingDays, FALLBACK_TEAM, pickRoutingRule } from "./rules";
import { InitiativeError, newFollowLink, staffLink } from "./shared.server";

const RESPONSE_DAYS_KEY = "initiatives.response_days";
export const DEFAULT_RESPONSE_DAYS = 5;

// ---------------------------------------------------------------- settings and lookups

export async function getResponseDays(db: Executor = getDb()): Promise<number> {
  const [row] = await db.select().from(settings).where(eq(settings.key, RESPONSE_DAYS_KEY));
  const n = Number(row?.value);
  return Number.isInteger(n) && n >= 1 && n <= 60 ? n : DEFAULT_RESPONSE_DAYS;
}

export async function setResponseDays(days: number, actor: Actor) {
  await getDb().transaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key: RESPONSE_DAYS_KEY, value: days })
      .onConflictDoUpdate({ target: settings.key, set: { value: days, updatedAt: new Date() } });
    await audit(
      actor,
      {
        action: "initiative.answer_days_changed",
        entityType: "setting",
        entityId: RESPONSE_DAYS_KEY,
        details: { days },
      },
      tx,
    );
  });
}

// ---------------------------------------------------------------- quickscan drafts

const DRAFT_DAYS = 14;

export async function createDraft(db: Executor = getDb()): Promise<string> {
  const token = createToken();
  await db.insert(quickscanDrafts).values({ tokenHash: hashToken(token), answers: {} });
  return token;
}

export async function loadDraft(token: string | null | undefined, db: Executor = getDb()) {
  if (!looksLikeToken(token)) return null;
  const [row] = await db
    .select()
    .from(quickscanDrafts)
    .where(
      and(
        eq(quickscanDrafts.tokenHash, hashToken(token)),
        gte(quickscanDrafts.updatedAt, sql`now() - make_interval(days => ${DRAFT_DAYS})`),
      ),
    );
  return row ? row.answers : null;
}

export async function saveDraft(
  token: string,
  answers: Record<string, string | string[]>,
  db: Executor = getDb(),
) {
  await db
    .update(quickscanDrafts)
    .set({ answers, updatedAt: new Date() })
    .where(eq(quickscanDrafts.tokenHash, hashToken(token)));
}

export async function pruneDrafts(db: Executor = getDb()) {
  await db
    .delete(quickscanDrafts)
    .where(lt(quickscanDrafts.updatedAt, sql`now() - make_interval(days => ${DRAFT_DAYS})`));
}

// ---------------------------------------------------------------- routing rules

export async function listRoutingRules(db: Executor = getDb()) {
  return db
    .select({
      id: routingRules.id,
      theme: routingRules.theme,
      wijkCode: routingRules.wijkCode,
      accountManagerId: routingRules.accountManagerId,
      accountManagerName: staffUsers.name,
      team: routingRules.team,
      isDemo: routingRules.isDemo,
    })
    .from(routingRules)
    .leftJoin(staffUsers, eq(staffUsers.id, routingRules.accountManagerId))
    .orderBy(sql`${routingRules.theme} nulls last`, sql`${routingRules.wijkCode} nulls last`);
}

export async function saveRoutingRule(
  input: {
    theme: string | null;
    wijkCode: string | null;
    accountManagerId: string | null;
    team: string | null;
  },
  actor: Actor,
) {
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(routingRules)
      .values(input)
      .onConflictDoUpdate({
        target: [routingRules.theme, routingRules.wijkCode],
        set: { accountManagerId: input.accountManagerId, team: input.team },
      })
      .returning({ id: routingRules.id });
    await audit(
      actor,
      {
        action: "routing.saved",
        entityType: "initiative_routing_rule",
        entityId: row!.id,
        details: input,
      },
      tx,
    );
  });
}

export async function deleteRoutingRule(id: number, actor: Actor) {
  await getDb().transaction(async (tx) => {
    const [row] = await tx.delete(routingRules).where(eq(routingRules.id, id)).returning();
    if (!row) throw new InitiativeError("Deze regel bestaat niet meer.");
    await audit(
      actor,
      {
        action: "routing.deleted",
        entityType: "initiative_routing_rule",
        entityId: id,
        details: { theme: row.theme, wijkCode: row.wijkCode },
      },
      tx,
    );
  });
}

/** The accounthouder (active) or team for an idea; the fallback team when no rule matches. */
export async function routeIdea(idea: { theme: string; wijkCode: string | null }, db: Executor) {
  const rules = await db
    .select({
      id: routingRules.id,
      theme: routingRules.theme,
      wijkCode: routingRules.wijkCode,
      accountManagerId: routingRules.accountManagerId,
      team: routingRules.team,
      active: staffUsers.active,
    })
    .from(routingRules)
    .leftJoin(staffUsers, eq(staffUsers.id, routingRules.accountManagerId));
  const usable = rules.filter((r) => r.accountManagerId === null || r.active);
  const rule = pickRoutingRule(usable, idea);
  return {
    accountManagerId: rule?.accountManagerId ?? null,
    team: rule?.team ?? (rule ? null : FALLBACK_TEAM),
  };
}

// ---------------------------------------------------------------- submitting an idea

export interface SubmitInput {
  answers: QuickscanAnswers;
  /** Point and wijk resolved from the address (PDOK) or the chosen wijk. */
  lat?: number | null;
  lng?: number | null;
  wijkCode?: string | null;
  address?: string | null;
  draftToken?: string;
  isDemo?: boolean;
}

export async function submitIdea(input: SubmitInput, db: Executor = getDb(), now = new Date()) {
  const a = input.answers;
  const result = quickscan(ruleAnswers(a));
  const responseDays = await getResponseDays(db);
  const respondBy = addWorkingDays(now, responseDays);
  return db.transaction(async (tx) => {
    // Claim the draft first: of two parallel submits of one draft, the second finds nothing.
    if (input.draftToken) {
      const claimed = await tx
        .delete(quickscanDrafts)
        .where(eq(quickscanDrafts.tokenHash, hashToken(input.draftToken)))
        .returning({ tokenHash: quickscanDrafts.tokenHash });
      if (claimed.length === 0)
        throw new InitiativeError("Uw idee is al verstuurd. De link naar uw pagina staat in uw e-mail.");
    }
    const lat = input.lat ?? null;
    const lng = input.lng ?? null;
    // No wijk chosen or known from the postcode: the wijk boundary around the point (map feature).
    const wijkCode =
      input.wijkCode ??
      (a.locationKind === "wijk" ? (a.wijkCode ?? null) : null) ??
      (lat !== null && lng !== null ? await wijkFor({ lat, lng }, tx) : null);
    const route = await routeIdea({ theme: a.theme, wijkCode }, tx);
    const [row] = await tx
      .insert(initiatives)
      .values({
        title: a.title,
        description: a.description,
        theme: a.theme,
        locationKind: a.locationKind,
        address: input.address ?? (a.locationKind === "address" ? (a.address ?? null) : null),
        lat,
        lng,
        wijkCode,
        answers: a as unknown as Record<string, unknown>,
        budgetRequested: a.budget ?? null,
        initiatorName: a.name,
        initiatorEmail: a.email,
        initiatorPhone: a.phone ?? null,
        consentContact: true,
        showName: a.showName,
        allowExactLocation: a.allowExactLocation,
        proposedDecider: result.decider,
        proposedComplex: result.complex,
        decider: result.decider,
        complex: result.complex,
        accountManagerId: route.accountManagerId,
        team: route.team,
        respondBy: respondBy.toISOString().slice(0, 10),
        isDemo: input.isDemo ?? false,
      })
      .returning();
    const idea = row!;
    if (a.photoId) await attachPhoto(idea.id, { imageId: a.photoId, alt: a.photoAlt ?? null }, tx);
    await tx.insert(initiativeEvents).values({ initiativeId: idea.id, kind: "status", status: "new" });
    const { token, link } = await newFollowLink(idea.id, tx);
    const manager = route.accountManagerId
      ? (await tx.select().from(staffUsers).where(eq(staffUsers.id, route.accountManagerId)))[0]
      : undefined;
    const contact = manager ? manager.name : (route.team ?? FALLBACK_TEAM);
    const m = mails.submittedMail({ link, result, contact, respondBy });
    await queueMail(
      {
        to: a.email,
        subject: m.subject,
        kind: "initiative.submitted",
        ...composeMail(m.paragraphs),
      },
      tx,
    );
    const staffTo = manager?.email ?? getEnv().INITIATIVES_TEAM_EMAIL;
    const s = mails.newIdeaForStaffMail({
      title: a.title,
      staffLink: staffLink(idea.id),
      complex: result.complex,
    });
    await queueMail(
      {
        to: staffTo,
        subject: s.subject,
        kind: "initiative.new",
        ...composeMail(s.paragraphs),
      },
      tx,
    );
    return { id: idea.id, token, result, contact, respondBy };
  });
}

/**
 * Submit a complete quickscan draft: validate every step, resolve the point and wijk
 * (PDOK choice or the postcode in the address, or the point on the map), then submitIdea.
 */
export async function submitDraft(
  raw: Record<string, string | string[]>,
  draftToken: string,
  db: Executor = getDb(),
) {
  const checked = validateAll(raw);
  if (!checked.ok) return checked;
  const a = checked.answers;
  let lat: number | null = null;
  let lng: number | null = null;
  let wijkCode: string | null = a.locationKind === "wijk" ? (a.wijkCode ?? null) : null;
  let address: string | null = null;
  if (a.locationKind === "address") {
    const choice = parseAddressChoice(a.addressChoice);
    address = choice?.label ?? a.address ?? null;
    if (choice) ({ lat, lng } = choice);
    const postcode = choice?.postcode || address?.match(/\b(\d{4})\s?[A-Za-z]{2}\b/)?.[1];
    if (postcode) wijkCode = await wijkFor({ postcode }, db);
  }
  const point = chosenPoint(a);
  if (point) ({ lat, lng } = point);
  if (wijkCode && !(await listWijken(db)).some((w) => w.code === wijkCode))
    return { ok: false as const, step: "plek" as const, errors: { wijkCode: "Kies een wijk uit de lijst." } };
  const result = await submitIdea({ answers: a, lat, lng, wijkCode, address, draftToken }, db);
  return { ok: true as const, ...result };
}
