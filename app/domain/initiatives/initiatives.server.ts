// Database work of the initiatives context: submit, follow, triage, publish, proceskader.
import { and, asc, count, desc, eq, gte, isNull, lt, ne, type SQL, sql } from "drizzle-orm";
import {
  initiativeDocuments,
  initiativeEvents,
  initiativeFollowTokens,
  initiativeMessages,
  initiatives,
  quickscanDrafts,
  routingRules,
  settings,
  staffUsers,
  wijken,
} from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { composeMail, queueMail } from "../../lib/mail.server";
import { createToken, hashToken, looksLikeToken } from "../../lib/tokens.server";
import type { AuditAction } from "../audit/actions";
import { type Actor, audit } from "../audit/audit.server";
import * as mails from "./mails";
import { deriveWijkCode } from "./map.server";
import { type Decider, quickscan } from "./quickscan";
import {
  chosenPoint,
  parseAddressChoice,
  type QuickscanAnswers,
  ruleAnswers,
  validateAll,
} from "./quickscan-form";
import { addWorkingDays, FALLBACK_TEAM, type LocationPrecision, pickRoutingRule, publicPoint } from "./rules";
import { allowedNextStatuses, type Status, statusNeedsReason } from "./statuses";

export class InitiativeError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export type Initiative = typeof initiatives.$inferSelect;

const RESPONSE_DAYS_KEY = "initiatives.response_days";
export const DEFAULT_RESPONSE_DAYS = 5;

const followLink = (token: string) => `${getEnv().APP_URL}/idee/volgen/${token}`;

/** A new link to the private page; older links keep working. */
async function newFollowLink(tx: Executor, initiativeId: string): Promise<{ token: string; link: string }> {
  const token = createToken();
  await tx.insert(initiativeFollowTokens).values({ tokenHash: hashToken(token), initiativeId });
  return { token, link: followLink(token) };
}
const staffLink = (id: string) => `${getEnv().APP_URL}/beheer/initiatieven/${id}`;

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
    await audit(tx, actor, {
      action: "initiative.answer_days_changed",
      entityType: "setting",
      entityId: RESPONSE_DAYS_KEY,
      details: { days },
    });
  });
}

export async function listWijken(db: Executor = getDb()) {
  return db
    .select({ code: wijken.code, name: wijken.name })
    .from(wijken)
    .where(eq(wijken.kind, "wijk"))
    .orderBy(asc(wijken.name));
}

export async function wijkForPostcode(postcode: string, db: Executor = getDb()): Promise<string | null> {
  const digits = postcode.replace(/\s/g, "").slice(0, 4);
  if (!/^\d{4}$/.test(digits)) return null;
  const [row] = await db
    .select({ code: wijken.code })
    .from(wijken)
    .where(and(eq(wijken.kind, "wijk"), sql`${digits} = any(${wijken.postcodes})`))
    .limit(1);
  return row?.code ?? null;
}

export async function listAccountManagers(db: Executor = getDb()) {
  return db
    .select({ id: staffUsers.id, name: staffUsers.name, email: staffUsers.email })
    .from(staffUsers)
    .where(and(eq(staffUsers.active, true), sql`'ambtenaar' = any(${staffUsers.roles})`))
    .orderBy(asc(staffUsers.name));
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
    await audit(tx, actor, {
      action: "routing.saved",
      entityType: "initiative_routing_rule",
      entityId: row!.id,
      details: input,
    });
  });
}

export async function deleteRoutingRule(id: number, actor: Actor) {
  await getDb().transaction(async (tx) => {
    const [row] = await tx.delete(routingRules).where(eq(routingRules.id, id)).returning();
    if (!row) throw new InitiativeError("Deze regel bestaat niet meer.");
    await audit(tx, actor, {
      action: "routing.deleted",
      entityType: "initiative_routing_rule",
      entityId: id,
      details: { theme: row.theme, wijkCode: row.wijkCode },
    });
  });
}

