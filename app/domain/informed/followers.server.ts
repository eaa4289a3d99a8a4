import { and, asc, eq, gt, inArray, isNull, ne, sql } from "drizzle-orm";
import {
  eventRegistrations,
  events,
  followerMailings,
  followerProjects,
  followers,
  followerUnsubscribeTokens,
  informedMails,
  newsItems,
  projectPhases,
  projects,
} from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { type FieldErrors, type FormValues, parseForm } from "../../lib/forms";
import { composeMail, queueMail } from "../../lib/mail.server";
import { createToken, hashToken, looksLikeToken } from "../../lib/tokens.server";
import { type Actor, audit } from "../audit/audit.server";
import { amsterdamDay, amsterdamToInstant, instantToAmsterdamLocal } from "../events/rules";
import { type BulkQueue, registerBulkQueue } from "../panel/delivery.server";
import { followConfirmMail, withUnsubscribe } from "./mails";
import {
  CONFIRM_DAYS,
  type DigestItem,
  digestParagraphs,
  digestSubject,
  FOLLOWER_LEFT_DAYS,
  FOLLOWER_UNCONFIRMED_DAYS,
  followSchema,
  informedMessageId,
  mailingSchema,
  selectDigest,
} from "./rules";

// "Blijf op de hoogte": followers with double opt-in, a daily digest and staff mailings, delivered
// through the digipanel's delivery path (registerBulkQueue). docs/informed-events.md.

export const informedUrls = {
  confirm: (token: string) => `${getEnv().APP_URL}/blijf-op-de-hoogte/bevestigen/${token}`,
  unsubscribe: (token: string) => `${getEnv().APP_URL}/blijf-op-de-hoogte/afmelden/${token}`,
};

async function scopeName(scope: string, db: Executor): Promise<string | null> {
  if (scope === "site") return "alles op Wij maken Heemstede";
  const [p] = await db
    .select({ title: projects.title })
    .from(projects)
    .where(eq(projects.id, Number(scope)));
  return p ? `het project ${p.title}` : null;
}

export type FollowOutcome = { ok: false; errors: FieldErrors; values: FormValues } | { ok: true };

/**
 * Ask to follow the whole site or one project. Every address gets the same answer and a
 * confirmation link (double opt-in); nothing is followed until the link's button is pressed.
 */
export async function requestFollow(form: FormData, db: Executor, now = new Date()): Promise<FollowOutcome> {
  const parsed = parseForm(followSchema, form);
  if (!parsed.ok) return parsed;
  const { email, scope } = parsed.data;
  return db.transaction(async (tx) => {
    const what = await scopeName(scope, tx);
    if (!what) return { ok: false, errors: { scope: "Kies een bestaand project." }, values: parsed.values };
    const token = createToken();
    const values = {
      confirmTokenHash: hashToken(token),
      confirmExpiresAt: new Date(now.getTime() + CONFIRM_DAYS * 86_400_000),
      pendingScope: scope,
    };
    await tx
      .insert(followers)
      .values({ email, status: "pending", ...values })
      .onConflictDoUpdate({ target: followers.email, set: values });
    await queueMail(followConfirmMail(email, what, informedUrls.confirm(token)), tx);
    return { ok: true };
  });
}

/** What a confirmation link would confirm, for the page with the button; null when invalid or expired. */
export async function pendingFollow(token: string, db: Executor, now = new Date()): Promise<string | null> {
  if (!looksLikeToken(token)) return null;
  const [f] = await db
    .select()
    .from(followers)
    .where(and(eq(followers.confirmTokenHash, hashToken(token)), gt(followers.confirmExpiresAt, now)));
  return f?.pendingScope ? scopeName(f.pendingScope, db) : null;
}

