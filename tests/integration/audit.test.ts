import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import type { AuditAction } from "../../app/domain/audit/actions";
import { audit } from "../../app/domain/audit/audit.server";
import { getDb } from "../../app/lib/db.server";
import * as auditRoute from "../../app/routes/beheer.audit";
import { auditLog } from "../../db/schema";
import { createStaff, loginAs, resetDatabase } from "../support/db";
import { makeRequest, run } from "../support/remix";

beforeEach(resetDatabase);

type Page = {
  rows: { action: string; actorName: string | null }[];
  total: number;
  errors: Record<string, string>;
  users: { value: string }[];
  actions: { value: string }[];
};

async function seedLog() {
  const anna = await createStaff(["beheerder"], { name: "Anna" });
  const bert = await createStaff(["ambtenaar"], { name: "Bert" });
  const db = getDb();
  const entries: [typeof anna, AuditAction, string][] = [
    [anna, "staff_user.invited", "2026-03-01T10:00:00Z"],
    [anna, "staff_user.roles_changed", "2026-03-02T23:30:00Z"], // 3 March, 00:30 in Heemstede
    [bert, "contact.handled", "2026-03-03T08:00:00Z"],
    [bert, "contact.handled", "2026-03-05T08:00:00Z"],
  ];
  for (const [actor, action, at] of entries) {
    await audit(actor, { action, entityType: "x" }, db);
    // Backdate the line just written; audit() itself always uses now().
    await db.execute(sql`update audit_log set at = ${at} where id = (select max(id) from audit_log)`);
  }
  return { anna, bert };
}

describe("audit log page", () => {
  test("filters by user, action and Dutch calendar days", async () => {
    const { cookie } = await loginAs(["beheerder"]);
    const { anna, bert } = await seedLog();
    const get = (q: string) => run<Page>(auditRoute.loader, makeRequest(`/beheer/audit?${q}`, { cookie }));

    expect((await get("")).data.total).toBe(4);
    expect((await get(`gebruiker=${anna.id}`)).data.total).toBe(2);
    expect((await get(`gebruiker=${bert.id}&actie=contact.handled`)).data.total).toBe(2);
    expect((await get("actie=staff_user")).data.total).toBe(2);
    // 23:30 UTC on 2 March is 00:30 on 3 March in the Netherlands.
    expect((await get("van=2026-03-03&tot=2026-03-03")).data.rows.map((r) => r.action)).toEqual([
      "contact.handled",
      "staff_user.roles_changed",
    ]);
    expect((await get("van=1-3-2026&tot=2-3-2026")).data.total).toBe(1);

    const page = (await get("")).data;
    expect(page.actions).toEqual([
      { value: "contact.handled", label: "Contactbericht afgehandeld" },
      { value: "staff_user.invited", label: "Gebruiker uitgenodigd" },
      { value: "staff_user.roles_changed", label: "Rollen van een gebruiker gewijzigd" },
    ]);
    expect(page.users.map((u) => u.value)).toEqual(expect.arrayContaining([anna.id, bert.id]));
  });

  test("a date that does not exist gets a message at the field; the other filters still apply", async () => {
    const { cookie } = await loginAs(["beheerder"]);
    await seedLog();
    const res = await run<Page>(
      auditRoute.loader,
      makeRequest("/beheer/audit?van=31-02-2026&tot=2026-03-01", { cookie }),
    );
    expect(res.data.errors.van).toMatch(/bestaande datum/);
    expect(res.data.total).toBe(4);
    const reversed = await run<Page>(
      auditRoute.loader,
      makeRequest("/beheer/audit?van=2026-03-05&tot=2026-03-01", { cookie }),
    );
    expect(reversed.data.errors.tot).toBe("De einddatum ligt voor de begindatum.");
  });

  test("pages hold 50 lines", async () => {
    const { cookie } = await loginAs(["beheerder"]);
    await getDb()
      .insert(auditLog)
      .values(Array.from({ length: 60 }, (_, i) => ({ action: `test.${i}`, entityType: "x" })));
    const first = await run<Page>(auditRoute.loader, makeRequest("/beheer/audit", { cookie }));
    const second = await run<Page>(auditRoute.loader, makeRequest("/beheer/audit?pagina=2", { cookie }));
    expect(first.data.rows).toHaveLength(50);
    expect(second.data.rows).toHaveLength(10);
  });

  test("the vocabulary migration rewrites old Dutch and English codes, and leaves current ones alone", async () => {
    const db = getDb();
    await db.insert(auditLog).values([
      { action: "initiative.status_changed", entityType: "initiative" },
      { action: "initiative.map_details_changed", entityType: "initiative" },
      { action: "survey.closed", entityType: "survey" },
      { action: "contact.handled", entityType: "contact_message" },
    ]);
    await db.execute(sql.raw(readFileSync("migrations/0009_audit_vocabulary.sql", "utf8")));
    const rows = await db.select({ action: auditLog.action }).from(auditLog).orderBy(auditLog.id);
    expect(rows.map((r) => r.action)).toEqual([
      "initiative.status_changed",
      "initiative.map_details_changed",
      "survey.closed",
      "contact.handled",
    ]);
  });
});