/** The accounthouder (active) or team for an idea; the fallback team when no rule matches. */
export async function routeIdea(db: Executor, idea: { theme: string; wijkCode: string | null }) {
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
      (lat !== null && lng !== null ? await deriveWijkCode(lat, lng, tx) : null);
    const route = await routeIdea(tx, { theme: a.theme, wijkCode });
    const [row] = await tx
      .insert(initiatives)
      .values({
        title: a.title,
        description: a.description,
        theme: a.theme,
        locationKind: a.locationKind,
        address: input.address ?? (a.locationKind === "adres" ? (a.address ?? null) : null),
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
    await tx.insert(initiativeEvents).values({ initiativeId: idea.id, kind: "status", status: "nieuw" });
    const { token, link } = await newFollowLink(tx, idea.id);
    const manager = route.accountManagerId
      ? (await tx.select().from(staffUsers).where(eq(staffUsers.id, route.accountManagerId)))[0]
      : undefined;
    const contact = manager ? manager.name : (route.team ?? FALLBACK_TEAM);
    const m = mails.submittedMail({ name: a.name, title: a.title, link, result, contact, respondBy });
    await queueMail(tx, {
      to: a.email,
      subject: m.subject,
      kind: "initiative.submitted",
      ...composeMail(m.paragraphs),
    });
    const staffTo = manager?.email ?? getEnv().INITIATIVES_TEAM_EMAIL;
    const s = mails.newIdeaForStaffMail({
      title: a.title,
      staffLink: staffLink(idea.id),
      complex: result.complex,
    });
    await queueMail(tx, {
      to: staffTo,
      subject: s.subject,
      kind: "initiative.new",
      ...composeMail(s.paragraphs),
    });
    return { id: idea.id, token, result, contact, respondBy };
  });
}

// ---------------------------------------------------------------- the initiator's private page

async function byToken(db: Executor, token: string) {
  if (!looksLikeToken(token)) return null;
  const [row] = await db
    .select({ initiative: initiatives })
    .from(initiativeFollowTokens)
    .innerJoin(initiatives, eq(initiatives.id, initiativeFollowTokens.initiativeId))
    .where(eq(initiativeFollowTokens.tokenHash, hashToken(token)));
  return row?.initiative ?? null;
}

/** Messages matching `where`, oldest first, with the name of the staff member who wrote each. */
function messagesWithAuthor(db: Executor, where: SQL | undefined) {
  return db
    .select({
      id: initiativeMessages.id,
      at: initiativeMessages.at,
      kind: initiativeMessages.kind,
      body: initiativeMessages.body,
      author: staffUsers.name,
    })
    .from(initiativeMessages)
    .leftJoin(staffUsers, eq(staffUsers.id, initiativeMessages.staffUserId))
    .where(where)
    .orderBy(asc(initiativeMessages.at), asc(initiativeMessages.id));
}

/** Everything the initiator may see; null for an unknown or malformed token. */
export async function findForInitiator(token: string, db: Executor = getDb()) {
  const idea = await byToken(db, token);
  if (!idea) return null;
  const [manager] = idea.accountManagerId
    ? await db
        .select({ name: staffUsers.name })
        .from(staffUsers)
        .where(eq(staffUsers.id, idea.accountManagerId))
    : [];
  const [events, messages] = await Promise.all([
    db
      .select({
        at: initiativeEvents.at,
        kind: initiativeEvents.kind,
        status: initiativeEvents.status,
        text: initiativeEvents.text,
      })
      .from(initiativeEvents)
      .where(and(eq(initiativeEvents.initiativeId, idea.id), eq(initiativeEvents.public, true)))
      .orderBy(asc(initiativeEvents.at), asc(initiativeEvents.id)),
    messagesWithAuthor(
      db,
      and(eq(initiativeMessages.initiativeId, idea.id), ne(initiativeMessages.kind, "notitie")),
    ),
  ]);
  return { idea, contact: manager?.name ?? idea.team ?? FALLBACK_TEAM, events, messages };
}

