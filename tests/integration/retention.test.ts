import { and, eq, like } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { consultationQueue, loadNota, publishNota } from "../../app/domain/consultation/nota.server";
import { handleReactionsPost } from "../../app/domain/consultation/points.server";
import { handleOwnReaction, submitReaction } from "../../app/domain/consultation/public-reactions.server";
import { reactionsPage } from "../../app/domain/consultation/reactions-page.server";
import { pruneReactions } from "../../app/domain/consultation/retention.server";
import { pruneRegistrations } from "../../app/domain/events/registration-retention.server";
import { handleStaffEventPost, staffEvent } from "../../app/domain/events/staff-events.server";
import { pruneFollowers } from "../../app/domain/informed/follower-retention.server";
import { deliverBulkQueue } from "../../app/domain/panel/bulk-delivery.server";
import { EXPIRED } from "../../app/domain/privacy/subject";
import { getDb } from "../../app/lib/db.server";
import * as notaRoute from "../../app/routes/meedenken_.$slug_.reactienota.$versie";
import { jobDefinitions } from "../../app/server/jobs";
import {
  auditLog,
  consultationDocuments,
  consultationMails,
  consultationReactions,
  consultationVersions,
  eventCancelTokens,
  eventRegistrations,
  events,
  followerProjects,
  followers,
  followerUnsubscribeTokens,
  informedMails,
  loginDelays,
  outbox,
  projects,
  staffLoginChallenges,
} from "../../db/schema";
import { withBulkMailSink } from "../support/bulk-mail";
import { AFTER, DURING, form, publishedConsultation } from "../support/consultation";
import { createStaff } from "../support/db";
import { makeRequest, run } from "../support/remix";

// Retention periods of docs/privacy.md for followers, bijeenkomst registrations and consultation
// reactions: older than the period is erased, newer is kept, the reactienota reads the same afterwards,
// and running the job again changes nothing.

const sink = withBulkMailSink();
const db = () => getDb();
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

async function retentionAudit() {
  return db().select().from(auditLog).where(like(auditLog.action, "%.retention_erased"));
}

async function runRetentionJob() {
  const job = jobDefinitions.find((j) => j.name === "maintenance-retention")!;
  await job.handler([]);
}

// ---------------------------------------------------------------------------------------------
// Followers

async function seedFollowers() {
  const [project] = await db().insert(projects).values({ slug: "volgers", title: "Project" }).returning();
  const rows = await db()
    .insert(followers)
    .values([
      // Unsubscribed: the address went at once; the rest goes 30 days later.
      { status: "left", email: null, leftAt: ago(31), createdAt: ago(400) },
      { status: "left", email: null, leftAt: ago(29), createdAt: ago(400) },
      // Never confirmed: the link expired (7 days) and 30 more days passed, or not yet.
      { email: "nooit@voorbeeld.nl", status: "pending", confirmExpiresAt: ago(31), createdAt: ago(38) },
      { email: "bijna@voorbeeld.nl", status: "pending", confirmExpiresAt: ago(29), createdAt: ago(36) },
      { email: "net@voorbeeld.nl", status: "pending", confirmExpiresAt: ago(-5), createdAt: ago(2) },
      // Following: kept however old.
      {
        email: "trouw@voorbeeld.nl",
        status: "active",
        wholeSite: true,
        createdAt: ago(900),
        confirmedAt: ago(900),
      },
    ] as (typeof followers.$inferInsert)[])
    .returning();
  const [oldLeft, , unconfirmed, , , active] = rows;
  await db()
    .insert(followerProjects)
    .values([
      { followerId: unconfirmed!.id, projectId: project!.id },
      { followerId: active!.id, projectId: project!.id },
    ]);
  await db()
    .insert(followerUnsubscribeTokens)
    .values({ tokenHash: "retention-unconfirmed", followerId: unconfirmed!.id });
  await db().insert(informedMails).values({
    followerId: oldLeft!.id,
    kind: "digest",
    digestDay: "2025-01-01",
    subject: "Nieuws",
    text: "Nieuws uit Heemstede",
    status: "sent",
  });
  return { oldLeft: oldLeft!, unconfirmed: unconfirmed!, active: active! };
}

