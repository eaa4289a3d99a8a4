import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { getDb } from "../../app/lib/db.server";
import { queueMail } from "../../app/lib/mail.server";
import * as route from "../../app/routes/beheer.privacy";
import { jobDefinitions } from "../../app/server/jobs";
import {
  auditLog,
  consultationDocuments,
  consultationReactions,
  consultationVersions,
  contactMessages,
  eventRegistrations,
  events,
  followers,
  initiatives,
  outbox,
  projects,
} from "../../db/schema";
import { loginAs, resetDatabase } from "../support/db";
import { createInitiative } from "../support/map-fixtures";
import { makeRequest, run } from "../support/remix";

beforeEach(resetDatabase);

const EMAIL = "geheim-initiatiefnemer@voorbeeld.nl";

async function seed() {
  const idea = await createInitiative();
  await getDb()
    .insert(contactMessages)
    .values({ name: "Geheime Naam", email: EMAIL, subject: "Vraag", message: "Hoi" });
  await queueMail({ to: EMAIL, subject: "Uw idee", text: "x", kind: "initiative.submitted" }, getDb());
  return idea;
}

describe("AVG requests", () => {
  test("a beheerder finds, downloads and erases everything on one address, audited without the address", async () => {
    const idea = await seed();
    const { cookie } = await loginAs(["beheerder"]);
    const post = (form: Record<string, string>) =>
      run<{ kind: string; data?: { initiatives: unknown[]; contactMessages: unknown[]; mails: unknown[] } }>(
        route.action,
        makeRequest("/beheer/privacy", { cookie, form }),
      );
    const found = await post({ intent: "search", email: EMAIL.toUpperCase() });
    expect(found.data.kind).toBe("found");
    expect(found.data.data!.initiatives).toHaveLength(1);
    expect(found.data.data!.contactMessages).toHaveLength(1);
    expect(found.data.data!.mails).toHaveLength(1);

    const bad = await post({ intent: "erase", email: EMAIL });
    expect(bad.status).toBe(400);
    const erased = await post({ intent: "erase", email: EMAIL, bevestig: "ja" });
    expect(erased.data.kind).toBe("erased");
    const [after] = await getDb().select().from(initiatives).where(eq(initiatives.id, idea.id));
    expect(after).toMatchObject({
      initiatorEmail: "",
      initiatorPhone: null,
      initiatorName: "[verwijderd op verzoek]",
    });
    expect(await getDb().select().from(contactMessages)).toHaveLength(0);
    expect(await getDb().select().from(outbox)).toHaveLength(0);
    const again = await post({ intent: "search", email: EMAIL });
    expect(again.data.data!.initiatives).toHaveLength(0);

    const log = await getDb().select().from(auditLog);
    const actions = log.map((l) => l.action).filter((a) => a.startsWith("privacy_subject."));
    expect(actions).toEqual(["privacy_subject.viewed", "privacy_subject.erased", "privacy_subject.viewed"]);
    expect(JSON.stringify(log)).not.toContain(EMAIL);
  });

  test("follows, bijeenkomst registrations and consultation reactions are found and erased too", async () => {
    const db = getDb();
    const day = 24 * 3600_000;
    const [event] = await db
      .insert(events)
      .values({
        title: "Bewonersavond",
        startsAt: new Date(Date.now() + 7 * day),
        endsAt: new Date(Date.now() + 7 * day + 7200_000),
        address: "Raadhuisplein 1",
        capacity: 20,
        registrationDeadline: new Date(Date.now() + 6 * day),
      })
      .returning();
    await db.insert(eventRegistrations).values({
      eventId: event!.id,
      name: "Geheime Naam",
      email: EMAIL,
      people: 2,
      accessibility: "rolstoel",
      status: "confirmed",
      tokenHash: "privacy-test-registration",
    } as typeof eventRegistrations.$inferInsert);
    await db
      .insert(followers)
      .values({ email: EMAIL, status: "active", wholeSite: true } as typeof followers.$inferInsert);
    const [project] = await db
      .insert(projects)
      .values({ slug: "privacy-test", title: "Project" })
      .returning();
    const [document] = await db
      .insert(consultationDocuments)
      .values({ projectId: project!.id, title: "Concept" })
      .returning();
    const [version] = await db
      .insert(consultationVersions)
      .values({ documentId: document!.id, number: 1 })
      .returning();
    await db.insert(consultationReactions).values({
      versionId: version!.id,
      kind: "resident",
      name: "Geheime Naam",
      email: EMAIL,
      text: "Meer groen graag.",
      tokenHash: "privacy-test-reaction",
    } as typeof consultationReactions.$inferInsert);

    const { cookie } = await loginAs(["beheerder"]);
    const post = (form: Record<string, string>) =>
      run<{
        kind: string;
        data?: { following: unknown; registrations: unknown[]; consultationReactions: unknown[] };
      }>(route.action, makeRequest("/beheer/privacy", { cookie, form }));
    const found = await post({ intent: "search", email: EMAIL });
    expect(found.data.data!.following).not.toBeNull();
    expect(found.data.data!.registrations).toHaveLength(1);
    expect(found.data.data!.consultationReactions).toHaveLength(1);

    await post({ intent: "erase", email: EMAIL, bevestig: "ja" });
    expect(await db.select().from(followers)).toHaveLength(0);
    const [registration] = await db.select().from(eventRegistrations);
    expect(registration).toMatchObject({
      name: "[verwijderd op verzoek]",
      email: "",
      accessibility: null,
      status: "cancelled",
    });
    const [reaction] = await db.select().from(consultationReactions);
    expect(reaction).toMatchObject({ name: "[verwijderd op verzoek]", email: "", text: "Meer groen graag." });
    const again = await post({ intent: "search", email: EMAIL });
    expect(again.data.data!.registrations).toHaveLength(0);
    expect(again.data.data!.consultationReactions).toHaveLength(0);
    expect(again.data.data!.following).toBeNull();
  });

  test("an invalid address gets a message at the field", async () => {
    const { cookie } = await loginAs(["beheerder"]);
    const res = await run<{ errors: Record<string, string> }>(
      route.action,
      makeRequest("/beheer/privacy", { cookie, form: { intent: "search", email: "geen-adres" } }),
    );
    expect(res.status).toBe(400);
    expect(res.data.errors.email).toMatch(/geldig e-mailadres/);
  });
});

describe("retention job", () => {
  test("maintenance-retention runs every pruning step", async () => {
    const id = await queueMail(
      {
        to: "a@voorbeeld.nl",
        subject: "Oud",
        text: "geheim",
        kind: "test",
      },
      getDb(),
    );
    await getDb()
      .update(outbox)
      .set({ status: "sent", sentAt: new Date(Date.now() - 8 * 86_400_000) })
      .where(eq(outbox.id, id));
    const job = jobDefinitions.find((j) => j.name === "maintenance-retention")!;
    await job.handler([]);
    const [row] = await getDb().select().from(outbox);
    expect(row!.text).toBe("");
  });
});