/** A message or an addition from the initiator; mailed to the accounthouder (or the team). */
export async function messageFromInitiator(
  token: string,
  kind: "van_initiatiefnemer" | "aanvulling",
  body: string,
) {
  return getDb().transaction(async (tx) => {
    const idea = await byToken(tx, token);
    if (!idea) return false;
    if (idea.status === "ingetrokken" || idea.status === "afgewezen")
      throw new InitiativeError("Dit idee is afgesloten. U kunt geen berichten meer sturen.", "body");
    await tx.insert(initiativeMessages).values({ initiativeId: idea.id, kind, body });
    await tx.update(initiatives).set({ updatedAt: new Date() }).where(eq(initiatives.id, idea.id));
    // No staff actor: the initiator did this, but it belongs in the idea's trail too.
    await audit(tx, null, {
      action: kind === "aanvulling" ? "initiative.initiator_added_info" : "initiative.initiator_messaged",
      entityType: "initiative",
      entityId: idea.id,
    });
    const to = await staffRecipient(tx, idea);
    const m = mails.messageToStaffMail({ title: idea.title, body, staffLink: staffLink(idea.id), kind });
    await queueMail(tx, { to, subject: m.subject, kind: "initiative.reply", ...composeMail(m.paragraphs) });
    return true;
  });
}

async function staffRecipient(tx: Executor, idea: Initiative): Promise<string> {
  if (idea.accountManagerId) {
    const [u] = await tx
      .select({ email: staffUsers.email })
      .from(staffUsers)
      .where(eq(staffUsers.id, idea.accountManagerId));
    if (u) return u.email;
  }
  return getEnv().INITIATIVES_TEAM_EMAIL;
}

export async function withdrawByInitiator(token: string, reason: string | undefined) {
  return getDb().transaction(async (tx) => {
    const idea = await byToken(tx, token);
    if (!idea) return false;
    if (idea.status === "ingetrokken" || idea.status === "afgewezen")
      throw new InitiativeError("Dit idee is al afgesloten.");
    await tx
      .update(initiatives)
      .set({
        status: "ingetrokken",
        statusReason: reason ?? null,
        isPublished: false,
        isFeatured: false,
        updatedAt: new Date(),
      })
      .where(eq(initiatives.id, idea.id));
    await tx
      .insert(initiativeEvents)
      .values({ initiativeId: idea.id, kind: "status", status: "ingetrokken", text: reason ?? null });
    await audit(tx, null, {
      action: "initiative.withdrawn_by_initiator",
      entityType: "initiative",
      entityId: idea.id,
      details: { from: idea.status, reason: reason ?? null },
    });
    const to = await staffRecipient(tx, idea);
    const m = mails.withdrawnForStaffMail({ title: idea.title, reason, staffLink: staffLink(idea.id) });
    await queueMail(tx, {
      to,
      subject: m.subject,
      kind: "initiative.withdrawn",
      ...composeMail(m.paragraphs),
    });
    return true;
  });
}

/**
 * Send links for every idea of this e-mail address. Only hashes are stored, so the old link
 * cannot be re-sent: a new one is made. Nothing is revealed to the caller.
 */
export async function resendLinks(email: string) {
  await getDb().transaction(async (tx) => {
    const ideas = await tx
      .select({ id: initiatives.id, title: initiatives.title })
      .from(initiatives)
      .where(eq(initiatives.initiatorEmail, email.toLowerCase()))
      .orderBy(desc(initiatives.createdAt))
      .limit(20);
    if (ideas.length === 0) return;
    const links: { title: string; link: string }[] = [];
    for (const idea of ideas) {
      links.push({ title: idea.title, link: (await newFollowLink(tx, idea.id)).link });
    }
    const m = mails.linksMail({ ideas: links });
    await queueMail(tx, {
      to: email.toLowerCase(),
      subject: m.subject,
      kind: "initiative.link",
      ...composeMail(m.paragraphs),
    });
  });
}

// ---------------------------------------------------------------- staff: list

export const SORTS = {
  nieuwste: [desc(initiatives.createdAt)],
  oudste: [asc(initiatives.createdAt)],
  titel: [asc(initiatives.title)],
  status: [asc(initiatives.status), desc(initiatives.createdAt)],
  reageren: [sql`${initiatives.respondBy} asc nulls last`],
} as const;
export type SortKey = keyof typeof SORTS;