describe("followers", () => {
  test("30 days after leaving, or after the confirmation link expired, the follow is gone; active follows stay", async () => {
    const { oldLeft } = await seedFollowers();
    expect(await pruneFollowers(db())).toEqual({ left: 1, unconfirmed: 1 });
    const rest = await db().select().from(followers);
    expect(rest.map((f) => f.email ?? "(gestopt)").sort()).toEqual([
      "(gestopt)",
      "bijna@voorbeeld.nl",
      "net@voorbeeld.nl",
      "trouw@voorbeeld.nl",
    ]);
    expect(rest.find((f) => f.status === "left")!.leftAt!.getTime()).toBeGreaterThan(ago(30).getTime());
    // Projects and unsubscribe links went with the row; the active follow keeps its project.
    expect(await db().select().from(followerProjects)).toHaveLength(1);
    expect(await db().select().from(followerUnsubscribeTokens)).toHaveLength(0);
    // The sent digest stays, no longer linked to anyone.
    const [mail] = await db().select().from(informedMails);
    expect(mail!.followerId).toBeNull();
    expect(rest.some((f) => f.id === oldLeft.id)).toBe(false);

    // Again: nothing more to do, and no second audit line.
    expect(await pruneFollowers(db())).toEqual({ left: 0, unconfirmed: 0 });
    const log = await retentionAudit();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      action: "follower.retention_erased",
      actorId: null,
      entityType: "follower",
      details: { left: 1, unconfirmed: 1 },
    });
    expect(JSON.stringify(log)).not.toContain("@voorbeeld.nl");
  });
});

// ---------------------------------------------------------------------------------------------
// Bijeenkomst registrations

async function event(values: { endedDaysAgo: number; cancelledDaysAgo?: number }) {
  const ends = ago(values.endedDaysAgo);
  const [e] = await db()
    .insert(events)
    .values({
      title: `Bijeenkomst ${values.endedDaysAgo}`,
      startsAt: new Date(ends.getTime() - 2 * 3_600_000),
      endsAt: ends,
      address: "Raadhuisplein 1",
      capacity: 50,
      registrationDeadline: new Date(ends.getTime() - DAY),
      ...(values.cancelledDaysAgo !== undefined
        ? { status: "cancelled" as const, cancelledAt: ago(values.cancelledDaysAgo) }
        : {}),
    })
    .returning();
  return e!;
}

async function registration(
  eventId: number,
  email: string,
  extra: Partial<typeof eventRegistrations.$inferInsert> = {},
) {
  const [r] = await db()
    .insert(eventRegistrations)
    .values({
      eventId,
      name: `Naam ${email}`,
      email,
      people: 2,
      accessibility: "Ik kom met een rolstoel.",
      status: "confirmed",
      ...extra,
    })
    .returning();
  await db()
    .insert(eventCancelTokens)
    .values({ tokenHash: `token-${email}`, registrationId: r!.id });
  return r!;
}

async function seedRegistrations() {
  const longAgo = await event({ endedDaysAgo: 91 });
  const lastWeek = await event({ endedDaysAgo: 8 });
  const recent = await event({ endedDaysAgo: 6 });
  const upcoming = await event({ endedDaysAgo: -30 });
  // Cancelled by staff 100 days ago, although it would only have ended in 10 days.
  const cancelled = await event({ endedDaysAgo: -10, cancelledDaysAgo: 100 });
  return {
    events: { longAgo, lastWeek, recent, upcoming, cancelled },
    regs: {
      longAgo: await registration(longAgo.id, "oud@voorbeeld.nl"),
      longAgoWaiting: await registration(longAgo.id, "wacht@voorbeeld.nl", { status: "waiting" }),
      lastWeek: await registration(lastWeek.id, "vorigeweek@voorbeeld.nl"),
      recent: await registration(recent.id, "recent@voorbeeld.nl"),
      upcoming: await registration(upcoming.id, "straks@voorbeeld.nl"),
      cancelledLongAgo: await registration(upcoming.id, "afgemeld@voorbeeld.nl", {
        status: "cancelled",
        cancelledAt: ago(31),
      }),
      cancelledRecently: await registration(upcoming.id, "netafgemeld@voorbeeld.nl", {
        status: "cancelled",
        cancelledAt: ago(29),
      }),
      eventCancelled: await registration(cancelled.id, "afgelast@voorbeeld.nl"),
    },
  };
}