/** Confirm (POST only, so mail scanners cannot): the follow becomes active from this moment. */
export async function confirmFollow(token: string, db: Executor, now = new Date()): Promise<string | null> {
  if (!looksLikeToken(token)) return null;
  return db.transaction(async (tx) => {
    const [f] = await tx
      .select()
      .from(followers)
      .where(and(eq(followers.confirmTokenHash, hashToken(token)), gt(followers.confirmExpiresAt, now)))
      .for("update");
    if (!f?.pendingScope) return null;
    const what = await scopeName(f.pendingScope, tx);
    await tx
      .update(followers)
      .set({
        status: "active",
        confirmedAt: f.confirmedAt ?? now,
        digestUntil: f.status === "active" ? f.digestUntil : now,
        confirmTokenHash: null,
        confirmExpiresAt: null,
        pendingScope: null,
        ...(f.pendingScope === "site" ? { wholeSite: true } : {}),
      })
      .where(eq(followers.id, f.id));
    if (f.pendingScope !== "site")
      await tx
        .insert(followerProjects)
        .values({ followerId: f.id, projectId: Number(f.pendingScope) })
        .onConflictDoNothing();
    return what;
  });
}

export async function unsubscribeTokenValid(token: string, db: Executor): Promise<boolean> {
  if (!looksLikeToken(token)) return false;
  const [row] = await db
    .select({ id: followerUnsubscribeTokens.followerId })
    .from(followerUnsubscribeTokens)
    .where(eq(followerUnsubscribeTokens.tokenHash, hashToken(token)));
  return !!row;
}

/**
 * One-click unsubscribe (RFC 8058 POST or the button): stop everything, forget the address, drop
 * unsent mails. Idempotent; unknown tokens do nothing.
 */
export async function unsubscribeFollower(token: string, db: Executor, now = new Date()): Promise<boolean> {
  if (!looksLikeToken(token)) return false;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: followerUnsubscribeTokens.followerId })
      .from(followerUnsubscribeTokens)
      .where(eq(followerUnsubscribeTokens.tokenHash, hashToken(token)));
    if (!row) return false;
    await tx
      .delete(informedMails)
      .where(and(eq(informedMails.followerId, row.id), eq(informedMails.status, "queued")));
    await tx.delete(followerProjects).where(eq(followerProjects.followerId, row.id));
    await tx.delete(followerUnsubscribeTokens).where(eq(followerUnsubscribeTokens.followerId, row.id));
    await tx
      .update(followers)
      .set({
        status: "left",
        email: null,
        wholeSite: false,
        leftAt: now,
        confirmTokenHash: null,
        confirmExpiresAt: null,
        pendingScope: null,
      })
      .where(eq(followers.id, row.id));
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Digest

/** Items that became news in (since, until]: published news, phases that started, new bijeenkomsten. */
export async function digestCandidates(since: Date, until: Date, db: Executor): Promise<DigestItem[]> {
  const base = getEnv().APP_URL;
  const news = await db
    .select({
      slug: newsItems.slug,
      title: newsItems.title,
      projectId: newsItems.projectId,
      at: newsItems.publishAt,
    })
    .from(newsItems)
    .where(
      and(
        isNull(newsItems.withdrawnAt),
        gt(newsItems.publishAt, since),
        sql`${newsItems.publishAt} <= ${until.toISOString()}`,
      ),
    );
  // A phase "starts" at midnight Amsterdam time of its start day.
  const phases = await db
    .select({
      title: projectPhases.title,
      projectId: projectPhases.projectId,
      projectTitle: projects.title,
      projectSlug: projects.slug,
      startsOn: projectPhases.startsOn,
    })
    .from(projectPhases)
    .innerJoin(projects, and(eq(projects.id, projectPhases.projectId), ne(projects.status, "draft")))
    .where(
      and(
        sql`${projectPhases.startsOn} > ${amsterdamDay(since)}::date`,
        sql`${projectPhases.startsOn} <= ${amsterdamDay(until)}::date`,
      ),
    );
  const items: DigestItem[] = [
    ...news.map((n) => ({
      kind: "news" as const,
      projectId: n.projectId,
      title: n.title,
      url: `${base}/actueel/${n.slug}`,
      at: n.at!,
    })),
    ...phases.map((p) => ({
      kind: "phase" as const,
      projectId: p.projectId,
      title: `${p.projectTitle}: ${p.title}`,
      url: `${base}/meedenken/${p.projectSlug}`,
      at: amsterdamToInstant(`${p.startsOn}T00:00`) ?? until,
    })),
  ];
  const rows = await db
    .select({
      id: events.id,
      title: events.title,
      projectId: events.projectId,
      createdAt: events.createdAt,
      startsAt: events.startsAt,
    })
    .from(events)
    .where(
      and(
        eq(events.status, "published"),
        gt(events.createdAt, since),
        sql`${events.createdAt} <= ${until.toISOString()}`,
        gt(events.startsAt, until),
      ),
    );
  return [
    ...items,
    ...rows.map((e) => ({
      kind: "event" as const,
      projectId: e.projectId,
      title: e.title,
      url: `${getEnv().APP_URL}/bijeenkomsten/${e.id}`,
      at: e.createdAt,
      detail: instantToAmsterdamLocal(e.startsAt).replace("T", " om "),
    })),
  ];
}

