import { beforeEach, describe, expect, test } from "vitest";
import { listProjectsWithSurveys } from "../../app/domain/insights/report.server";
import { getDb } from "../../app/lib/db.server";
import { inputItems, projects, surveys } from "../../db/schema";
import { resetDatabase } from "../support/db";

// Counts written as a subquery next to a query on one table: drizzle writes that table's columns bare
// ("id"), which inside the subquery would name the subquery's own column. These lists count per row.

beforeEach(resetDatabase);

describe("counts per row in staff lists", () => {
  test("surveys and input items per project", async () => {
    const [a, b] = await getDb()
      .insert(projects)
      .values([
        { slug: "a", title: "A" },
        { slug: "b", title: "B" },
      ])
      .returning();
    await getDb()
      .insert(surveys)
      .values([
        { slug: "s1", title: "S1", projectId: a!.id },
        { slug: "s2", title: "S2", projectId: a!.id },
        { slug: "s3", title: "S3", projectId: b!.id },
      ]);
    await getDb().insert(inputItems).values({
      projectId: b!.id,
      theme: 1,
      source: "residents_evening",
      title: "Avond",
      text: "Tekst",
      itemDate: "2026-11-01",
    });
    const rows = await listProjectsWithSurveys(getDb());
    expect(rows.map((r) => [r.title, r.surveys, r.inputItems])).toEqual([
      ["A", 2, 0],
      ["B", 1, 1],
    ]);
  });
});
