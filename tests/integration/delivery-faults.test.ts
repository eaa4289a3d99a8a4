// Faults injected into the one delivery loop (app/domain/panel/delivery-loop.server.ts), for the panel's
// queue and for a bulk queue (follower mails): the database refusing the confirmation after the SMTP 250,
// delivery without SMTP_URL, and a recipient gone after queueing. docs/panel.md, "Delivery".
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { informedQueue } from "../../app/domain/informed/informed-queue.server";
import { deliverBulkQueue } from "../../app/domain/panel/bulk-delivery.server";
import { deliverPanelMail } from "../../app/domain/panel/panel-delivery.server";
import { getDb } from "../../app/lib/db.server";
import { resetEnvForTests } from "../../app/lib/env.server";
import { followers, informedMails, outbox, panelMembers } from "../../db/schema";
import { seedWijken } from "../../db/seed/wijken";
import { withBulkMailSink } from "../support/bulk-mail";
import { panelFixtures } from "../support/panel";

const sink = withBulkMailSink({ afterReset: () => seedWijken(getDb()) });
const { queuedCampaign } = panelFixtures(sink);

/** Active followers with one queued digest each. */
async function queuedFollowerMails(emails: string[]) {
  const rows = await getDb()
    .insert(followers)
    .values(
      emails.map((email) => ({ email, status: "active" as const, wholeSite: true, confirmedAt: new Date() })),
    )
    .returning();
  await getDb()
    .insert(informedMails)
    .values(
      rows.map((f) => ({
        followerId: f.id,
        kind: "digest" as const,
        digestDay: "2030-03-04",
        subject: "Nieuw op de website",
        text: "Er is een bewonersavond.",
      })),
    );
}

const queues = [
  {
    name: "panel invitations",
    table: "panel_invitations",
    kind: "panel.invitation",
    noRecipient: "Geen actief lid meer",
    messageId: /^<panel-\d+-0@localhost>$/,
    queue: (emails: string[]) => queuedCampaign(emails),
    deliver: () => deliverPanelMail({ budgetMs: 5_000 }),
    /** The member is no longer active (the row keeps its member). */
    removeRecipient: (email: string) =>
      getDb().update(panelMembers).set({ status: "pending" }).where(eq(panelMembers.email, email)),
  },
  {
    name: "follower mails (a bulk queue)",
    table: "informed_mails",
    kind: "follower.digest",
    noRecipient: "Geen ontvanger meer",
    messageId: /^<informed-\d+@localhost>$/,
    queue: queuedFollowerMails,
    deliver: () => deliverBulkQueue(informedQueue, { budgetMs: 5_000 }),
    /** The follower is gone (the row's follower_id becomes null). */
    removeRecipient: (email: string) => getDb().delete(followers).where(eq(followers.email, email)),
  },
];

type Row = {
  id: number;
  status: string;
  attempts: number;
  claimed_by: number | null;
  sent_at: Date | null;
  next_attempt_at: Date;
  last_error: string | null;
};

const rowsOf = (table: string) =>
  getDb().execute<Row>(
    sql`select id, status, attempts, claimed_by, sent_at, next_attempt_at, last_error
          from ${sql.identifier(table)} order by id`,
  );

/** A trigger that makes the database refuse every change of a row of `table` to "sent". */
async function refuseSent(table: string) {
  await getDb().execute(sql`create or replace function refuse_sent() returns trigger language plpgsql
    as $$ begin raise exception 'refused by the test'; end $$`);
  await getDb().execute(sql`create trigger refuse_sent before update on ${sql.identifier(table)}
    for each row when (new.status = 'sent') execute function refuse_sent()`);
}

async function allowSent(table: string) {
  await getDb().execute(sql`drop trigger if exists refuse_sent on ${sql.identifier(table)}`);
  await getDb().execute(sql`drop function if exists refuse_sent()`);
}

/** Set (or with undefined remove) environment variables; returns the function that puts them back. */
function withEnv(values: Record<string, string | undefined>) {
  const old = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]));
  const apply = (vars: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(vars)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetEnvForTests();
  };
  apply(values);
  return () => apply(old);
}

// A rejected promise nobody handles ends a worker (Node's default) before it hands its rows back.
let unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled = [];
  process.on("unhandledRejection", onUnhandled);
});
afterEach(() => {
  process.off("unhandledRejection", onUnhandled);
});