/** Digests are composed from 08:00 Amsterdam time. */
export const DIGEST_HOUR = 8;

/**
 * Queue today's digest for every active follower with something new. At most one digest per
 * follower per day (unique follower + day, ON CONFLICT DO NOTHING), and digest_until moves in the
 * same transaction, so running this twice, or in two workers at once, queues each digest once.
 */
export async function queueDigests(db: Executor, now = new Date()): Promise<number> {
  const hour = Number(instantToAmsterdamLocal(now).slice(11, 13));
  if (hour < DIGEST_HOUR) return 0;
  const day = amsterdamDay(now);
  return db.transaction(async (tx) => {
    // One digest run at a time (the unique key alone would make a parallel run wait on rows).
    await tx.execute(sql`select pg_advisory_xact_lock(7014, 1)`);
    const people = await tx.execute<{
      id: string;
      whole_site: boolean;
      since: Date | string;
      project_ids: number[] | null;
    }>(sql`
      select f.id, f.whole_site, f.digest_until as since,
             array(select fp.project_id from follower_projects fp where fp.follower_id = f.id) as project_ids
        from followers f
       where f.status = 'active'
         and not exists (select 1 from informed_mails m where m.follower_id = f.id and m.digest_day = ${day}::date)`);
    if (people.length === 0) return 0;
    const earliest = new Date(
      Math.max(
        now.getTime() - 30 * 86_400_000,
        Math.min(...people.map((p) => new Date(p.since ?? 0).getTime())),
      ),
    );
    const items = await digestCandidates(earliest, now, tx);
    const rows: (typeof informedMails.$inferInsert)[] = [];
    for (const p of people) {
      const chosen = selectDigest(
        { wholeSite: p.whole_site, projectIds: p.project_ids ?? [], since: new Date(p.since ?? 0) },
        items,
        now,
      );
      if (chosen.length === 0) continue;
      rows.push({
        followerId: p.id,
        kind: "digest",
        digestDay: day,
        subject: digestSubject(chosen),
        text: digestParagraphs(chosen).join("\n\n"),
      });
    }
    let queued = 0;
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const inserted = await tx
        .insert(informedMails)
        .values(chunk)
        .onConflictDoNothing()
        .returning({ followerId: informedMails.followerId });
      queued += inserted.length;
      const ids = inserted.map((r) => r.followerId!);
      if (ids.length) await tx.update(followers).set({ digestUntil: now }).where(inArray(followers.id, ids));
    }
    return queued;
  });
}

/** The informed mails on the digipanel's delivery path; the unsubscribe link is added per send. */
export const informedQueue: BulkQueue = registerBulkQueue({
  table: "informed_mails",
  async compose(ids, db) {
    const rows = await db
      .select({
        id: informedMails.id,
        kind: informedMails.kind,
        subject: informedMails.subject,
        text: informedMails.text,
        followerId: followers.id,
        email: followers.email,
      })
      .from(informedMails)
      .innerJoin(followers, and(eq(followers.id, informedMails.followerId), eq(followers.status, "active")))
      .where(inArray(informedMails.id, ids));
    const live = rows.filter((r) => r.email);
    const tokens = new Map(live.map((r) => [r.id, createToken()]));
    if (live.length)
      await db
        .insert(followerUnsubscribeTokens)
        .values(live.map((r) => ({ followerId: r.followerId, tokenHash: hashToken(tokens.get(r.id)!) })));
    const domain = new URL(getEnv().APP_URL).hostname;
    return new Map(
      live.map((r) => [
        Number(r.id),
        withUnsubscribe(
          {
            to: r.email!,
            subject: r.subject,
            paragraphs: r.text.split("\n\n"),
            kind: `follower.${r.kind}`,
            messageId: informedMessageId(Number(r.id), domain),
          },
          informedUrls.unsubscribe(tokens.get(r.id)!),
        ),
      ]),
    );
  },
});

