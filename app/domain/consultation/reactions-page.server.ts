import { and, asc, desc, eq } from "drizzle-orm";
import {
  consultationDocuments,
  consultationPoints,
  consultationVersions,
  projects,
} from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import { suggestThemes } from "../insights/coding";
import { findPersonalData, personalDataLabels } from "../insights/personal-data";
import { paragraphsOf } from "./documents.server";
import { isDbId } from "./ids";
import { paragraphLabel } from "./paragraphs";
import { confirmedReactions } from "./public-document.server";

// The staff reactions page of one version (read side): confirmed reactions sorted by paragraph or theme
// (the open-answer theme suggestions of app/domain/insights help), with personal-data flags and points.
// The writes are in points.server.ts. docs/consultation.md.

/** A published version of the document: the given number, or the latest. */
export async function versionOf(documentId: number, db: Executor, number?: number) {
  // No number (or 0/NaN from an empty field) means the latest published version.
  if (!isDbId(documentId) || (number && !isDbId(number))) return null;
  const rows = await db
    .select()
    .from(consultationVersions)
    .where(
      and(
        eq(consultationVersions.documentId, documentId),
        eq(consultationVersions.status, "published"),
        number ? eq(consultationVersions.number, number) : undefined,
      ),
    )
    .orderBy(desc(consultationVersions.number))
    .limit(1);
  return rows[0] ?? null;
}

export type ReactionSort = "paragraph" | "theme";

/** The reactions page: confirmed reactions of one published version with flags, suggestions and points. */
export async function reactionsPage(
  documentId: number,
  db: Executor,
  options: { version?: number; sort?: ReactionSort } = {},
) {
  if (!isDbId(documentId)) return null;
  const [doc] = await db
    .select({ doc: consultationDocuments, projectSlug: projects.slug })
    .from(consultationDocuments)
    .innerJoin(projects, eq(projects.id, consultationDocuments.projectId))
    .where(eq(consultationDocuments.id, documentId));
  if (!doc) return null;
  const versions = await db
    .select({ number: consultationVersions.number, status: consultationVersions.status })
    .from(consultationVersions)
    .where(eq(consultationVersions.documentId, documentId))
    .orderBy(asc(consultationVersions.number));
  const version = await versionOf(documentId, db, options.version);
  if (!version)
    return { ...doc, versions, version: null, paragraphs: [], reactions: [], points: [], later: [] };
  const [paragraphs, reactionRows, pointRows, laterVersion] = await Promise.all([
    paragraphsOf(version.id, db),
    confirmedReactions(version.id, db),
    db
      .select()
      .from(consultationPoints)
      .where(eq(consultationPoints.versionId, version.id))
      .orderBy(asc(consultationPoints.id)),
    db
      .select()
      .from(consultationVersions)
      .where(and(eq(consultationVersions.documentId, documentId)))
      .orderBy(desc(consultationVersions.number))
      .limit(1),
  ]);
  const labelOf = new Map(paragraphs.map((p) => [p.id, paragraphLabel(p)]));
  const position = new Map(paragraphs.map((p) => [p.id, p.position]));
  const reactions = reactionRows.map((r) => ({
    ...r,
    paragraphLabel: r.paragraphId ? (labelOf.get(r.paragraphId) ?? null) : null,
    suggestedTheme: suggestThemes(r.text)[0]?.theme ?? null,
    personalData:
      r.publicText === null ? findPersonalData(r.text).map((h) => personalDataLabels[h.kind]) : [],
  }));
  const sort = options.sort ?? "paragraph";
  reactions.sort((a, b) =>
    sort === "theme"
      ? (a.theme ?? 99) - (b.theme ?? 99) || a.id - b.id
      : (a.paragraphId ? (position.get(a.paragraphId) ?? 0) : 0) -
          (b.paragraphId ? (position.get(b.paragraphId) ?? 0) : 0) || a.id - b.id,
  );
  // The change can be linked to a paragraph of the newest version after this one (draft or published).
  const latest = laterVersion[0];
  const later = latest && latest.number > version.number ? await paragraphsOf(latest.id, db) : [];
  return {
    ...doc,
    versions,
    version,
    paragraphs,
    reactions,
    points: pointRows.map((p) => ({
      ...p,
      paragraphLabel: p.paragraphId ? (labelOf.get(p.paragraphId) ?? null) : null,
      reactionIds: reactionRows.filter((r) => r.pointId === p.id).map((r) => r.id),
    })),
    later: later.map((p) => ({
      id: p.id,
      label: `${latest!.number}: ${paragraphLabel(p)} ${p.text.slice(0, 60)}`,
    })),
  };
}