describe("bijeenkomst registrations", () => {
  test("the accessibility need goes a week after the meeting, name and e-mail 90 days after; counts stay", async () => {
    const { events: ev, regs } = await seedRegistrations();
    expect(await pruneRegistrations(db())).toEqual({ accessibility: 4, anonymised: 4 });
    const byId = new Map((await db().select().from(eventRegistrations)).map((r) => [r.id, r]));
    // Status and people stay (the counts); the address becomes "" (the live-address index leaves "" out,
    // so two cleared rows of one event do not collide).
    for (const r of [regs.longAgo, regs.longAgoWaiting, regs.cancelledLongAgo, regs.eventCancelled])
      expect(byId.get(r.id)).toMatchObject({
        name: EXPIRED,
        email: "",
        accessibility: null,
        people: 2,
        status: r.status,
      });
    expect(byId.get(regs.lastWeek.id)).toMatchObject({
      name: "Naam vorigeweek@voorbeeld.nl",
      email: "vorigeweek@voorbeeld.nl",
      accessibility: null,
    });
    for (const r of [regs.recent, regs.upcoming, regs.cancelledRecently])
      expect(byId.get(r.id)).toMatchObject({
        name: r.name,
        email: r.email,
        accessibility: "Ik kom met een rolstoel.",
      });
    // Cancel links of cleared registrations are gone, the others still work.
    const tokens = (await db().select().from(eventCancelTokens)).map((t) => t.registrationId).sort();
    expect(tokens).toEqual(
      [regs.lastWeek.id, regs.recent.id, regs.upcoming.id, regs.cancelledRecently.id].sort(),
    );
    // The staff page of the old bijeenkomst still counts the places.
    const old = await staffEvent(ev.longAgo.id, db());
    expect(old!.registrations.map((r) => [r.name, r.email, r.people])).toEqual([
      [EXPIRED, "", 2],
      [EXPIRED, "", 2],
    ]);
    // Nothing is ever mailed to a cleared registration: more places do not move the waiting list up,
    // and cancelling the old bijeenkomst mails nobody.
    const staff = await createStaff(["ambtenaar"]);
    const actor = { id: staff.id, email: staff.email };
    const outboxBefore = (await db().select().from(outbox)).length;
    const capacity = await handleStaffEventPost(
      actor,
      ev.longAgo.id,
      form({ intent: "capacity", capacity: "100" }),
      db(),
    );
    expect(capacity.ok).toBe(true);
    const cancel = await handleStaffEventPost(
      actor,
      ev.longAgo.id,
      form({ intent: "cancel", confirm: "ja", reason: "Dubbel ingevoerd" }),
      db(),
    );
    expect(cancel).toMatchObject({ ok: true, message: expect.stringContaining("0 personen kregen") });
    expect(await db().select().from(outbox)).toHaveLength(outboxBefore);

    expect(await pruneRegistrations(db())).toEqual({ accessibility: 0, anonymised: 0 });
    const log = await retentionAudit();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      action: "event_registration.retention_erased",
      actorId: null,
      details: { accessibility: 4, anonymised: 4 },
    });
    expect(JSON.stringify(log)).not.toContain("@voorbeeld.nl");
  });
});

// ---------------------------------------------------------------------------------------------
// Consultation reactions (the flow of tests/integration/consultation.test.ts)

const PERIOD_END = new Date("2026-12-15T22:59:00Z");
const later = (from: Date, days: number) => new Date(from.getTime() + days * DAY);

async function consultationWithReactions() {
  const { actor, id, page } = await publishedConsultation("# Passend wonen\nMeer sociale huur.\n\nStarters.");
  const alinea = String(page.chapters[0]!.paragraphs[0]!.id);
  const react = async (values: Record<string, string>, then?: "confirm" | "withdraw") => {
    const outcome = await submitReaction(
      "woonvisie",
      form({ soort: "inwoner", reactie: "Meer sociale huur voor starters.", alinea, ...values }),
      db(),
      DURING,
    );
    expect(outcome.ok).toBe(true);
    const [mail] = await db().select().from(outbox).where(eq(outbox.to, values.email!));
    const token = /\/reactie\/([A-Za-z0-9_-]{43})/.exec(mail!.text)![1]!;
    if (then) await handleOwnReaction("woonvisie", token, "confirm", db(), DURING);
    if (then === "withdraw") await handleOwnReaction("woonvisie", token, "withdraw", db(), DURING);
  };
  await react({ naam: "Jan Jansen", email: "jan@example.nl" }, "confirm");
  await react({ naam: "Marie de Vries", email: "marie@example.nl" }, "confirm");
  await react(
    {
      soort: "organisatie",
      naam: "Contactpersoon Elan",
      email: "info@elan.example",
      organisatie: "Elan Wonen",
      rol: "adviseur",
      reactie: "Haalbaar met de corporaties?",
    },
    "confirm",
  );
  await react({ naam: "Nooit Bevestigd", email: "nooit@example.nl" });
  await react({ naam: "Trok In", email: "terug@example.nl" }, "withdraw");

  // Staff put the counted reactions in one point and answer it.
  const counted = await db()
    .select({ id: consultationReactions.id })
    .from(consultationReactions)
    .where(eq(consultationReactions.status, "confirmed"));
  const staffPost = (values: Record<string, string | string[]>) =>
    handleReactionsPost(actor, id, 1, form(values), db(), DURING);
  expect(
    (
      await staffPost({
        intent: "merge",
        reacties: counted.map((r) => String(r.id)),
        samenvatting: "Meer sociale huur.",
      })
    ).ok,
  ).toBe(true);
  const [point] = (await reactionsPage(id, db()))!.points;
  expect(
    (
      await staffPost({
        intent: "answer",
        punt: String(point!.id),
        antwoord: "Dat doen wij al.",
        besluit: "not_adopted",
        reden: "Staat in de prestatieafspraken.",
      })
    ).ok,
  ).toBe(true);
  return { actor, id };
}

