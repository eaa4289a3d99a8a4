// The resident's side of a consultation, reading (docs/consultation.md): the document paragraph by paragraph
// with the confirmed reactions, the change overview and whether a reactienota is out. Names and e-mail
// addresses never leave this file towards a page.
import { and, asc, desc, eq, isNotNull, ne } from "drizzle-orm";
import {
  consultationDocuments,
  consultationParagraphs,
  consultationReactions,
  consultationVersions,
  projects,
} from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { findPersonalData } from "../insights/personal-data";
import { changeOverview } from "./change-overview";
import { isDbId } from "./ids";
import { paragraphLabel } from "./paragraphs";
import { periodState, publicRespondent } from "./reactions";

export const consultationUrls = {
  document: (slug: string) => `/meedenken/${slug}/document`,
  react: (slug: string, paragraphId?: number | null) =>
    `/meedenken/${slug}/reageren${paragraphId ? `?alinea=${paragraphId}` : ""}`,
  reaction: (slug: string, token: string) => `${getEnv().APP_URL}/meedenken/${slug}/reactie/${token}`,
  nota: (slug: string, version: number) => `/meedenken/${slug}/reactienota/${version}`,
  changes: (slug: string, from: number, to: number) =>
    `/meedenken/${slug}/wijzigingen?van=${from}&naar=${to}`,
};

export async function documentOf(slug: string, db: Executor) {
  const [row] = await db
    .select({ doc: consultationDocuments, project: projects })
    .from(consultationDocuments)
    .innerJoin(projects, eq(projects.id, consultationDocuments.projectId))
    .where(and(eq(projects.slug, slug), ne(projects.status, "draft")));
  return row ?? null;
}

export async function publishedVersions(documentId: number, db: Executor) {
  return db
    .select()
    .from(consultationVersions)
    .where(and(eq(consultationVersions.documentId, documentId), eq(consultationVersions.status, "published")))
    .orderBy(desc(consultationVersions.number));
}

/**
 * Whether a reaction text holds likely personal data. A reaction's text never changes, and the public
 * document shows thousands of them on every view, so the verdict is kept per text (bounded).
 */
const verdicts = new Map<string, boolean>();

const MAX_VERDICTS = 20_000;

function holdsPersonalData(text: string): boolean {
  let verdict = verdicts.get(text);
  if (verdict === undefined) {
    verdict = findPersonalData(text).length > 0;
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    verdicts.set(text, verdict);
  }
  return verdict;
}

/** The text of a confirmed reaction as it may be shown: cleared by staff, or free of likely personal data. */
export function shownText(r: { text: string; publicText: string | null }): string | null {
  if (r.publicText !== null) return r.publicText;
  return holdsPersonalData(r.text) ? null : r.text;
}

/** For the project page: the document, its period and which versions have a reactienota. */
export async function projectConsultation(projectId: number, db: Executor, now = new Date()) {
  const [doc] = await db
    .select()
    .from(consultationDocuments)
    .where(eq(consultationDocuments.projectId, projectId));
  if (!doc) return null;
  const versions = await publishedVersions(doc.id, db);
  if (!versions.length) return null;
  return {
    title: doc.title,
    period: periodState(doc, now),
    startsAt: doc.reactionStartsAt,
    endsAt: doc.reactionEndsAt,
    latest: versions[0]!.number,
    notas: versions.filter((v) => v.notaPublishedAt).map((v) => v.number),
  };
}

/** The paragraphs of a version in order, with what the public document and the reactienota show of them. */
export function paragraphTexts(versionId: number, db: Executor) {
  return db
    .select({
      id: consultationParagraphs.id,
      chapter: consultationParagraphs.chapter,
      chapterTitle: consultationParagraphs.chapterTitle,
      number: consultationParagraphs.number,
      text: consultationParagraphs.text,
    })
    .from(consultationParagraphs)
    .where(eq(consultationParagraphs.versionId, versionId))
    .orderBy(asc(consultationParagraphs.position));
}

/**
 * The confirmed reactions on a version, in the order they came in: what the public document shows (by
 * paragraph, without names) and what the staff reactions page groups into points.
 */
