import { beforeEach, describe, expect, test } from "vitest";
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
    await queueMail(db, { to: "a@voorbeeld.nl", subject: "Een", text: "1", kind: "contact.confirmation" });
    await queueMail(db, { to: "b@voorbeeld.nl", subject: "Twee", text: "2", kind: "contact.confirmation" });
    await queueMail(db, {
      to: "info@heemstede.nl",
      subject: "Drie",
      text: "3",
      kind: "contact.notification",
    });
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
    const id = await queueMail(getDb(), {
      to: "a@voorbeeld.nl",
      subject: "Met <b>tekens</b>",
      text: "Regel 1\n<script>alert(1)</script>",
      kind: "test",
    });
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
});