/** Let Node report rejections that are still unhandled once the current work is done. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 50));

describe.each(queues)("$name", (q) => {
  test("a confirmation the database refuses: no unhandled rejection, the rows go back, the next run sends each once", async () => {
    const recipients = ["een@example.nl", "twee@example.nl", "drie@example.nl", "vier@example.nl"];
    await q.queue(recipients);
    const restore = withEnv({ PANEL_SMTP_CONNECTIONS: "2" });
    try {
      await refuseSent(q.table);
      // A slow server: the refusal of a message's confirmation always comes before the next message's
      // "." waits for it, so the rejection is one nobody handles yet (the case of commit ab1e570).
      sink.slowRecipients(150);
      // The run fails with the database's refusal (drizzle's error names the query, the cause is the refusal).
      await expect(q.deliver()).rejects.toMatchObject({ cause: { message: "refused by the test" } });
      await settled();
      expect(unhandled).toEqual([]);
      // Not lost and not sent: every row is queued again, claimed by no one, with no failed attempt.
      const back = await rowsOf(q.table);
      expect(back).toHaveLength(4);
      for (const row of back)
        expect(row).toMatchObject({
          status: "queued",
          claimed_by: null,
          sent_at: null,
          attempts: 0,
          last_error: null,
        });
      // Each connection's first message got its 250; the next "." waited for the refused confirmation.
      expect(sink.messages).toHaveLength(2);
      const first = sink.messages.map((m) => m.messageId);

      await allowSent(q.table);
      sink.slowRecipients(0);
      sink.messages.length = 0;
      expect(await q.deliver()).toMatchObject({ sent: 4, failed: 0 });
      await settled();
      expect(unhandled).toEqual([]);
      // Each mail once, to each recipient once; a message sent before keeps its Message-ID.
      expect(sink.messages.map((m) => m.to[0]).sort()).toEqual([...recipients].sort());
      const ids = sink.messages.map((m) => m.messageId);
      for (const id of ids) expect(id).toMatch(q.messageId);
      expect(new Set(ids).size).toBe(4);
      for (const id of first) expect(ids).toContain(id);
      const after = await rowsOf(q.table);
      for (const row of after) expect(row).toMatchObject({ status: "sent", claimed_by: null, attempts: 0 });
      expect(await q.deliver()).toMatchObject({ sent: 0, failed: 0 });
      expect(sink.messages).toHaveLength(4);
    } finally {
      sink.slowRecipients(0);
      await allowSent(q.table);
      restore();
    }
  });

  test("without SMTP_URL each mail goes to the outbox once and its row is sent", async () => {
    const recipients = ["een@example.nl", "twee@example.nl", "drie@example.nl"];
    await q.queue(recipients);
    const before = await getDb().select({ id: outbox.id }).from(outbox);
    const restore = withEnv({ SMTP_URL: undefined });
    try {
      expect(await q.deliver()).toMatchObject({ sent: 3, failed: 0 });
      expect(await q.deliver()).toMatchObject({ sent: 0 });
    } finally {
      restore();
    }
    expect(unhandled).toEqual([]);
    const mails = (await getDb().select().from(outbox)).filter((m) => !before.some((b) => b.id === m.id));
    expect(mails.map((m) => m.to).sort()).toEqual([...recipients].sort());
    for (const m of mails) expect(m.kind).toBe(q.kind);
    expect(sink.messages).toHaveLength(0);
    for (const row of await rowsOf(q.table)) expect(row).toMatchObject({ status: "sent", claimed_by: null });
  });

  test("a recipient gone after queueing fails for good; a refused address backs off; the rest is sent", async () => {
    await q.queue(["weg@example.nl", "geweigerd@example.nl", "goed@example.nl"]);
    await q.removeRecipient("weg@example.nl");
    sink.rejectTo("geweigerd@example.nl");
    expect(await q.deliver()).toMatchObject({ sent: 1, failed: 1 });
    await settled();
    expect(unhandled).toEqual([]);
    expect(sink.messages.map((m) => m.to)).toEqual([["goed@example.nl"]]);
    const rows = await rowsOf(q.table);
    const by = (status: string) => rows.filter((r) => r.status === status);
    expect(rows).toHaveLength(3);
    expect(by("failed")).toEqual([
      expect.objectContaining({ last_error: q.noRecipient, claimed_by: null, sent_at: null }),
    ]);
    expect(by("queued")).toEqual([expect.objectContaining({ attempts: 1, claimed_by: null, sent_at: null })]);
    expect(by("queued")[0]!.last_error).toMatch(/550|unavailable/i);
    expect(new Date(by("queued")[0]!.next_attempt_at).getTime()).toBeGreaterThan(Date.now());
    expect(by("sent")).toEqual([expect.objectContaining({ claimed_by: null, attempts: 0 })]);
    // Nothing is due any more: the gone recipient is not tried again, the refused one waits.
    expect(await q.deliver()).toMatchObject({ sent: 0, failed: 0 });
    expect(sink.messages).toHaveLength(1);
  });
});
