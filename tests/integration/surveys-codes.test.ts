import { beforeEach, describe, expect, test } from "vitest";
import { createPersonalCodes, listCodeUse, lookupCode } from "../../app/domain/surveys/codes.server";
import { getDb } from "../../app/lib/db.server";
import { surveys } from "../../db/schema";
import { resetDatabase } from "../support/db";

beforeEach(resetDatabase);

describe("personal codes", () => {
  test("codes are stored as hashes and link to the survey", async () => {
    const db = getDb();
    const [survey] = await db
      .insert(surveys)
      .values({ slug: "panel-test", title: "Panel", accessMode: "code" })
      .returning();
    const codes = await createPersonalCodes(survey!.id, 3, "panel", db, ["p1", "p2", "p3"]);
    expect(codes).toHaveLength(3);
    expect(codes[0]!.link).toMatch(/\/enquete\/panel-test\?code=[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const stored = await db.select().from(surveys);
    expect(JSON.stringify(stored)).not.toContain(codes[0]!.code);
    const found = await lookupCode(survey!.id, codes[1]!.code.toLowerCase(), db);
    expect(found).toMatchObject({ status: "available", codeId: codes[1]!.codeId, respondentId: "p2" });
    expect(await lookupCode(survey!.id, "AAAA-BBBB-CCCC", db)).toEqual({ status: "unknown" });
    const use = await listCodeUse(survey!.id, db);
    expect(use.map((u) => [u.codeId, u.started, u.usedAt])).toEqual(
      codes.map((c) => [c.codeId, false, null]),
    );
  });
});
