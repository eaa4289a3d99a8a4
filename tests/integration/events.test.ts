import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { cancelRegistration, register } from "../../app/domain/events/registration.server";
import { queueReminders } from "../../app/domain/events/reminders.server";
import { handleStaffEventPost } from "../../app/domain/events/staff-events.server";
import { getDb } from "../../app/lib/db.server";
import { auditLog, eventRegistrations, events, outbox } from "../../db/schema";
import { createStaff, resetDatabase } from "../support/db";

beforeEach(resetDatabase);

const DAY = 86_400_000;

async function makeEvent(overrides: Partial<typeof events.$inferInsert> = {}) {
  const startsAt = new Date(Date.now() + 10 * DAY);
  const [e] = await getDb()
    .insert(events)
    .values({
      title: "Bewonersavond Woonvisie",
      description: "Praat mee over wonen in Heemstede.",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      address: "Raadhuisplein 1, Heemstede",
      capacity: 20,
      registrationDeadline: new Date(startsAt.getTime() - DAY),
      ...overrides,
    })
    .returning();
  return e!;
}

function form(values: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

const person = (i: number, people = 1) =>
  form({ name: `Bewoner ${i}`, email: `bewoner${i}@voorbeeld.nl`, people: String(people) });

/** The plain cancel token from the newest mail to `to` (the link is in the text). */
async function cancelTokenFor(to: string) {
  const mails = await getDb().select().from(outbox).where(eq(outbox.to, to)).orderBy(outbox.id);
  const text = mails.at(-1)!.text;
  return /bijeenkomsten\/afmelden\/([A-Za-z0-9_-]{43})/.exec(text)![1]!;
}

describe("registration race", () => {
  test("50 registrations at the same instant for 20 places: exactly 20 confirmed, 30 waiting", async () => {
    const e = await makeEvent({ capacity: 20 });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => register(e.id, person(i), getDb())),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = await getDb().select().from(eventRegistrations).where(eq(eventRegistrations.eventId, e.id));
    expect(rows).toHaveLength(50);
    expect(rows.filter((r) => r.status === "confirmed")).toHaveLength(20);
    expect(rows.filter((r) => r.status === "waiting")).toHaveLength(30);
    const mails = await getDb().select().from(outbox);
    expect(mails.filter((m) => m.kind === "event.confirmed")).toHaveLength(20);
    expect(mails.filter((m) => m.kind === "event.waiting")).toHaveLength(30);
  });
});

describe("registration", () => {
  test("confirmation has a cancel link and an .ics attachment; a double submit stores once", async () => {
    const e = await makeEvent();
    const first = await register(e.id, person(1, 2), getDb());
    const again = await register(e.id, person(1, 2), getDb());
    expect(first).toMatchObject({ ok: true, status: "confirmed", already: false });
    expect(again).toMatchObject({ ok: true, status: "confirmed", already: true });
    expect(await getDb().select().from(eventRegistrations)).toHaveLength(1);
    const [mail] = await getDb().select().from(outbox);
    expect(mail!.attachments[0]!.filename).toBe("bijeenkomst.ics");
    expect(mail!.attachments[0]!.content).toContain("BEGIN:VEVENT");
    expect(mail!.text).toMatch(/bijeenkomsten\/afmelden\//);
  });

  test("bad input keeps the values and says what is wrong at the field", async () => {
    const e = await makeEvent();
    const res = await register(e.id, form({ name: "", email: "geen-adres", people: "0" }), getDb());
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors.name).toBe("Vul uw naam in.");
    expect(res.errors.email).toMatch(/geldig e-mailadres/);
    expect(res.errors.people).toMatch(/1 tot en met 10/);
    expect(res.values.email).toBe("geen-adres");
  });

  test("closed, past the deadline or cancelled: nothing is stored", async () => {
    const closed = await makeEvent({ registrationOpen: false });
    const late = await makeEvent({ registrationDeadline: new Date(Date.now() - 1000) });
    for (const e of [closed, late]) {
      const res = await register(e.id, person(1), getDb());
      expect(res.ok).toBe(false);
    }
    expect(await getDb().select().from(eventRegistrations)).toHaveLength(0);
  });

  test("cancelling a place moves the first waiting person up, with a mail; cancelling twice is harmless", async () => {
    const e = await makeEvent({ capacity: 2 });
    await register(e.id, person(1, 2), getDb());
    await register(e.id, person(2, 3), getDb()); // waiting, too big for 2
    await register(e.id, person(3, 1), getDb()); // waiting
    await register(e.id, person(4, 1), getDb()); // waiting
    const token = await cancelTokenFor("bewoner1@voorbeeld.nl");
    const res = await cancelRegistration(token, getDb());
    expect(res).toMatchObject({ ok: true, movedUp: 2 });
    const again = await cancelRegistration(token, getDb());
    expect(again.movedUp).toBe(0);
    const rows = await getDb().select().from(eventRegistrations).orderBy(eventRegistrations.id);
    expect(rows.map((r) => r.status)).toEqual(["cancelled", "waiting", "confirmed", "confirmed"]);
    const moved = await getDb().select().from(outbox).where(eq(outbox.kind, "event.moved_up"));
    expect(moved.map((m) => m.to).sort()).toEqual(["bewoner3@voorbeeld.nl", "bewoner4@voorbeeld.nl"]);
    // The person who moved up can cancel with the link of their new mail.
    const t3 = await cancelTokenFor("bewoner3@voorbeeld.nl");
    expect((await cancelRegistration(t3, getDb())).ok).toBe(true);
  });
});

