// Staff and followers: the overview of followers and mailings, and a mailing to the followers of projects.
// docs/informed-events.md.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { followerMailings, followerProjects, followers, informedMails, projects } from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { type FieldErrors, type FormValues, parseForm } from "../../lib/forms";
import { composeMail, queueMail } from "../../lib/mail.server";
import { type Actor, audit } from "../audit/audit.server";
import { withUnsubscribe } from "./mails";
import { mailingSchema } from "./rules";

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

/** intent=test: the mailing to the staff member's own address, through the outbox. */
async function sendTestMailing(actor: Actor, subject: string, paragraphs: string[], tx: Executor) {
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
}

/**
 * intent=send: the mailing stored once (the form key makes a double submit send once) and queued for every
 * follower, audited. Returns the message to show.
 */
async function sendMailing(
  actor: Actor,
  formKey: string | null,
  { subject, body, projectIds }: { subject: string; body: string; projectIds: number[] },
  paragraphs: string[],
  recipients: string[],
  tx: Executor,
): Promise<string> {
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
  if (!mailing) return "Deze e-mail was al verstuurd.";
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
  return `De e-mail gaat naar ${recipients.length} ${recipients.length === 1 ? "volger" : "volgers"}.`;
}

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
      await sendTestMailing(actor, subject, paragraphs, tx);
      return {
        ok: true,
        intent,
        values: parsed.values,
        preview,
        message: `De test is verstuurd naar ${actor.email}.`,
      };
    }
    const formKey = String(form.get("formKey") ?? "").slice(0, 100) || null;
    const message = await sendMailing(actor, formKey, parsed.data, paragraphs, recipients, tx);
    return { ok: true, intent, values: {}, preview, message };
  });
}
