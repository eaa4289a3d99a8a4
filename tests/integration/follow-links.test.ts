import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { pruneFollowLinks } from "../../app/domain/initiatives/follow-links.server";
import { getDb } from "../../app/lib/db.server";
import { createToken, hashToken } from "../../app/lib/tokens.server";
import * as followRoute from "../../app/routes/idee.volgen.$token";
import { initiativeFollowTokens } from "../../db/schema";
import { resetDatabase } from "../support/db";
import { createInitiative } from "../support/map-fixtures";
import { makeRequest, run } from "../support/remix";

beforeEach(resetDatabase);

async function linkUnusedFor(days: number) {
  const idea = await createInitiative({
    answers: {
      parties: ["neighbours"],
      partyCount: "few",
      impact: "small",
      interests: "some",
      otherPlans: "no",
      publicSpace: "yes",
      permit: "unknown",
      policy: "fits",
      contribution: ["time"],
      budget: "1500",
      timing: "this_year",
    },
  });
  const token = createToken();
  await getDb()
    .insert(initiativeFollowTokens)
    .values({ tokenHash: hashToken(token), initiativeId: idea.id });
  await getDb().execute(
    sql`update initiative_follow_tokens set last_used_at = now() - make_interval(days => ${days}), created_at = now() - make_interval(days => ${days})
         where token_hash = ${hashToken(token)}`,
  );
  return token;
}

const open = (token: string) => run(followRoute.loader, makeRequest(`/idee/volgen/${token}`), { token });

describe("follow links expire after a period without use", () => {
  test("a link used within 60 days works, and opening it counts as use", async () => {
    const token = await linkUnusedFor(59);
    expect((await open(token)).status).toBe(200);
    const [row] = await getDb().select().from(initiativeFollowTokens);
    expect(Date.now() - row!.lastUsedAt.getTime()).toBeLessThan(60_000);
  });

  test("a link unused for over 60 days leads to the page that mails a new one; actions are refused", async () => {
    const token = await linkUnusedFor(61);
    const res = await open(token);
    expect(res.status).toBe(302);
    expect(res.location).toBe("/idee/volgen?verlopen=1");
    const post = await run(
      followRoute.action,
      makeRequest(`/idee/volgen/${token}`, { form: { intent: "message", bericht: "hallo" } }),
      { token },
    );
    expect(post.status).toBe(404);
    // A link that never existed stays a plain 404.
    expect((await open(createToken())).status).toBe(404);
  });

  test("the retention job deletes links a year after they expired", async () => {
    await linkUnusedFor(61 + 365);
    const kept = await linkUnusedFor(100);
    expect(await pruneFollowLinks(getDb())).toBe(1);
    const rows = await getDb().select().from(initiativeFollowTokens);
    expect(rows.map((r) => r.tokenHash)).toEqual([hashToken(kept)]);
  });
});
