import { asc, desc, eq, sql } from "drizzle-orm";
import { consultationDocuments, consultationVersions, projects } from "../../../db/schema";
import { instantToAmsterdamLocal } from "../../lib/amsterdam-time";
import type { Executor } from "../../lib/db.server";
import { importedMessage, paragraphsOf } from "./documents.server";
import { isDbId } from "./ids";
import { toEditorText } from "./paragraphs";

// What the staff pages of concept documents read: the list of documents and one document's page.

export async function listDocuments(db: Executor) {
  const docs = await db
    .select({
      id: consultationDocuments.id,
      title: consultationDocuments.title,
      projectTitle: projects.title,
      projectSlug: projects.slug,
      reactionStartsAt: consultationDocuments.reactionStartsAt,
      reactionEndsAt: consultationDocuments.reactionEndsAt,
      isDemo: consultationDocuments.isDemo,
      reactions: sql<number>`(select count(*)::int from consultation_reactions r
        join consultation_versions v on v.id = r.version_id
        where v.document_id = ${consultationDocuments.id} and r.status = 'confirmed')`,
    })
    .from(consultationDocuments)
    .innerJoin(projects, eq(projects.id, consultationDocuments.projectId))
    .orderBy(asc(projects.title));
  const free = await db
    .select({ id: projects.id, title: projects.title })
    .from(projects)
    .where(sql`not exists (select 1 from consultation_documents d where d.project_id = ${projects.id})`)
    .orderBy(asc(projects.title));
  return { docs, projectsWithoutDocument: free };
}

/**
 * The staff page of one document. `afterImport`: the page is loaded afresh after a Word import (a redirect
 * with ?ingelezen=1), so the text field and the message come from one read.
 */
export async function documentPage(id: number, db: Executor, afterImport = false) {
  if (!isDbId(id)) return null;
  const [doc] = await db
    .select({ doc: consultationDocuments, projectTitle: projects.title, projectSlug: projects.slug })
    .from(consultationDocuments)
    .innerJoin(projects, eq(projects.id, consultationDocuments.projectId))
    .where(eq(consultationDocuments.id, id));
  if (!doc) return null;
  const versions = await db
    .select({
      version: consultationVersions,
      // Qualified by hand: drizzle writes a column of the only table in the query unqualified, and inside
      // the subquery that name would mean the subquery's own id.
      paragraphs: sql<number>`(select count(*)::int from consultation_paragraphs p where p.version_id = consultation_versions.id)`,
      reactions: sql<number>`(select count(*)::int from consultation_reactions r where r.version_id = consultation_versions.id and r.status = 'confirmed')`,
    })
    .from(consultationVersions)
    .where(eq(consultationVersions.documentId, id))
    .orderBy(desc(consultationVersions.number));
  const draft = versions.find((v) => v.version.status === "draft")?.version ?? null;
  const draftText = draft ? toEditorText(await paragraphsOf(draft.id, db)) : "";
  const draftParagraphs = versions.find((v) => v.version.status === "draft")?.paragraphs ?? 0;
  return {
    ...doc,
    imported: afterImport ? importedMessage(draftParagraphs) : null,
    period: {
      start: doc.doc.reactionStartsAt ? instantToAmsterdamLocal(doc.doc.reactionStartsAt) : "",
      end: doc.doc.reactionEndsAt ? instantToAmsterdamLocal(doc.doc.reactionEndsAt) : "",
    },
    versions,
    draft,
    draftText,
  };
}