const reactionRows = () =>
  db()
    .select({
      name: consultationReactions.name,
      email: consultationReactions.email,
      status: consultationReactions.status,
      text: consultationReactions.text,
      organisationName: consultationReactions.organisationName,
    })
    .from(consultationReactions)
    .orderBy(consultationReactions.id);

describe("consultation reactions", () => {
  test("after the reactienota plus 180 days name and e-mail go, the text stays and the nota reads the same", async () => {
    const { actor, id } = await consultationWithReactions();
    expect(await publishNota(actor, id, 1, db(), AFTER)).toMatchObject({ ok: true, recipients: 3 });
    const before = await loadNota({ slug: "woonvisie" }, 1, db(), { publicOnly: true });

    // Within 30 days of the period's end nothing goes.
    expect(await pruneReactions(db(), later(PERIOD_END, 29))).toEqual({
      anonymised: 0,
      unconfirmed: 0,
      withdrawn: 0,
    });
    // After 30 days the reactions that never counted are deleted.
    expect(await pruneReactions(db(), later(PERIOD_END, 31))).toEqual({
      anonymised: 0,
      unconfirmed: 1,
      withdrawn: 1,
    });
    expect((await reactionRows()).map((r) => r.status)).toEqual(["confirmed", "confirmed", "confirmed"]);

    // 181 days after the nota, but the "nota is ready" mails have not gone yet: the addresses stay.
    const due = later(AFTER, 181);
    expect((await pruneReactions(db(), due)).anonymised).toBe(0);
    expect(await deliverBulkQueue(consultationQueue, { budgetMs: 10_000 })).toMatchObject({ sent: 3 });
    expect(sink.messages).toHaveLength(3);
    // 179 days after the nota: still kept.
    expect((await pruneReactions(db(), later(AFTER, 179))).anonymised).toBe(0);
    expect((await reactionRows()).map((r) => r.email)).toEqual([
      "jan@example.nl",
      "marie@example.nl",
      "info@elan.example",
    ]);

    expect(await pruneReactions(db(), due)).toEqual({ anonymised: 3, unconfirmed: 0, withdrawn: 0 });
    expect(await reactionRows()).toEqual([
      {
        name: EXPIRED,
        email: "",
        status: "confirmed",
        text: "Meer sociale huur voor starters.",
        organisationName: null,
      },
      {
        name: EXPIRED,
        email: "",
        status: "confirmed",
        text: "Meer sociale huur voor starters.",
        organisationName: null,
      },
      {
        name: EXPIRED,
        email: "",
        status: "confirmed",
        text: "Haalbaar met de corporaties?",
        organisationName: "Elan Wonen",
      },
    ]);

    // The published reactienota is unchanged: same points, same respondents (organisation named).
    const after = await loadNota({ slug: "woonvisie" }, 1, db(), { publicOnly: true });
    expect(after).toEqual(before);
    expect(after!.nota.sections[0]!.paragraphs[0]!.points[0]!.respondents).toEqual([
      "Elan Wonen (Adviseur (meedenken))",
      "2 inwoners",
    ]);
    const route = await run(notaRoute.loader, makeRequest("/meedenken/woonvisie/reactienota/1"), {
      slug: "woonvisie",
      versie: "1",
    });
    expect(route.status).toBe(200);
    // Staff still see the reactions, without who sent them.
    const staffPage = await reactionsPage(id, db());
    expect(staffPage!.reactions).toHaveLength(3);
    expect(JSON.stringify(staffPage)).not.toContain("example.nl");

    // Again: nothing changes; two audit lines in all (the deletions, the names), numbers only.
    expect(await pruneReactions(db(), due)).toEqual({ anonymised: 0, unconfirmed: 0, withdrawn: 0 });
    const log = await retentionAudit();
    expect(log.map((l) => l.details)).toEqual([
      { anonymised: 0, unconfirmed: 1, withdrawn: 1 },
      { anonymised: 3, unconfirmed: 0, withdrawn: 0 },
    ]);
    expect(JSON.stringify(log)).not.toMatch(/example|Jansen|Vries|Elan/);
  });

  test("without a reactienota the names go a year after the period; a later nota mails nobody", async () => {
    const { actor, id } = await consultationWithReactions();
    expect((await pruneReactions(db(), later(PERIOD_END, 364))).anonymised).toBe(0);
    expect((await pruneReactions(db(), later(PERIOD_END, 366))).anonymised).toBe(3);
    expect((await reactionRows()).every((r) => r.email === "" && r.name === EXPIRED)).toBe(true);
    const published = await publishNota(actor, id, 1, db(), later(PERIOD_END, 367));
    expect(published).toMatchObject({ ok: true, recipients: 0 });
    expect(await db().select().from(consultationMails)).toHaveLength(0);
    const nota = await loadNota({ slug: "woonvisie" }, 1, db(), { publicOnly: true });
    expect(nota!.nota.sections[0]!.paragraphs[0]!.points[0]!.respondents).toEqual([
      "Elan Wonen (Adviseur (meedenken))",
      "2 inwoners",
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// The hourly job

describe("maintenance-retention", () => {
  test("the job applies every period, one audit line per kind; a second run is harmless", async () => {
    await seedFollowers();
    await seedRegistrations();
    const [project] = await db().insert(projects).values({ slug: "oud", title: "Oud" }).returning();
    const [document] = await db()
      .insert(consultationDocuments)
      .values({
        projectId: project!.id,
        title: "Oud concept",
        reactionStartsAt: ago(420),
        reactionEndsAt: ago(400),
      })
      .returning();
    const [version] = await db()
      .insert(consultationVersions)
      .values({ documentId: document!.id, number: 1, status: "published", publishedAt: ago(421) })
      .returning();
    await db()
      .insert(consultationReactions)
      .values(
        (["confirmed", "pending", "withdrawn"] as const).map((status) => ({
          versionId: version!.id,
          kind: "resident" as const,
          name: "Oude Naam",
          email: `${status}@voorbeeld.nl`,
          text: "Oude reactie.",
          status,
          tokenHash: `retention-${status}`,
          createdAt: ago(410),
          withdrawnAt: status === "withdrawn" ? ago(405) : null,
        })),
      );

    await runRetentionJob();
    const first = await retentionAudit();
    expect(first.map((l) => [l.action, l.details])).toEqual([
      ["follower.retention_erased", { left: 1, unconfirmed: 1 }],
      ["event_registration.retention_erased", { accessibility: 4, anonymised: 4 }],
      ["consultation_reaction.retention_erased", { anonymised: 1, unconfirmed: 1, withdrawn: 1 }],
    ]);
    const snapshot = async () =>
      JSON.stringify([
        await db().select().from(followers).orderBy(followers.id),
        await db().select().from(eventRegistrations).orderBy(eventRegistrations.id),
        await db().select().from(consultationReactions).orderBy(consultationReactions.id),
      ]);
    const afterFirst = await snapshot();
    await runRetentionJob();
    expect(await snapshot()).toBe(afterFirst);
    expect(await retentionAudit()).toHaveLength(3);
    const [kept] = await db()
      .select()
      .from(consultationReactions)
      .where(and(eq(consultationReactions.versionId, version!.id)));
    expect(kept).toMatchObject({ name: EXPIRED, email: "", text: "Oude reactie.", status: "confirmed" });
  });
});

describe("login throttle rows", () => {
  test("the job removes login delays after a day and expired two-factor challenges; newer ones stay", async () => {
    const user = await createStaff(["beheerder"]);
    await db()
      .insert(loginDelays)
      .values([
        { email: "oud@heemstede.nl", attempts: 3, updatedAt: ago(2) },
        { email: "nieuw@heemstede.nl", attempts: 1, updatedAt: new Date() },
      ]);
    await db()
      .insert(staffLoginChallenges)
      .values([
        { tokenHash: "verlopen", userId: user.id, expiresAt: new Date(Date.now() - 60_000) },
        { tokenHash: "geldig", userId: user.id, expiresAt: new Date(Date.now() + 600_000) },
      ]);
    await runRetentionJob();
    expect((await db().select().from(loginDelays)).map((r) => r.email)).toEqual(["nieuw@heemstede.nl"]);
    expect((await db().select().from(staffLoginChallenges)).map((r) => r.tokenHash)).toEqual(["geldig"]);
  });
});
