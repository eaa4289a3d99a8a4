import { getDb } from "../../lib/db.server";
import type { Actor } from "../audit/audit.server";
import { createDocument, documentPage, handleDocumentPost, listDocuments } from "./documents.server";
import { kickConsultationDelivery } from "./jobs.server";
import { loadNota, notaVersions, publishNota } from "./nota.server";
import { handleReactionsPost, type ReactionSort, reactionsPage } from "./points.server";
import {
  handleOwnReaction,
  ownReaction,
  projectConsultation,
  publicChanges,
  publicDocument,
  reactionForm,
  submitReaction,
} from "./public.server";

// Entry points for routes (routes never touch the database themselves).

export const consultationStaff = {
  list: () => listDocuments(getDb()),
  create: (actor: Actor, form: FormData) => createDocument(getDb(), actor, form),
  document: (id: number) => documentPage(getDb(), id),
  documentPost: (actor: Actor, id: number, form: FormData) => handleDocumentPost(getDb(), actor, id, form),
  reactions: (id: number, options: { version?: number; sort?: ReactionSort }) =>
    reactionsPage(getDb(), id, options),
  reactionsPost: (actor: Actor, id: number, version: number, form: FormData) =>
    handleReactionsPost(getDb(), actor, id, version, form),
  nota: (id: number, version: number) => loadNota(getDb(), { documentId: id }, version),
  notaVersions: (id: number) => notaVersions(getDb(), id),
  async publishNota(actor: Actor, id: number, version: number) {
    const outcome = await publishNota(getDb(), actor, id, version);
    if (outcome.ok) await kickConsultationDelivery();
    return outcome;
  },
};

export const consultationPublic = {
  forProject: (projectId: number) => projectConsultation(getDb(), projectId),
  document: (slug: string, version?: number) => publicDocument(getDb(), slug, version),
  form: (slug: string, paragraphId: number | null) => reactionForm(getDb(), slug, paragraphId),
  react: (slug: string, form: FormData, ip: string) => submitReaction(getDb(), slug, form, new Date(), ip),
  own: (slug: string, token: string) => ownReaction(getDb(), slug, token),
  ownPost: (slug: string, token: string, intent: string) => handleOwnReaction(getDb(), slug, token, intent),
  nota: (slug: string, version: number) => loadNota(getDb(), { slug }, version, { publicOnly: true }),
  changes: (slug: string, from: number, to: number) => publicChanges(getDb(), slug, from, to),
};