export interface ListFilter {
  q?: string;
  status?: Status;
  theme?: string;
  wijkCode?: string;
  /** A staff id, or "geen" for unassigned. */
  accountManager?: string;
  complex?: boolean;
  from?: Date;
  until?: Date;
  sort: SortKey;
  page: number;
  pageSize: number;
}

export async function listInitiatives(f: ListFilter, db: Executor = getDb()) {
  const base: (SQL | undefined)[] = [
    f.q ? sql`${initiatives.searchVector} @@ websearch_to_tsquery('dutch', ${f.q})` : undefined,
    f.theme ? eq(initiatives.theme, f.theme) : undefined,
    f.wijkCode ? eq(initiatives.wijkCode, f.wijkCode) : undefined,
    f.accountManager === "geen"
      ? isNull(initiatives.accountManagerId)
      : f.accountManager
        ? eq(initiatives.accountManagerId, f.accountManager)
        : undefined,
    f.complex === undefined ? undefined : eq(initiatives.complex, f.complex),
    f.from ? gte(initiatives.createdAt, f.from) : undefined,
    f.until ? lt(initiatives.createdAt, f.until) : undefined,
  ];
  const where = and(...base, f.status ? eq(initiatives.status, f.status) : undefined);
  const [rows, [total], counts] = await Promise.all([
    db
      .select({
        id: initiatives.id,
        title: initiatives.title,
        theme: initiatives.theme,
        wijkCode: initiatives.wijkCode,
        status: initiatives.status,
        decider: initiatives.decider,
        complex: initiatives.complex,
        createdAt: initiatives.createdAt,
        respondBy: initiatives.respondBy,
        isPublished: initiatives.isPublished,
        isDemo: initiatives.isDemo,
        accountManagerName: staffUsers.name,
        team: initiatives.team,
      })
      .from(initiatives)
      .leftJoin(staffUsers, eq(staffUsers.id, initiatives.accountManagerId))
      .where(where)
      .orderBy(...SORTS[f.sort], asc(initiatives.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ count: count() }).from(initiatives).where(where),
    // Counts per status within the other filters, so the tabs show what a click would give.
    db
      .select({ status: initiatives.status, count: count() })
      .from(initiatives)
      .where(and(...base))
      .groupBy(initiatives.status),
  ]);
  return {
    rows,
    total: total?.count ?? 0,
    counts: Object.fromEntries(counts.map((c) => [c.status, c.count])) as Partial<Record<Status, number>>,
  };
}

// ---------------------------------------------------------------- staff: detail and changes

export async function getInitiative(id: string, db: Executor = getDb()) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [idea] = await db.select().from(initiatives).where(eq(initiatives.id, id));
  if (!idea) return null;
  const [messages, events, documents] = await Promise.all([
    messagesWithAuthor(db, eq(initiativeMessages.initiativeId, id)),
    db
      .select()
      .from(initiativeEvents)
      .where(eq(initiativeEvents.initiativeId, id))
      .orderBy(asc(initiativeEvents.at), asc(initiativeEvents.id)),
    latestDocuments(id, db),
  ]);
  return { idea, messages, events, documents };
}

/** Lock the row, check the actor may still change it, run the change, audit it; all in one transaction. */
async function change<T>(
  id: string,
  actor: Actor,
  fn: (
    tx: Executor,
    idea: Initiative,
  ) => Promise<{ action: AuditAction; details?: Record<string, unknown>; result?: T }>,
): Promise<T | undefined> {
  return getDb().transaction(async (tx) => {
    const [idea] = await tx.select().from(initiatives).where(eq(initiatives.id, id)).for("update");
    if (!idea) throw new InitiativeError("Dit initiatief bestaat niet.");
    const out = await fn(tx, idea);
    await tx.update(initiatives).set({ updatedAt: new Date() }).where(eq(initiatives.id, id));
    await audit(tx, actor, {
      action: out.action,
      entityType: "initiative",
      entityId: id,
      details: out.details,
    });
    return out.result;
  });
}

