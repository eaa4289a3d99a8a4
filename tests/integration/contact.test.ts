import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { CONTACT_RATE_LIMIT } from "../../app/domain/contact/contact";
import { pruneContactMessages } from "../../app/domain/contact/contact.server";
import { pruneOutbox } from "../../app/domain/platform/outbox.server";
import { getDb } from "../../app/lib/db.server";
import * as staffContact from "../../app/routes/beheer.contact";
import * as contact from "../../app/routes/contact";
import { auditLog, contactMessages, outbox } from "../../db/schema";
import { loginAs, resetDatabase } from "../support/db";
import { makeRequest, run } from "../support/remix";

beforeEach(resetDatabase);

const valid = {
  name: "Jan Jansen",
  email: "Jan@Voorbeeld.nl",
  phone: "023 123 45 67",
  subject: "Losliggende stoeptegel",
  message: "In de Binnenweg ligt een stoeptegel los.\nKunt u daar naar kijken?",
};

const post = (form: Record<string, string>) => run(contact.action, makeRequest("/contact", { form }));

describe("contact form", () => {
  test("user text never becomes a link in HTML mail, and the confirmation repeats none of it", async () => {
    const scam = "U heeft EUR 500 tegoed. Claim via https://evil.example/claim?x=1";
    expect((await post({ ...valid, name: scam, subject: scam, message: `${scam}\n<b>vet</b>` })).status).toBe(
      302,
    );
    const mails = await getDb().select().from(outbox).orderBy(outbox.id);
    const [confirmation, notification] = mails;
    expect(`${confirmation!.text}${confirmation!.html}`).not.toMatch(/evil|tegoed|500/);
    // The inbox notification shows the text, escaped and not clickable; our own link still is.
    expect(notification!.html).toContain("https://evil.example/claim?x=1");
    expect(notification!.html).not.toMatch(/<a [^>]*evil/);
    expect(notification!.html).toContain("&lt;b&gt;vet&lt;/b&gt;");
    expect(notification!.html).toMatch(/<a href="http:\/\/localhost:3000\/beheer\/contact">/);
  });

  test("a valid message is stored, both mails are queued, and the resident sees a confirmation", async () => {
    const res = await post(valid);
    expect(res.status).toBe(302);
    expect(res.location).toBe("/contact?verzonden=1");

    const [stored] = await getDb().select().from(contactMessages);
    expect(stored).toMatchObject({
      name: "Jan Jansen",
      email: "jan@voorbeeld.nl",
      phone: "023 123 45 67",
      subject: "Losliggende stoeptegel",
      handled: false,
    });
    const mails = await getDb().select().from(outbox).orderBy(outbox.id);
    expect(mails.map((m) => [m.kind, m.to])).toEqual([
      ["contact.confirmation", "jan@voorbeeld.nl"],
      ["contact.notification", "info@heemstede.nl"],
    ]);
    expect(mails[0]!.text).not.toContain("Jan Jansen");
    // The confirmation never repeats the sender's text (no relaying of arbitrary content).
    expect(mails[0]!.text).not.toContain("stoeptegel");
    expect(mails[1]!.text).toContain("In de Binnenweg ligt een stoeptegel los.");
    expect(mails[1]!.headers).toEqual({ "Reply-To": "jan@voorbeeld.nl" });

    const page = await run<{ sent: boolean }>(contact.loader, makeRequest("/contact?verzonden=1"));
    expect(page.data.sent).toBe(true);
  });

  test("an empty form gets a Dutch message at every required field and stores nothing", async () => {
    const res = await run<{ errors: Record<string, string>; values: Record<string, string> }>(
      contact.action,
      makeRequest("/contact", { form: { name: "", email: "", phone: "", subject: "", message: "" } }),
    );
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual({
      name: "Vul uw naam in.",
      email: "Vul uw e-mailadres in.",
      subject: "Vul een onderwerp in.",
      message: "Schrijf uw bericht.",
    });
    expect(await getDb().select().from(contactMessages)).toHaveLength(0);
    expect(await getDb().select().from(outbox)).toHaveLength(0);
  });

  test("wrong input keeps what the resident typed", async () => {
    const res = await run<{ errors: Record<string, string>; values: Record<string, string> }>(
      contact.action,
      makeRequest("/contact", { form: { ...valid, email: "jan@", phone: "bel me" } }),
    );
    expect(res.status).toBe(400);
    expect(res.data.errors.email).toMatch(/geldig e-mailadres/);
    expect(res.data.errors.phone).toMatch(/telefoonnummer/);
    expect(res.data.values).toMatchObject({ ...valid, email: "jan@", phone: "bel me" });
  });

  test("a filled honeypot looks like success but stores and mails nothing", async () => {
    const res = await post({ ...valid, website: "http://spam.example" });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/contact?verzonden=1");
    expect(await getDb().select().from(contactMessages)).toHaveLength(0);
    expect(await getDb().select().from(outbox)).toHaveLength(0);
  });

  test(`after ${CONTACT_RATE_LIMIT.max} messages from one IP address the next is refused, input kept`, async () => {
    for (let i = 0; i < CONTACT_RATE_LIMIT.max; i++) expect((await post(valid)).status).toBe(302);
    const res = await run<{ message: string; values: Record<string, string> }>(
      contact.action,
      makeRequest("/contact", { form: valid }),
    );
    expect(res.status).toBe(429);
    expect(res.data.message).toMatch(/Probeer het over een uur opnieuw/);
    expect(res.data.values.message).toBe(valid.message);
    expect(await getDb().select().from(contactMessages)).toHaveLength(CONTACT_RATE_LIMIT.max);
  });
});