export function confirmedReactions(versionId: number, db: Executor) {
  return db
    .select({
      id: consultationReactions.id,
      versionId: consultationReactions.versionId,
      paragraphId: consultationReactions.paragraphId,
      kind: consultationReactions.kind,
      organisationName: consultationReactions.organisationName,
      organisationRole: consultationReactions.organisationRole,
      text: consultationReactions.text,
      publicText: consultationReactions.publicText,
      theme: consultationReactions.theme,
      pointId: consultationReactions.pointId,
    })
    .from(consultationReactions)
    .where(and(eq(consultationReactions.versionId, versionId), eq(consultationReactions.status, "confirmed")))
    .orderBy(asc(consultationReactions.id));
}

/**
 * The public document page: one published version (the latest unless asked), paragraph by paragraph with
 * the confirmed reactions made on exactly that version and paragraph.
 */
export async function publicDocument(slug: string, db: Executor, versionNumber?: number, now = new Date()) {
  const found = await documentOf(slug, db);
  if (!found) return null;
  const versions = await publishedVersions(found.doc.id, db);
  const version = versionNumber ? versions.find((v) => v.number === versionNumber) : versions[0];
  if (!version) return null;
  const [paragraphs, reactions] = await Promise.all([
    paragraphTexts(version.id, db),
    confirmedReactions(version.id, db),
  ]);
  const byParagraph = new Map<number | null, { id: number; who: string; text: string | null }[]>();
  for (const r of reactions) {
    const list = byParagraph.get(r.paragraphId) ?? [];
    list.push({ id: r.id, who: publicRespondent(r), text: shownText(r) });
    byParagraph.set(r.paragraphId, list);
  }
  const chapters: {
    chapter: number;
    title: string;
    paragraphs: ((typeof paragraphs)[number] & {
      label: string;
      reactions: { id: number; who: string; text: string | null }[];
    })[];
  }[] = [];
  for (const p of paragraphs) {
    let ch = chapters.at(-1);
    if (!ch || ch.chapter !== p.chapter) {
      ch = { chapter: p.chapter, title: p.chapterTitle, paragraphs: [] };
      chapters.push(ch);
    }
    ch.paragraphs.push({ ...p, label: paragraphLabel(p), reactions: byParagraph.get(p.id) ?? [] });
  }
  return {
    project: { slug: found.project.slug, title: found.project.title },
    title: found.doc.title,
    isDemo: found.doc.isDemo,
    period: periodState(found.doc, now),
    startsAt: found.doc.reactionStartsAt,
    endsAt: found.doc.reactionEndsAt,
    version: { number: version.number, publishedAt: version.publishedAt, hasNota: !!version.notaPublishedAt },
    isLatest: version.id === versions[0]!.id,
    versions: versions.map((v) => ({ number: v.number, hasNota: !!v.notaPublishedAt })),
    chapters,
    wholeDocument: byParagraph.get(null) ?? [],
    reactionCount: reactions.length,
  };
}

/** The change overview between two published versions, paragraph by paragraph. */
export async function publicChanges(slug: string, from: number, to: number, db: Executor) {
  const found = await documentOf(slug, db);
  if (!found) return null;
  const versions = await publishedVersions(found.doc.id, db);
  const a = versions.find((v) => v.number === from);
  const b = versions.find((v) => v.number === to);
  if (!a || !b || a.id === b.id) return null;
  const load = (versionId: number) =>
    db
      .select()
      .from(consultationParagraphs)
      .where(eq(consultationParagraphs.versionId, versionId))
      .orderBy(asc(consultationParagraphs.position));
  const [before, after] = await Promise.all([load(a.id), load(b.id)]);
  return {
    project: { slug: found.project.slug, title: found.project.title },
    title: found.doc.title,
    from,
    to,
    changes: changeOverview(before, after),
  };
}

export async function hasNota(slug: string, version: number, db: Executor): Promise<boolean> {
  if (!isDbId(version)) return false;
  const found = await documentOf(slug, db);
  if (!found) return false;
  const [v] = await db
    .select({ id: consultationVersions.id })
    .from(consultationVersions)
    .where(
      and(
        eq(consultationVersions.documentId, found.doc.id),
        eq(consultationVersions.number, version),
        isNotNull(consultationVersions.notaPublishedAt),
      ),
    );
  return !!v;
}