// ---------------------------------------------------------------------------------------------
// Retention (docs/privacy.md)

/**
 * Delete what is left of a follow FOLLOWER_LEFT_DAYS after unsubscribing (the address already went at
 * the unsubscribe), and an address that was never confirmed FOLLOWER_UNCONFIRMED_DAYS after its
 * confirmation link expired. Projects and links go with the row (cascade); mails already sent stay
 * without the link to the follower. One transaction, audited with the numbers only when something went;
 * running it again finds nothing.
 */
export async function pruneFollowers(
  db: Executor,
  now = new Date(),
  days: { left?: number; unconfirmed?: number } = {},
): Promise<{ left: number; unconfirmed: number }> {
  const leftDays = days.left ?? FOLLOWER_LEFT_DAYS;
  const unconfirmedDays = days.unconfirmed ?? FOLLOWER_UNCONFIRMED_DAYS;
  return db.transaction(async (tx) => {
    const left = await tx
      .delete(followers)
      .where(
        and(
          eq(followers.status, "left"),
          sql`coalesce(${followers.leftAt}, ${followers.createdAt}) < ${now.toISOString()}::timestamptz - make_interval(days => ${leftDays})`,
        ),
      )
      .returning({ id: followers.id });
    const unconfirmed = await tx
      .delete(followers)
      .where(
        and(
          eq(followers.status, "pending"),
          sql`coalesce(${followers.confirmExpiresAt}, ${followers.createdAt}) < ${now.toISOString()}::timestamptz - make_interval(days => ${unconfirmedDays})`,
        ),
      )
      .returning({ id: followers.id });
    const counts = { left: left.length, unconfirmed: unconfirmed.length };
    if (counts.left || counts.unconfirmed)
      await audit(null, { action: "follower.retention_erased", entityType: "follower", details: counts }, tx);
    return counts;
  });
}

// ---------------------------------------------------------------------------------------------
// Staff

export async function followerOverview(db: Executor) {
  const [counts] = await db.execute<{ active: number; pending: number; left: number; site: number }>(sql`
    select count(*) filter (where status = 'active')::int as active,
           count(*) filter (where status = 'pending')::int as pending,
           count(*) filter (where status = 'left')::int as left,
           count(*) filter (where status = 'active' and whole_site)::int as site
      from followers`);
  const perProject = await db
    .select({
      id: projects.id,
      title: projects.title,
      followers: sql<number>`(select count(*) from follower_projects fp join followers f on f.id = fp.follower_id
                              where fp.project_id = "projects"."id" and f.status = 'active')::int`,
    })
    .from(projects)
    .orderBy(asc(projects.title));
  const mailings = await db
    .select({
      id: followerMailings.id,
      subject: followerMailings.subject,
      recipients: followerMailings.recipients,
      createdAt: followerMailings.createdAt,
      sent: sql<number>`(select count(*) from informed_mails m where m.mailing_id = "follower_mailings"."id" and m.status = 'sent')::int`,
    })
    .from(followerMailings)
    .orderBy(sql`${followerMailings.id} desc`)
    .limit(20);
  return { counts: counts ?? { active: 0, pending: 0, left: 0, site: 0 }, perProject, mailings };
}

async function recipientsOf(projectIds: number[], db: Executor): Promise<string[]> {
  if (projectIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: followers.id })
    .from(followerProjects)
    .innerJoin(followers, eq(followers.id, followerProjects.followerId))
    .where(and(inArray(followerProjects.projectId, projectIds), eq(followers.status, "active")));
  return rows.map((r) => r.id);
}

export type MailingIntent = "preview" | "test" | "send";
export type MailingOutcome =
  | { ok: false; intent: MailingIntent; errors: FieldErrors; values: FormValues }
  | {
      ok: true;
      intent: MailingIntent;
      values: FormValues;
      preview: { subject: string; text: string; recipients: number };
      message: string;
    };

/**
 * A mailing to the followers of one or more projects: preview (nothing stored), a test to the
 * staff member's own address (through the outbox), or send (audited; the form key makes a double
 * submit send once).
 */
