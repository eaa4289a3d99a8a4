import { getDb } from "../../lib/db.server";
import type { Actor } from "../audit/audit.server";
import { documentPage, listDocuments } from "./document-page.server";
import { createDocument, handleDocumentPost } from "./documents.server";
import { kickConsultationDelivery } from "./jobs.server";
import { loadNota, notaVersions, publishNota } from "./nota.server";
import { handleReactionsPost } from "./points.server";
import { projectConsultation, publicChanges, publicDocument } from "./public-document.server";
import { handleOwnReaction, ownReaction, reactionForm, submitReaction } from "./public-reactions.server";
import { type ReactionSort, reactionsPage } from "./reactions-page.server";

// Entry points for routes (routes never touch the database themselves).

export const consultationStaff = {
  list: () => listDocuments(getDb()),
  create: (actor: Actor, form: FormData) => createDocument(actor, form, getDb()),
  document: (id: number, afterImport = false) => documentPage(id, getDb(), afterImport),
  documentPost: (actor: Actor, id: number, form: FormData) => handleDocumentPost(actor, id, form, getDb()),
  reactions: (id: number, options: { version?: number; sort?: ReactionSort }) =>
    reactionsPage(id, getDb(), options),
  reactionsPost: (actor: Actor, id: number, version: number, form: FormData) =>
    handleReactionsPost(actor, id, version, form, getDb()),
  nota: (id: number, version: number) => loadNota({ documentId: id }, version, getDb()),
  notaVersions: (id: number) => notaVersions(id, getDb()),
  async publishNota(actor: Actor, id: number, version: number) {
    const outcome = await publishNota(actor, id, version, getDb());
    if (outcome.ok) await kickConsultationDelivery();
    return outcome;
  },
};

export const consultationPublic = {
  forProject: (projectId: number) => projectConsultation(projectId, getDb()),
  document: (slug: string, version?: number) => publicDocument(slug, getDb(), version),
  form: (slug: string, paragraphId: number | null) => reactionForm(slug, paragraphId, getDb()),
  react: (slug: string, form: FormData, ip: string) => submitReaction(slug, form, getDb(), new Date(), ip),
  own: (slug: string, token: string) => ownReaction(slug, token, getDb()),
  ownPost: (slug: string, token: string, intent: string) => handleOwnReaction(slug, token, intent, getDb()),
  nota: (slug: string, version: number) => loadNota({ slug }, version, getDb(), { publicOnly: true }),
  changes: (slug: string, from: number, to: number) => publicChanges(slug, from, to, getDb()),
};