export async function assignAccountManager(id: string, accountManagerId: string | null, actor: Actor) {
  await change(id, actor, async (tx, idea) => {
    let name: string | null = null;
    if (accountManagerId) {
      const [u] = await tx
        .select()
        .from(staffUsers)
        .where(and(eq(staffUsers.id, accountManagerId), eq(staffUsers.active, true)));
      if (!u?.roles.includes("ambtenaar"))
        throw new InitiativeError("Kies een actieve ambtenaar.", "accountManagerId");
      name = u.name;
      if (idea.accountManagerId !== u.id) {
        const m = mails.newIdeaForStaffMail({
          title: idea.title,
          staffLink: staffLink(id),
          complex: idea.complex,
        });
        await queueMail(tx, {
          to: u.email,
          subject: m.subject,
          kind: "initiative.assigned",
          ...composeMail(m.paragraphs),
        });
      }
    }
    await tx.update(initiatives).set({ accountManagerId }).where(eq(initiatives.id, id));
    await tx.insert(initiativeEvents).values({
      initiativeId: id,
      kind: "toegewezen",
      text: name ? `Uw contactpersoon is nu ${name}.` : "Uw idee wordt behandeld door het team.",
      actorId: actor.id,
    });
    return {
      action: "initiative.account_manager_changed",
      details: { from: idea.accountManagerId, to: accountManagerId },
    };
  });
}

/** Confirm or override the quickscan's decider and complexity; a reason is always required. */
export async function setDecider(
  id: string,
  input: { decider: Decider; complex: boolean; reason: string },
  actor: Actor,
) {
  if (input.complex && input.decider !== "college" && input.decider !== "raad")
    throw new InitiativeError(
      "Een complexe opgave is er alleen als het college of de raad beslist.",
      "complex",
    );
  await change(id, actor, async (tx, idea) => {
    await tx
      .update(initiatives)
      .set({ decider: input.decider, complex: input.complex, deciderConfirmed: true })
      .where(eq(initiatives.id, id));
    await tx.insert(initiativeEvents).values({
      initiativeId: id,
      kind: "beslisser",
      text: input.reason,
      public: false,
      actorId: actor.id,
    });
    return {
      action: "initiative.decider_confirmed",
      details: {
        from: { decider: idea.decider, complex: idea.complex },
        to: { decider: input.decider, complex: input.complex },
        reason: input.reason,
      },
    };
  });
}

export async function changeStatus(id: string, to: Status, reason: string | undefined, actor: Actor) {
  if (statusNeedsReason(to) && !reason)
    throw new InitiativeError("Geef een reden. Die sturen wij naar de initiatiefnemer.", "reason");
  await change(id, actor, async (tx, idea) => {
    if (!allowedNextStatuses(idea.status as Status).includes(to))
      throw new InitiativeError("Deze statuswijziging is niet mogelijk.", "status");
    const unpublish = to === "afgewezen" || to === "ingetrokken";
    await tx
      .update(initiatives)
      .set({
        status: to,
        statusReason: reason ?? null,
        ...(unpublish ? { isPublished: false, isFeatured: false } : {}),
      })
      .where(eq(initiatives.id, id));
    await tx
      .insert(initiativeEvents)
      .values({ initiativeId: id, kind: "status", status: to, text: reason ?? null, actorId: actor.id });
    const { link } = await newFollowLink(tx, id);
    const m = mails.statusMail({ name: idea.initiatorName, title: idea.title, status: to, reason, link });
    await queueMail(tx, {
      to: idea.initiatorEmail,
      subject: m.subject,
      kind: "initiative.status",
      ...composeMail(m.paragraphs),
    });
    return { action: "initiative.status_changed", details: { from: idea.status, to, reason } };
  });
}

export async function addNote(id: string, body: string, actor: Actor) {
  await change(id, actor, async (tx) => {
    await tx
      .insert(initiativeMessages)
      .values({ initiativeId: id, kind: "notitie", body, staffUserId: actor.id });
    return { action: "initiative.note_added" };
  });
}