export async function handleMailingPost(actor: Actor, form: FormData, db: Executor): Promise<MailingOutcome> {
  const raw = String(form.get("intent") ?? "preview");
  const intent: MailingIntent = raw === "send" || raw === "test" ? raw : "preview";
  const parsed = parseForm(mailingSchema, form, { multi: ["projectIds"] });
  if (!parsed.ok) return { ok: false, intent, errors: parsed.errors, values: parsed.values };
  const { subject, body, projectIds } = parsed.data;
  return db.transaction(async (tx) => {
    const known = await tx.select({ id: projects.id }).from(projects).where(inArray(projects.id, projectIds));
    if (known.length !== projectIds.length)
      return {
        ok: false,
        intent,
        errors: { projectIds: "Kies een bestaand project." },
        values: parsed.values,
      };
    const recipients = await recipientsOf(projectIds, tx);
    const paragraphs = [
      "Beste lezer,",
      ...body
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean),
    ];
    const sample = withUnsubscribe(
      { to: actor.email, subject, paragraphs, kind: "follower.mailing", messageId: "" },
      `${getEnv().APP_URL}/blijf-op-de-hoogte/afmelden/…`,
    );
    const preview = { subject, text: sample.text, recipients: recipients.length };
    if (intent === "preview")
      return { ok: true, intent, values: parsed.values, preview, message: "Zo ziet de e-mail eruit." };
    if (intent === "test") {
      await queueMail(
        {
          to: actor.email,
          kind: "follower.mailing_test",
          subject: `[TEST] ${subject}`,
          ...composeMail([
            ...paragraphs,
            "Dit is een test. Volgers krijgen onderaan een link om zich af te melden.",
          ]),
        },
        tx,
      );
      await audit(
        actor,
        {
          action: "follower.mailing_test",
          entityType: "follower_mailing",
          details: { subject },
        },
        tx,
      );
      return {
        ok: true,
        intent,
        values: parsed.values,
        preview,
        message: `De test is verstuurd naar ${actor.email}.`,
      };
    }
    const formKey = String(form.get("formKey") ?? "").slice(0, 100) || null;
    const [mailing] = await tx
      .insert(followerMailings)
      .values({
        subject,
        body,
        projectIds,
        recipients: recipients.length,
        createdBy: actor.id,
        formKey,
      })
      .onConflictDoNothing({ target: followerMailings.formKey })
      .returning({ id: followerMailings.id });
    if (!mailing) return { ok: true, intent, values: {}, preview, message: "Deze e-mail was al verstuurd." };
    for (let i = 0; i < recipients.length; i += 1000)
      await tx.insert(informedMails).values(
        recipients.slice(i, i + 1000).map((followerId) => ({
          followerId,
          kind: "mailing" as const,
          mailingId: mailing.id,
          subject,
          text: paragraphs.join("\n\n"),
        })),
      );
    await audit(
      actor,
      {
        action: "follower.mailing_sent",
        entityType: "follower_mailing",
        entityId: mailing.id,
        details: { subject, projectIds, recipients: recipients.length },
      },
      tx,
    );
    return {
      ok: true,
      intent,
      values: {},
      preview,
      message: `De e-mail gaat naar ${recipients.length} ${recipients.length === 1 ? "volger" : "volgers"}.`,
    };
  });
}

/** Number of live registrations (for the staff overview's counts). */
export async function registrationCount(db: Executor = getDb()): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(eventRegistrations)
    .where(inArray(eventRegistrations.status, ["confirmed", "waiting"]));
  return r?.n ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Entry points for routes (routes never touch the database themselves).

export const followerPages = {
  request: (form: FormData) => requestFollow(form, getDb()),
  pending: (token: string) => pendingFollow(token, getDb()),
  confirm: (token: string) => confirmFollow(token, getDb()),
  unsubscribeValid: (token: string) => unsubscribeTokenValid(token, getDb()),
  unsubscribe: (token: string) => unsubscribeFollower(token, getDb()),
  overview: () => followerOverview(getDb()),
  mailing: (actor: Actor, form: FormData) => handleMailingPost(actor, form, getDb()),
  projectOptions: () =>
    getDb().select({ id: projects.id, title: projects.title }).from(projects).orderBy(asc(projects.title)),
};
