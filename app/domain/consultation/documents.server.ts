import { and, asc, count, desc, eq } from "drizzle-orm";
import { z } from "zod";
import {
  consultationDocuments,
  consultationParagraphs,
  consultationVersions,
  projects,
} from "../../../db/schema";
import { amsterdamToInstant } from "../../lib/amsterdam-time";
import type { Executor } from "../../lib/db.server";
import { type FieldErrors, type FormValues, firstErrors, parseForm } from "../../lib/forms";
import { type Actor, audit } from "../audit/audit.server";
import { readDocx } from "./docx.server";
import { isDbId, MAX_DB_INT } from "./ids";
import { type ParagraphInput, parseEditorText } from "./paragraphs";

// Staff side of the concept document: create, edit or import a draft version, set the reaction period,
// publish (a published version is frozen), start a new version. docs/consultation.md.

export type DocumentRow = typeof consultationDocuments.$inferSelect;
export type VersionRow = typeof consultationVersions.$inferSelect;

const createSchema = z.object({
  project: z.coerce
    .number({ message: "Kies een project." })
    .int("Kies een project.")
    .positive("Kies een project.")
    .max(MAX_DB_INT, "Kies een project."),
  titel: z.string().trim().min(3, "Geef het document een titel van minstens 3 tekens.").max(200),
});

export type FormOutcome<T = object> =
  | ({ ok: true; message: string } & T)
  | { ok: false; errors: FieldErrors; values: FormValues; status: 400 | 404 | 409 };

/** A new document for a project, with an empty draft version 1. */
export async function createDocument(
  actor: Actor,
  form: FormData,
  db: Executor,
): Promise<FormOutcome<{ id: number }>> {
  const parsed = parseForm(createSchema, form);
  if (!parsed.ok) return { ...parsed, status: 400 };
  const { project, titel } = parsed.data;
  return db.transaction(async (tx) => {
    const [p] = await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, project));
    if (!p)
      return { ok: false, errors: { project: "Kies een project." }, values: parsed.values, status: 400 };
    const [doc] = await tx
      .insert(consultationDocuments)
      .values({ projectId: project, title: titel })
      .onConflictDoNothing()
      .returning({ id: consultationDocuments.id });
    if (!doc)
      return {
        ok: false,
        errors: { project: "Dit project heeft al een inspraakdocument." },
        values: parsed.values,
        status: 409,
      };
    await tx.insert(consultationVersions).values({ documentId: doc.id, number: 1 });
    await audit(
      actor,
      {
        action: "consultation_document.created",
        entityType: "consultation_document",
        entityId: doc.id,
        details: { title: titel },
      },
      tx,
    );
    return { ok: true, id: doc.id, message: "Het document is aangemaakt." };
  });
}

export async function paragraphsOf(versionId: number, db: Executor) {
  return db
    .select()
    .from(consultationParagraphs)
    .where(eq(consultationParagraphs.versionId, versionId))
    .orderBy(asc(consultationParagraphs.position));
}

/** Everything the staff document page shows. */
/** What the document page says after a Word import (the notes on what was left out are listed with the draft). */
export const importedMessage = (paragraphs: number) =>
  `Het Word-bestand is ingelezen: ${paragraphs} alinea's.`;

const periodSchema = z
  .object({
    start: z.string().trim().min(1, "Vul in wanneer reageren kan beginnen."),
    einde: z.string().trim().min(1, "Vul in tot wanneer reageren kan."),
  })
  .transform((v, ctx) => {
    const start = amsterdamToInstant(v.start);
    const end = amsterdamToInstant(v.einde);
    if (!start)
      ctx.addIssue({ code: "custom", path: ["start"], message: "Vul een geldige datum en tijd in." });
    if (!end) ctx.addIssue({ code: "custom", path: ["einde"], message: "Vul een geldige datum en tijd in." });
    if (start && end && end <= start)
      ctx.addIssue({ code: "custom", path: ["einde"], message: "Het einde moet na het begin liggen." });
    return { start: start!, end: end! };
  });

const editorSchema = z.object({
  tekst: z
    .string()
    .max(500_000, "De tekst is te lang.")
    .refine((t) => parseEditorText(t).length > 0, "Typ minstens één alinea tekst."),
});