describe("contact messages in the staff area", () => {
  test("staff see open messages and marking one handled is audited", async () => {
    await post(valid);
    const { user, cookie } = await loginAs(["ambtenaar"]);
    const list = await run<{ messages: { id: number; subject: string }[]; total: number }>(
      staffContact.loader,
      makeRequest("/beheer/contact", { cookie }),
    );
    expect(list.data.total).toBe(1);
    const id = list.data.messages[0]!.id;

    const res = await run(
      staffContact.action,
      makeRequest("/beheer/contact", { form: { id: String(id), handled: "ja" }, cookie }),
    );
    expect(res.status).toBe(200);
    const [row] = await getDb().select().from(contactMessages).where(eq(contactMessages.id, id));
    expect(row!.handled).toBe(true);
    const [entry] = await getDb().select().from(auditLog);
    expect(entry).toMatchObject({ actorId: user.id, action: "contact.handled", entityId: String(id) });

    const open = await run<{ total: number }>(
      staffContact.loader,
      makeRequest("/beheer/contact", { cookie }),
    );
    expect(open.data.total).toBe(0);
    const handled = await run<{ total: number }>(
      staffContact.loader,
      makeRequest("/beheer/contact?status=afgehandeld", { cookie }),
    );
    expect(handled.data.total).toBe(1);
  });

  test("an unknown message gives 404", async () => {
    const { cookie } = await loginAs(["beheerder"]);
    const res = await run(
      staffContact.action,
      makeRequest("/beheer/contact", { form: { id: "424242", handled: "ja" }, cookie }),
    );
    expect(res.status).toBe(404);
  });
});

describe("retention", () => {
  test("contact messages older than a year and old sent mails are deleted, newer ones kept", async () => {
    const db = getDb();
    const old = new Date(Date.now() - 400 * 86_400_000);
    await db.insert(contactMessages).values([
      { name: "Oud", email: "o@v.nl", subject: "s", message: "m", createdAt: old },
      { name: "Nieuw", email: "n@v.nl", subject: "s", message: "m" },
    ]);
    await db.insert(outbox).values([
      { to: "o@v.nl", subject: "s", text: "t", kind: "k", status: "sent", createdAt: old },
      { to: "q@v.nl", subject: "s", text: "t", kind: "k", status: "queued", createdAt: old },
      { to: "n@v.nl", subject: "s", text: "t", kind: "k", status: "stored" },
    ]);
    await pruneContactMessages(undefined, db);
    await pruneOutbox(undefined, db);
    expect((await db.select().from(contactMessages)).map((m) => m.name)).toEqual(["Nieuw"]);
    // A mail still waiting to be sent is never thrown away.
    expect((await db.select().from(outbox)).map((m) => m.to).sort()).toEqual(["n@v.nl", "q@v.nl"]);
  });
});
