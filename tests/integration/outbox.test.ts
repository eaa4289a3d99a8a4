import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { pruneOutbox } from "../../app/domain/platform/outbox.server";
import { getDb } from "../../app/lib/db.server";
import { queueMail } from "../../app/lib/mail.server";
import * as list from "../../app/routes/beheer.uitgaande-mail";
import * as detail from "../../app/routes/beheer.uitgaande-mail_.$id";
import { loginAs, resetDatabase } from "../support/db";
import { makeRequest, run } from "../support/remix";

beforeEach(resetDatabase);

type ListPage = {
  rows: { id: number; to: string; kind: string }[];
  total: number;
  kinds: { value: string }[];
};

describe("outgoing mail page", () => {
  test("lists the outbox, filtered by kind and by part of the recipient", async () => {
    const { cookie } = await loginAs(["beheerder"]);
    const db = getDb();
    await queueMail({ to: "a@voorbeeld.nl", subject: "Een", text: "1", kind: "contact.confirmation" }, db);
    await queueMail({ to: "b@voorbeeld.nl", subject: "Twee", text: "2", kind: "contact.confirmation" }, db);
    await queueMail(
      {
        to: "info@heemstede.nl",
        subject: "Drie",
        text: "3",
        kind: "contact.notification",
      },
      db,
    );
    const get = (q: string) =>
      run<ListPage>(list.loader, makeRequest(`/beheer/uitgaande-mail?${q}`, { cookie }));

    const all = await get("");
    expect(all.data.total).toBe(3);
    expect(all.data.kinds.map((k) => k.value)).toEqual(["contact.confirmation", "contact.notification"]);
    expect((await get("soort=contact.confirmation")).data.total).toBe(2);
    expect((await get("aan=HEEMSTEDE")).data.rows.map((r) => r.to)).toEqual(["info@heemstede.nl"]);
    // LIKE wildcards are searched for literally.
    expect((await get("aan=%25")).data.total).toBe(0);
  });

  test("one mail shows its text, and an unknown id gives 404", async () => {
    const { cookie } = await loginAs(["beheerder"]);
    const id = await queueMail(
      {
        to: "a@voorbeeld.nl",
        subject: "Met <b>tekens</b>",
        text: "Regel 1\n<script>alert(1)</script>",
        kind: "test",
      },
      getDb(),
    );
    const res = await run<{ mail: { text: string; status: string } }>(
      detail.loader,
      makeRequest(`/beheer/uitgaande-mail/${id}`, { cookie }),
      { id: String(id) },
    );
    expect(res.data.mail.text).toBe("Regel 1\n<script>alert(1)</script>");
    expect(res.data.mail.status).toBe("stored");
    for (const bad of ["424242", "abc", "1e3", "-1"]) {
      const missing = await run(detail.loader, makeRequest(`/beheer/uitgaande-mail/${bad}`, { cookie }), {
        id: bad,
      });
      expect(missing.status).toBe(404);
    }
  });

  test("staff see no personal link, no code and no panel member's address", async () => {
    const { cookie } = await loginAs(["beheerder"]);
    const token = "Zk3_9aQ-xY7bT2mN8pL4vR6sW1cE5dH0jK3fG9uI2oP";
    const db = getDb();
    const follow = await queueMail(
      {
        to: "initiatiefnemer@voorbeeld.nl",
        subject: "Uw idee",
        text: `Volg uw idee: http://localhost:3000/idee/volgen/${token}`,
        kind: "initiative.submitted",
      },
      db,
    );
    const invite = await queueMail(
      {
        to: "lid@voorbeeld.nl",
        subject: "Uitnodiging",
        text: "Doe mee: http://localhost:3000/enquete/woonvisie?code=ABCD-EFGH-JKM2 (code ABCD-EFGH-JKM2)",
        headers: { "List-Unsubscribe": `<http://localhost:3000/digipanel/afmelden/${token}>` },
        kind: "panel.invitation",
      },
      db,
    );
    const open = (id: number) =>
      run<{ mail: { to: string; text: string; headers: Record<string, string> } }>(
        detail.loader,
        makeRequest(`/beheer/uitgaande-mail/${id}`, { cookie }),
        { id: String(id) },
      );
    const a = (await open(follow)).data.mail;
    expect(a.text).toBe("Volg uw idee: [persoonlijke link]");
    const b = (await open(invite)).data.mail;
    expect(b.to).toBe("[lid van het digipanel]");
    expect(b.text).toBe("Doe mee: [persoonlijke link] (code [persoonlijke code])");
    expect(b.headers["List-Unsubscribe"]).toBe("<[persoonlijke link]>");
    const page = await run<ListPage>(list.loader, makeRequest("/beheer/uitgaande-mail", { cookie }));
    expect(JSON.stringify(page.data)).not.toContain("lid@voorbeeld.nl");
    // Searching for the address does not find it either.
    const search = await run<ListPage>(
      list.loader,
      makeRequest("/beheer/uitgaande-mail?aan=lid%40voorbeeld", { cookie }),
    );
    expect(search.data.total).toBe(0);
  });

  test("the retention job deletes a mail's text a week after delivery, waiting mail untouched", async () => {
    const db = getDb();
    const old = await queueMail(
      {
        to: "lid@voorbeeld.nl",
        subject: "Oud",
        text: "x",
        kind: "panel.login",
      },
      db,
    );
    const recent = await queueMail({ to: "a@voorbeeld.nl", subject: "Nieuw", text: "y", kind: "test" }, db);
    const waiting = await queueMail({ to: "b@voorbeeld.nl", subject: "Wacht", text: "z", kind: "test" }, db);
    await db.execute(
      sql`update outbox set status = 'sent', sent_at = now() - interval '8 days' where id = ${old}`,
    );
    await db.execute(
      sql`update outbox set status = 'sent', sent_at = now() - interval '6 days' where id = ${recent}`,
    );
    await db.execute(
      sql`update outbox set status = 'queued', created_at = now() - interval '30 days' where id = ${waiting}`,
    );
    expect(await pruneOutbox(undefined, db)).toEqual({ purged: 1, deleted: 0 });
    const rows = await db.execute<{ id: number; text: string; to: string }>(
      sql`select id, text, "to" from outbox order by id`,
    );
    expect(rows.map((r) => [r.text, r.to])).toEqual([
      ["", ""],
      ["y", "a@voorbeeld.nl"],
      ["z", "b@voorbeeld.nl"],
    ]);
    const { cookie } = await loginAs(["beheerder"]);
    const page = await run<{ mail: { purged: boolean } }>(
      detail.loader,
      makeRequest(`/beheer/uitgaande-mail/${old}`, { cookie }),
      { id: String(old) },
    );
    expect(page.data.mail.purged).toBe(true);
    expect(await pruneOutbox(undefined, db)).toEqual({ purged: 0, deleted: 0 });
  });
});