describe("reminders", () => {
  test("the day before, each confirmed person gets exactly one reminder, however often the job runs", async () => {
    const now = new Date("2026-03-09T10:00:00Z");
    const e = await makeEvent({
      startsAt: new Date("2026-03-10T18:30:00Z"),
      endsAt: new Date("2026-03-10T20:30:00Z"),
      registrationDeadline: new Date("2026-03-10T12:00:00Z"),
    });
    const other = await makeEvent({
      startsAt: new Date("2026-03-20T18:30:00Z"),
      endsAt: new Date("2026-03-20T20:30:00Z"),
      registrationDeadline: new Date("2026-03-19T12:00:00Z"),
    });
    await getDb()
      .insert(eventRegistrations)
      .values([
        { eventId: e.id, name: "A", email: "a@voorbeeld.nl", people: 1, status: "confirmed" },
        { eventId: e.id, name: "B", email: "b@voorbeeld.nl", people: 1, status: "waiting" },
        { eventId: other.id, name: "C", email: "c@voorbeeld.nl", people: 1, status: "confirmed" },
      ]);
    const runs = await Promise.all([queueReminders(getDb(), now), queueReminders(getDb(), now)]);
    runs.push(await queueReminders(getDb(), now));
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    const reminders = await getDb().select().from(outbox).where(eq(outbox.kind, "event.reminder"));
    expect(reminders.map((m) => m.to)).toEqual(["a@voorbeeld.nl"]);
  });
});

describe("staff", () => {
  test("capacity never below the confirmed number; raising it moves the waiting list up; audited", async () => {
    const staff = await createStaff(["ambtenaar"]);
    const e = await makeEvent({ capacity: 2 });
    await register(e.id, person(1, 2), getDb());
    await register(e.id, person(2, 1), getDb());
    const low = await handleStaffEventPost(staff, e.id, form({ intent: "capacity", capacity: "1" }), getDb());
    expect(low).toMatchObject({ ok: false, errors: { capacity: expect.stringMatching(/minstens 2/) } });
    const up = await handleStaffEventPost(staff, e.id, form({ intent: "capacity", capacity: "3" }), getDb());
    expect(up.ok).toBe(true);
    const [r2] = await getDb()
      .select()
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.email, "bewoner2@voorbeeld.nl")));
    expect(r2!.status).toBe("confirmed");
    const log = await getDb().select().from(auditLog);
    expect(log.map((l) => l.action)).toEqual(["event.capacity_changed"]);
  });

  test("cancelling the bijeenkomst mails everyone and closes it", async () => {
    const staff = await createStaff(["ambtenaar"]);
    const e = await makeEvent({ capacity: 1 });
    await register(e.id, person(1), getDb());
    await register(e.id, person(2), getDb());
    const res = await handleStaffEventPost(
      staff,
      e.id,
      form({ intent: "cancel", confirm: "ja", reason: "" }),
      getDb(),
    );
    expect(res.ok).toBe(true);
    const mails = await getDb().select().from(outbox).where(eq(outbox.kind, "event.cancelled"));
    expect(mails).toHaveLength(2);
    expect((await register(e.id, person(3), getDb())).ok).toBe(false);
  });
});
