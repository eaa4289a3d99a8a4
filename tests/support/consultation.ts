// The consultation fixture shared by the integration tests: a project with a concept document, its text,
// a reaction period of 1-15 December 2026 (Amsterdam) and version 1 published.
import { expect } from "vitest";
import { createDocument, handleDocumentPost } from "../../app/domain/consultation/documents.server";
import { publicDocument } from "../../app/domain/consultation/public-document.server";
import { getDb } from "../../app/lib/db.server";
import { projects } from "../../db/schema";
import { createStaff } from "./db";

/** A moment inside the reaction period. */
export const DURING = new Date("2026-12-05T12:00:00Z");
/** A moment after the reaction period. */
export const AFTER = new Date("2026-12-20T12:00:00Z");

export function form(values: Record<string, string | string[]>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) for (const item of [v].flat()) f.append(k, item);
  return f;
}

/**
 * Project "woonvisie" with the document "Concept-Woonvisie" in the editor format `text`, its period set and
 * version 1 published, by a new ambtenaar. `post` sends a staff intent on the document (at DURING unless
 * given); `page` is the public document page during the period.
 */
export async function publishedConsultation(text: string) {
  const db = getDb();
  const staff = await createStaff(["ambtenaar"]);
  const actor = { id: staff.id, email: staff.email };
  const [project] = await db.insert(projects).values({ slug: "woonvisie", title: "Woonvisie" }).returning();
  const created = await createDocument(
    actor,
    form({ project: String(project!.id), titel: "Concept-Woonvisie" }),
    db,
  );
  if (!created.ok) throw new Error("not created");
  const id = created.id;
  const post = (values: Record<string, string>, now = DURING) =>
    handleDocumentPost(actor, id, form(values), getDb(), now);
  expect((await post({ intent: "save", tekst: text })).ok).toBe(true);
  expect((await post({ intent: "period", start: "2026-12-01T09:00", einde: "2026-12-15T23:59" })).ok).toBe(
    true,
  );
  expect((await post({ intent: "publish" })).ok).toBe(true);
  const page = (await publicDocument("woonvisie", db, undefined, DURING))!;
  return { actor, id, post, page };
}