export async function messageToInitiator(id: string, body: string, actor: Actor) {
  await change(id, actor, async (tx, idea) => {
    await tx
      .insert(initiativeMessages)
      .values({ initiativeId: id, kind: "aan_initiatiefnemer", body, staffUserId: actor.id });
    const { link } = await newFollowLink(tx, id);
    const m = mails.messageToInitiatorMail({ name: idea.initiatorName, title: idea.title, body, link });
    await queueMail(tx, {
      to: idea.initiatorEmail,
      subject: m.subject,
      kind: "initiative.message",
      ...composeMail(m.paragraphs),
    });
    return { action: "initiative.message_sent" };
  });
}

// ---------------------------------------------------------------- staff: publish to the map

export async function publish(
  id: string,
  input: { publicTitle: string; publicSummary: string; precision: LocationPrecision; featured: boolean },
  actor: Actor,
) {
  await change(id, actor, async (tx, idea) => {
    if (idea.status === "afgewezen" || idea.status === "ingetrokken")
      throw new InitiativeError("Een afgewezen of ingetrokken idee kan niet op de kaart.", "publicTitle");
    const point = publicPoint({ lat: idea.lat, lng: idea.lng }, input.precision, idea.allowExactLocation);
    await tx
      .update(initiatives)
      .set({
        publicTitle: input.publicTitle,
        publicSummary: input.publicSummary,
        publicLat: point?.lat ?? null,
        publicLng: point?.lng ?? null,
        locationPrecision: point ? input.precision : "geen",
        isPublished: true,
        isFeatured: input.featured,
        publishedAt: idea.publishedAt ?? new Date(),
      })
      .where(eq(initiatives.id, id));
    if (!idea.isPublished)
      await tx.insert(initiativeEvents).values({
        initiativeId: id,
        kind: "gepubliceerd",
        text: "Uw idee staat op de kaart met initiatieven.",
        actorId: actor.id,
      });
    return {
      action: idea.isPublished ? "initiative.publication_changed" : "initiative.published",
      details: { publicTitle: input.publicTitle, precision: input.precision, featured: input.featured },
    };
  });
}

export async function unpublish(id: string, actor: Actor) {
  await change(id, actor, async (tx) => {
    await tx
      .update(initiatives)
      .set({ isPublished: false, isFeatured: false, publishedAt: null })
      .where(eq(initiatives.id, id));
    return { action: "initiative.unpublished" };
  });
}

// ---------------------------------------------------------------- staff: proceskader

export async function latestDocuments(id: string, db: Executor = getDb()) {
  const rows = await db
    .select()
    .from(initiativeDocuments)
    .where(eq(initiativeDocuments.initiativeId, id))
    .orderBy(asc(initiativeDocuments.kind), desc(initiativeDocuments.version));
  const latest = (kind: string) => rows.find((r) => r.kind === kind) ?? null;
  return {
    plan: latest("planomschrijving"),
    participation: latest("participatieplan"),
    versions: rows.map((r) => ({ kind: r.kind, version: r.version, createdAt: r.createdAt })),
  };
}

export async function documentVersion(id: string, kind: string, version: number, db: Executor = getDb()) {
  const [row] = await db
    .select()
    .from(initiativeDocuments)
    .where(
      and(
        eq(initiativeDocuments.initiativeId, id),
        eq(initiativeDocuments.kind, kind),
        eq(initiativeDocuments.version, version),
      ),
    );
  return row ?? null;
}

/** Save a planomschrijving or participatieplan as a new version; moves basisstap 1 or 2 along. */
export async function saveDocument(
  id: string,
  kind: "planomschrijving" | "participatieplan",
  content: Record<string, unknown>,
  actor: Actor,
) {
  return change(id, actor, async (tx, idea) => {
    if (!idea.complex)
      throw new InitiativeError("Een planomschrijving en participatieplan horen bij een complexe opgave.");
    const [last] = await tx
      .select({ version: sql<number>`coalesce(max(${initiativeDocuments.version}), 0)::int` })
      .from(initiativeDocuments)
      .where(and(eq(initiativeDocuments.initiativeId, id), eq(initiativeDocuments.kind, kind)));
    const version = (last?.version ?? 0) + 1;
    await tx
      .insert(initiativeDocuments)
      .values({ initiativeId: id, kind, version, content, createdBy: actor.id });
    const step = kind === "planomschrijving" ? 1 : 2;
    if (idea.processStep < step) await setStep(tx, idea, step, actor);
    return {
      action:
        kind === "planomschrijving"
          ? "initiative.plan_description_saved"
          : "initiative.participation_plan_saved",
      details: { version },
      result: version,
    };
  });
}

