// Staff triage of submitted ideas: the list, the detail, accounthouder, decider, status, notes,
// messages to the initiator, and publishing to the map.
import { and, asc, count, desc, eq, gte, isNull, lt, type SQL, sql } from "drizzle-orm";
import { initiativeEvents, initiativeMessages, initiatives, staffUsers } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { composeMail, queueMail } from "../../lib/mail.server";
import type { Actor } from "../audit/audit.server";
import { applyPublication, applyStatusChange, applyUnpublish } from "./initiative-actions.server";
import * as mails from "./mails";
import { photoOf, setPhotoPublished } from "./photo.server";
import { latestDocuments } from "./proceskader.server";
import type { Decider } from "./quickscan";
import { type LocationPrecision, todayInHeemstede } from "./rules";
import { change, InitiativeError, messagesWithAuthor, newFollowLink, staffLink } from "./shared.server";
import type { Status } from "./statuses";
export async function listAccountManagers(db: Executor = getDb()) {
  return db
    .select({ id: staffUsers.id, name: staffUsers.name, email: staffUsers.email })
    .from(staffUsers)
    .where(and(eq(staffUsers.active, true), sql`'ambtenaar' = any(${staffUsers.roles})`))
    .orderBy(asc(staffUsers.name));
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
  /** Only ideas past their answer date (rules.ts isOverdue). */
  overdue?: boolean;
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
    f.overdue ? and(eq(initiatives.status, "new"), lt(initiatives.respondBy, todayInHeemstede())) : undefined,
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
    messagesWithAuthor(eq(initiativeMessages.initiativeId, id), db),
    db
      .select()
      .from(initiativeEvents)
      .where(eq(initiativeEvents.initiativeId, id))
      .orderBy(asc(initiativeEvents.at), asc(initiativeEvents.id)),
    latestDocuments(id, db),
  ]);
  const photo = await photoOf(id, db);
  return { idea, messages, events, documents, photo };
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
        await queueMail(
          {
            to: u.email,
            subject: m.subject,
            kind: "initiative.assigned",
            ...composeMail(m.paragraphs),
          },
          tx,
        );
      }
    }
    await tx.update(initiatives).set({ accountManagerId }).where(eq(initiatives.id, id));
    await tx.insert(initiativeEvents).values({
      initiativeId: id,
      kind: "assigned",
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
  if (input.complex && input.decider !== "executive" && input.decider !== "council")
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
      kind: "decider",
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

/** A status change from the triage page; the rules are in applyStatusChange. */
export async function changeStatus(id: string, to: Status, reason: string | undefined, actor: Actor) {
  await change(id, actor, async (tx, idea) => (await applyStatusChange(idea, to, reason, actor, tx)).audit);
}

export async function addNote(id: string, body: string, actor: Actor) {
  await change(id, actor, async (tx) => {
    await tx
      .insert(initiativeMessages)
      .values({ initiativeId: id, kind: "note", body, staffUserId: actor.id });
    return { action: "initiative.note_added" };
  });
}

export async function messageToInitiator(id: string, body: string, actor: Actor) {
  await change(id, actor, async (tx, idea) => {
    await tx
      .insert(initiativeMessages)
      .values({ initiativeId: id, kind: "to_initiator", body, staffUserId: actor.id });
    const { link } = await newFollowLink(id, tx);
    const m = mails.messageToInitiatorMail({ name: idea.initiatorName, title: idea.title, body, link });
    await queueMail(
      {
        to: idea.initiatorEmail,
        subject: m.subject,
        kind: "initiative.message",
        ...composeMail(m.paragraphs),
      },
      tx,
    );
    return { action: "initiative.message_sent" };
  });
}

// ---------------------------------------------------------------- staff: publish to the map

/** Publish from the triage page: the initiator's point at the chosen precision (applyPublication). */
export async function publish(
  id: string,
  input: {
    publicTitle: string;
    publicSummary: string;
    precision: LocationPrecision;
    featured: boolean;
    /** Show the initiator's photo on the public page (private otherwise; docs/ideas.md). */
    showPhoto?: boolean;
  },
  actor: Actor,
) {
  await change(id, actor, async (tx, idea) => {
    const out = await applyPublication(
      idea,
      {
        publicTitle: input.publicTitle,
        publicSummary: input.publicSummary,
        featured: input.featured,
        location: { precision: input.precision },
      },
      actor,
      tx,
    );
    const hasPhoto = await setPhotoPublished(id, input.showPhoto ?? false, tx);
    return hasPhoto ? { ...out, details: { ...out.details, photo: input.showPhoto ?? false } } : out;
  });
}

export async function unpublish(id: string, actor: Actor) {
  await change(id, actor, (tx, idea) => applyUnpublish(idea, tx));
}