async function replaceDraftParagraphs(versionId: number, paragraphs: ParagraphInput[], tx: Executor) {
  await tx.delete(consultationParagraphs).where(eq(consultationParagraphs.versionId, versionId));
  for (let i = 0; i < paragraphs.length; i += 500)
    await tx
      .insert(consultationParagraphs)
      .values(paragraphs.slice(i, i + 500).map((p, j) => ({ ...p, versionId, position: i + j + 1 })));
}

export type DocumentIntent = "period" | "save" | "import" | "publish" | "new_version";
export type DocumentOutcome = FormOutcome & { intent?: DocumentIntent };

/** One staff post on an existing document, as the intent functions below get it. */
type DocumentPost = { actor: Actor; id: number; form: FormData; db: Executor; now: Date };

function draftOf(id: number, tx: Executor) {
  return tx
    .select()
    .from(consultationVersions)
    .where(and(eq(consultationVersions.documentId, id), eq(consultationVersions.status, "draft")))
    .for("update")
    .then((rows) => rows[0] ?? null);
}

function refused(
  intent: DocumentIntent,
  errors: FieldErrors,
  status: 400 | 404 | 409,
  values: FormValues = {},
): DocumentOutcome {
  return { ok: false, errors, values, status, intent };
}

const noDraft = (intent: DocumentIntent, values: FormValues = {}) =>
  refused(intent, { _form: "Er is geen conceptversie. Maak eerst een nieuwe versie." }, 409, values);

/** The reaction period: start and end in Amsterdam time, the end after the start. */
async function changePeriod({ actor, id, form, db, now }: DocumentPost): Promise<DocumentOutcome> {
  const intent = "period";
  const parsed = parseForm(periodSchema, form);
  if (!parsed.ok) return { ...parsed, status: 400, intent };
  return db.transaction(async (tx) => {
    await tx
      .update(consultationDocuments)
      .set({ reactionStartsAt: parsed.data.start, reactionEndsAt: parsed.data.end, updatedAt: now })
      .where(eq(consultationDocuments.id, id));
    await audit(
      actor,
      {
        action: "consultation_document.period_changed",
        entityType: "consultation_document",
        entityId: id,
        details: { from: parsed.data.start.toISOString(), to: parsed.data.end.toISOString() },
      },
      tx,
    );
    return { ok: true, intent, message: "De reactieperiode is opgeslagen." };
  });
}

/** The draft's text from the editor: it replaces the draft's paragraphs. */
async function saveDraftText({ actor, id, form, db }: DocumentPost): Promise<DocumentOutcome> {
  const intent = "save";
  const parsed = parseForm(editorSchema, form);
  if (!parsed.ok) return { ...parsed, status: 400, intent };
  return db.transaction(async (tx) => {
    const draft = await draftOf(id, tx);
    if (!draft) return noDraft(intent, parsed.values);
    const paragraphs = parseEditorText(parsed.data.tekst);
    await replaceDraftParagraphs(draft.id, paragraphs, tx);
    await tx
      .update(consultationVersions)
      .set({ source: "editor", importNotes: [] })
      .where(eq(consultationVersions.id, draft.id));
    await audit(
      actor,
      {
        action: "consultation_version.edited",
        entityType: "consultation_version",
        entityId: draft.id,
        details: { version: draft.number, count: paragraphs.length },
      },
      tx,
    );
    return { ok: true, intent, message: `De tekst is opgeslagen: ${paragraphs.length} alinea's.` };
  });
}

const importSchema = z.object({
  bestand: z
    .instanceof(File, { message: "Kies een Word-bestand (.docx)." })
    .refine((file) => file.size > 0, "Kies een Word-bestand (.docx)."),
});

/** A Word file read into the draft: its paragraphs replace the draft's, its notes are kept with it. */
async function importWordFile({ actor, id, form, db }: DocumentPost): Promise<DocumentOutcome> {
  const intent = "import";
  const parsed = importSchema.safeParse({ bestand: form.get("bestand") });
  // The file is never echoed back: the values stay empty.
  if (!parsed.success) return refused(intent, firstErrors(parsed.error), 400);
  const file = parsed.data.bestand;
  const read = await readDocx({
    size: file.size,
    bytes: file.size > 10 * 1024 * 1024 ? new Uint8Array() : new Uint8Array(await file.arrayBuffer()),
  });
  if (!read.ok) return refused(intent, { bestand: read.error }, 400);
  return db.transaction(async (tx) => {
    const draft = await draftOf(id, tx);
    if (!draft) return noDraft(intent);
    await replaceDraftParagraphs(draft.id, read.paragraphs, tx);
    const source = file.name.slice(0, 200) || "Word-bestand";
    await tx
      .update(consultationVersions)
      .set({ source, importNotes: read.notes })
      .where(eq(consultationVersions.id, draft.id));
    await audit(
      actor,
      {
        action: "consultation_version.imported",
        entityType: "consultation_version",
        entityId: draft.id,
        details: { version: draft.number, name: source, count: read.paragraphs.length },
      },
      tx,
    );
    return { ok: true, intent, message: importedMessage(read.paragraphs.length) };
  });
}