async function setStep(tx: Executor, idea: Initiative, step: number, actor: Actor) {
  await tx.update(initiatives).set({ processStep: step }).where(eq(initiatives.id, idea.id));
  await tx
    .insert(initiativeEvents)
    .values({ initiativeId: idea.id, kind: "stap", text: String(step), actorId: actor.id });
}

/** Basisstap 3: college or raad adopted the planomschrijving and participatieplan. */
export async function recordAdoption(
  id: string,
  input: { adoptedBy: "college" | "raad"; adoptedOn: string; adoptionReference: string },
  actor: Actor,
) {
  await change(id, actor, async (tx, idea) => {
    const docs = await latestDocuments(id, tx);
    if (!docs.plan) throw new InitiativeError("Maak eerst een planomschrijving.", "adoptedBy");
    await tx.update(initiatives).set(input).where(eq(initiatives.id, id));
    if (idea.processStep < 3) await setStep(tx, idea, 3, actor);
    await tx.insert(initiativeEvents).values({
      initiativeId: id,
      kind: "vastgesteld",
      text: `${input.adoptedBy === "raad" ? "De gemeenteraad" : "Het college"} heeft de planomschrijving${docs.participation ? " en het participatieplan" : ""} vastgesteld.`,
      actorId: actor.id,
    });
    return {
      action: "initiative.framework_adopted",
      details: {
        ...input,
        planVersion: docs.plan.version,
        participationVersion: docs.participation?.version ?? null,
      },
    };
  });
}

export async function setProcessStep(id: string, step: number, actor: Actor) {
  if (!Number.isInteger(step) || step < 0 || step > 5)
    throw new InitiativeError("Kies een stap van 1 tot en met 5.", "processStep");
  await change(id, actor, async (tx, idea) => {
    if (!idea.complex)
      throw new InitiativeError("Basisstappen horen bij een complexe opgave.", "processStep");
    if (step >= 3 && !idea.adoptedOn)
      throw new InitiativeError(
        "Leg eerst vast dat het college of de raad de plannen heeft vastgesteld.",
        "processStep",
      );
    await setStep(tx, idea, step, actor);
    return { action: "initiative.process_step_changed", details: { from: idea.processStep, to: step } };
  });
}

/**
 * Submit a complete quickscan draft: validate every step, resolve the point and wijk
 * (PDOK choice or the postcode in the address, or the point on the map), then submitIdea.
 */
export async function submitDraft(raw: Record<string, string | string[]>, draftToken: string) {
  const checked = validateAll(raw);
  if (!checked.ok) return checked;
  const a = checked.answers;
  let lat: number | null = null;
  let lng: number | null = null;
  let wijkCode: string | null = a.locationKind === "wijk" ? (a.wijkCode ?? null) : null;
  let address: string | null = null;
  if (a.locationKind === "adres") {
    const choice = parseAddressChoice(a.addressChoice);
    address = choice?.label ?? a.address ?? null;
    if (choice) ({ lat, lng } = choice);
    const postcode = choice?.postcode || address?.match(/\b(\d{4})\s?[A-Za-z]{2}\b/)?.[1];
    if (postcode) wijkCode = await wijkForPostcode(postcode);
  }
  const point = chosenPoint(a);
  if (point) ({ lat, lng } = point);
  if (wijkCode && !(await listWijken()).some((w) => w.code === wijkCode))
    return { ok: false as const, step: 2 as const, errors: { wijkCode: "Kies een wijk uit de lijst." } };
  const result = await submitIdea({ answers: a, lat, lng, wijkCode, address, draftToken });
  return { ok: true as const, ...result };
}
