import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { queueDigests } from "../../app/domain/informed/digest.server";
import { confirmFollow, requestFollow, unsubscribeFollower } from "../../app/domain/informed/follow.server";
import { informedQueue } from "../../app/domain/informed/informed-queue.server";
import { handleMailingPost } from "../../app/domain/informed/mailings.server";
import { deliverBulkQueue } from "../../app/domain/panel/bulk-delivery.server";
import { getDb } from "../../app/lib/db.server";
import * as unsubscribeRoute from "../../app/routes/blijf-op-de-hoogte.afmelden.$token";
import { auditLog, events, followers, informedMails, outbox, projects } from "../../db/schema";
import { withBulkMailSink } from "../support/bulk-mail";
import { createStaff } from "../support/db";
import { makeRequest, run } from "../support/remix";

const sink = withBulkMailSink();

function form(values: Record<string, string | string[]>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) for (const item of [v].flat()) f.append(k, item);
  return f;
}

const token = (text: string, path: string) => new RegExp(`${path}/([A-Za-z0-9_-]{43})`).exec(text)?.[1] ?? "";

async function confirmLink(email: string) {
  const mails = await getDb().select().from(outbox).where(eq(outbox.to, email)).orderBy(outbox.id);
  return token(mails.at(-1)!.text, "bevestigen");
}

async function woonvisie() {
  const [p] = await getDb().insert(projects).values({ slug: "woonvisie", title: "Woonvisie" }).returning();
  return p!;
}

async function follow(email: string, scope: string, at: Date) {
  expect(await requestFollow(form({ email, scope }), getDb(), at)).toEqual({ ok: true });
  return confirmFollow(await confirmLink(email), getDb(), at);
}

describe("double opt-in", () => {
  test("nothing is followed until the link's POST; an unknown project is refused at the field", async () => {
    const p = await woonvisie();
    const bad = await requestFollow(form({ email: "a@voorbeeld.nl", scope: "999" }), getDb());
    expect(bad).toMatchObject({ ok: false, errors: { scope: "Kies een bestaand project." } });
    await requestFollow(form({ email: "A@voorbeeld.nl", scope: String(p.id) }), getDb());
    const [pending] = await getDb().select().from(followers);
    expect(pending).toMatchObject({ email: "a@voorbeeld.nl", status: "pending" });
    const what = await confirmFollow(await confirmLink("a@voorbeeld.nl"), getDb());
    expect(what).toBe("het project Woonvisie");
    const [active] = await getDb().select().from(followers);
    expect(active!.status).toBe("active");
    // The same link a second time does nothing.
    expect(await confirmFollow("x".repeat(43), getDb())).toBeNull();
  });
});

describe("digest", () => {
  test("at most one a day, only what someone follows, delivered exactly once, with one-click unsubscribe", async () => {
    const p = await woonvisie();
    const other = (await getDb().insert(projects).values({ slug: "groen", title: "Groen" }).returning())[0]!;
    const monday = new Date("2030-03-04T06:00:00Z");
    await follow("site@voorbeeld.nl", "site", monday);
    await follow("woon@voorbeeld.nl", String(p.id), monday);
    await follow("groen@voorbeeld.nl", String(other.id), monday);
    const later = new Date("2030-03-04T08:00:00Z");
    await getDb()
      .insert(events)
      .values({
        title: "Bewonersavond Woonvisie",
        startsAt: new Date("2030-03-20T18:30:00Z"),
        endsAt: new Date("2030-03-20T20:30:00Z"),
        address: "Raadhuisplein 1",
        capacity: 80,
        registrationDeadline: new Date("2030-03-19T12:00:00Z"),
        projectId: p.id,
        createdAt: later,
      });
    const run1 = new Date("2030-03-04T09:00:00Z"); // 10:00 in Amsterdam
    const [a, b] = await Promise.all([queueDigests(getDb(), run1), queueDigests(getDb(), run1)]);
    const c = await queueDigests(getDb(), new Date("2030-03-04T15:00:00Z"));
    expect(a! + b! + c).toBe(2);
    const r1 = await deliverBulkQueue(informedQueue);
    const r2 = await deliverBulkQueue(informedQueue);
    expect(r1.sent + r2.sent).toBe(2);
    const digestMails = sink.messages.filter((m) => m.header("Subject")?.includes("Bewonersavond"));
    expect(digestMails.map((m) => m.to[0]).sort()).toEqual(["site@voorbeeld.nl", "woon@voorbeeld.nl"]);
    const m = digestMails[0]!;
    expect(m.header("List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(m.messageId).toMatch(/^<informed-\d+@localhost>$/);
    // The next day there is nothing new: no mail.
    expect(await queueDigests(getDb(), new Date("2030-03-05T09:00:00Z"))).toBe(0);
    // A mail program's one-click POST unsubscribes, without cookies.
    const link = /<([^>]+)>/.exec(m.header("List-Unsubscribe")!)![1]!;
    const t = link.split("/").at(-1)!;
    const res = await run(
      unsubscribeRoute.action,
      makeRequest(`/blijf-op-de-hoogte/afmelden/${t}`, { form: { "List-Unsubscribe": "One-Click" } }),
      { token: t },
    );
    expect(res.status).toBe(200);
    const [gone] = await getDb().select().from(followers).where(eq(followers.status, "left"));
    expect(gone!.email).toBeNull();
    expect(await unsubscribeFollower(t, getDb())).toBe(false);
  });
});

describe("mailing", () => {
  test("preview and test store nothing for followers; send queues one per follower once, audited", async () => {
    const p = await woonvisie();
    const staff = await createStaff(["ambtenaar"]);
    const at = new Date();
    await follow("woon@voorbeeld.nl", String(p.id), at);
    await follow("site@voorbeeld.nl", "site", at);
    const values = { subject: "Uitnodiging", body: "Kom naar de avond.", projectIds: [String(p.id)] };
    const preview = await handleMailingPost(staff, form({ ...values, intent: "preview" }), getDb());
    expect(preview).toMatchObject({ ok: true, preview: { recipients: 1 } });
    await handleMailingPost(staff, form({ ...values, intent: "test" }), getDb());
    expect(await getDb().select().from(informedMails)).toHaveLength(0);
    const [test] = await getDb().select().from(outbox).where(eq(outbox.kind, "follower.mailing_test"));
    expect(test!.to).toBe(staff.email);
    const send = form({ ...values, intent: "send", formKey: "k1" });
    await handleMailingPost(staff, send, getDb());
    await handleMailingPost(staff, form({ ...values, intent: "send", formKey: "k1" }), getDb());
    expect(await getDb().select().from(informedMails)).toHaveLength(1);
    const actions = (await getDb().select().from(auditLog)).map((l) => l.action).sort();
    expect(actions).toEqual(["follower.mailing_sent", "follower.mailing_test"]);
  });
});