/** Publishing the draft (it has text): from then on it never changes. No form fields. */
async function publishDraft({ actor, id, db, now }: DocumentPost): Promise<DocumentOutcome> {
  const intent = "publish";
  return db.transaction(async (tx) => {
    const draft = await draftOf(id, tx);
    if (!draft) return noDraft(intent);
    const [n] = await tx
      .select({ n: count() })
      .from(consultationParagraphs)
      .where(eq(consultationParagraphs.versionId, draft.id));
    if (!n?.n)
      return refused(
        intent,
        { _form: "Deze versie heeft nog geen tekst. Typ de tekst of lees een Word-bestand in." },
        409,
      );
    await tx
      .update(consultationVersions)
      .set({ status: "published", publishedAt: now })
      .where(eq(consultationVersions.id, draft.id));
    await audit(
      actor,
      {
        action: "consultation_version.published",
        entityType: "consultation_version",
        entityId: draft.id,
        details: { version: draft.number },
      },
      tx,
    );
    return { ok: true, intent, message: `Versie ${draft.number} is gepubliceerd.` };
  });
}

/** A new draft version, a copy of the latest text (when there is no draft yet). No form fields. */
async function createNewVersion({ actor, id, db }: DocumentPost): Promise<DocumentOutcome> {
  const intent = "new_version";
  return db.transaction(async (tx) => {
    if (await draftOf(id, tx))
      return refused(intent, { _form: "Er is al een conceptversie. Werk die eerst af." }, 409);
    const [latest] = await tx
      .select()
      .from(consultationVersions)
      .where(eq(consultationVersions.documentId, id))
      .orderBy(desc(consultationVersions.number))
      .limit(1);
    const [created] = await tx
      .insert(consultationVersions)
      .values({ documentId: id, number: (latest?.number ?? 0) + 1, source: "editor" })
      .returning();
    // The new version starts as a copy of the latest text; the published one stays as it is.
    if (latest)
      await replaceDraftParagraphs(
        created!.id,
        (await paragraphsOf(latest.id, tx)).map(({ chapter, chapterTitle, number, text }) => ({
          chapter,
          chapterTitle,
          number,
          text,
        })),
        tx,
      );
    await audit(
      actor,
      {
        action: "consultation_version.created",
        entityType: "consultation_version",
        entityId: created!.id,
        details: { version: created!.number },
      },
      tx,
    );
    return { ok: true, intent, message: `Versie ${created!.number} is gemaakt als concept.` };
  });
}

const documentIntents: Record<DocumentIntent, (post: DocumentPost) => Promise<DocumentOutcome>> = {
  period: changePeriod,
  save: saveDraftText,
  import: importWordFile,
  publish: publishDraft,
  new_version: createNewVersion,
};

/**
 * Every staff change to a document: the form's intent picks one of the functions above; each runs in
 * one transaction with its audit line. A published version is never changed (only a draft is).
 */
export async function handleDocumentPost(
  actor: Actor,
  id: number,
  form: FormData,
  db: Executor,
  now = new Date(),
): Promise<DocumentOutcome> {
  const intent = String(form.get("intent") ?? "");
  const notFound = {
    ok: false as const,
    errors: { _form: "Dit document bestaat niet." },
    values: {},
    status: 404 as const,
  };
  if (!isDbId(id)) return notFound;
  const [doc] = await db.select().from(consultationDocuments).where(eq(consultationDocuments.id, id));
  if (!doc) return notFound;
  const handle = Object.hasOwn(documentIntents, intent)
    ? documentIntents[intent as DocumentIntent]
    : undefined;
  if (!handle)
    return { ok: false, errors: { _form: "Deze actie kennen wij niet." }, values: {}, status: 400 };
  return handle({ actor, id, form, db, now });
}
