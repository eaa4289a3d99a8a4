import { and, asc, desc, eq, isNotNull, ne } from "drizzle-orm";
import { z } from "zod";
import {
  consultationDocuments,
  consultationParagraphs,
  consultationReactions,
  consultationVersions,
  projects,
} from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { type FieldErrors, type FormValues, parseForm } from "../../lib/forms";
import { composeMail, queueMail } from "../../lib/mail.server";
import { hit } from "../../lib/rate-limit.server";
import { createToken, hashToken, looksLikeToken } from "../../lib/tokens.server";
import { findPersonalData } from "../insights/personal-data";
import { changeOverview } from "./change-overview";
import { isDbId, parseDbId } from "./ids";
import { paragraphLabel } from "./paragraphs";
import {
  canWithdraw,
  organisationRoles,
  periodState,
  publicRespondent,
  REACTION_EMAIL_LIMIT,
  REACTION_IP_LIMIT,
  reactionLimitMessages,
} from "./reactions";

// The resident's side: read the document paragraph by paragraph, react (confirmed by an e-mail link
// before it counts), withdraw until the period ends, read the change overview and the reactienota.
// Names and e-mail addresses never leave this file towards a page (docs/consultation.md).

export const consultationUrls = {
  document: (slug: string) => `/meedenken/${slug}/document`,
  react: (slug: string, paragraphId?: number | null) =>
    `/meedenken/${slug}/reageren${paragraphId ? `?alinea=${paragraphId}` : ""}`,
  reaction: (slug: string, token: string) => `${getEnv().APP_URL}/meedenken/${slug}/reactie/${token}`,
  nota: (slug: string, version: number) => `/meedenken/${slug}/reactienota/${version}`,
  changes: (slug: string, from: number, to: number) =>
    `/meedenken/${slug}/wijzigingen?van=${from}&naar=${to}`,
};

async function documentOf(slug: string, db: Executor) {
  const [row] = await db
    .select({ doc: consultationDocuments, project: projects })
    .from(consultationDocuments)
    .innerJoin(projects, eq(projects.id, consultationDocuments.projectId))
    .where(and(eq(projects.slug, slug), ne(projects.status, "draft")));
  return row ?? null;
}

async function publishedVersions(documentId: number, db: Executor) {
  return db
    .select()
    .from(consultationVersions)
    .where(and(eq(consultationVersions.documentId, documentId), eq(consultationVersions.status, "published")))
    .orderBy(desc(consultationVersions.number));
}

/** The text of a confirmed reaction as it may be shown: cleared by staff, or free of likely personal data. */
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
    db
      .select({
        id: consultationParagraphs.id,
        chapter: consultationParagraphs.chapter,
        chapterTitle: consultationParagraphs.chapterTitle,
        number: consultationParagraphs.number,
        text: consultationParagraphs.text,
      })
      .from(consultationParagraphs)
      .where(eq(consultationParagraphs.versionId, version.id))
      .orderBy(asc(consultationParagraphs.position)),
    db
      .select({
        id: consultationReactions.id,
        paragraphId: consultationReactions.paragraphId,
        kind: consultationReactions.kind,
        organisationName: consultationReactions.organisationName,
        organisationRole: consultationReactions.organisationRole,
        text: consultationReactions.text,
        publicText: consultationReactions.publicText,
      })
      .from(consultationReactions)
      .where(
        and(eq(consultationReactions.versionId, version.id), eq(consultationReactions.status, "confirmed")),
      )
      .orderBy(asc(consultationReactions.id)),
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

/** The reaction form's context: the latest published version and, if given, one of its paragraphs. */
export async function reactionForm(slug: string, paragraphId: number | null, db: Executor, now = new Date()) {
  const found = await documentOf(slug, db);
  if (!found) return null;
  const [version] = await publishedVersions(found.doc.id, db);
  if (!version) return null;
  let paragraph: { id: number; label: string; text: string } | null = null;
  if (paragraphId !== null && !isDbId(paragraphId)) return null;
  if (paragraphId) {
    const [p] = await db
      .select()
      .from(consultationParagraphs)
      .where(
        and(eq(consultationParagraphs.id, paragraphId), eq(consultationParagraphs.versionId, version.id)),
      );
    if (!p) return null;
    paragraph = { id: p.id, label: paragraphLabel(p), text: p.text };
  }
  return {
    project: { slug: found.project.slug, title: found.project.title },
    title: found.doc.title,
    version: version.number,
    period: periodState(found.doc, now),
    startsAt: found.doc.reactionStartsAt,
    endsAt: found.doc.reactionEndsAt,
    paragraph,
    roles: Object.entries(organisationRoles).map(([value, label]) => ({ value, label })),
  };
}

const roleValues = Object.keys(organisationRoles) as [
  keyof typeof organisationRoles,
  ...(keyof typeof organisationRoles)[],
];

export const reactionSchema = z
  .object({
    soort: z.enum(["inwoner", "organisatie"], {
      message: "Kies of u reageert als inwoner of namens een organisatie.",
    }),
    naam: z.string().trim().min(2, "Vul uw naam in.").max(200),
    email: z
      .string()
      .trim()
      .min(1, "Vul uw e-mailadres in.")
      .max(254)
      .email("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."),
    organisatie: z.string().trim().max(200).default(""),
    rol: z.string().default(""),
    reactie: z
      .string()
      .trim()
      .min(5, "Schrijf uw reactie in minstens 5 tekens.")
      .max(10_000, "Uw reactie is te lang: gebruik hoogstens 10.000 tekens."),
    alinea: z.string().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.soort !== "organisatie") return;
    if (v.organisatie.length < 2)
      ctx.addIssue({ code: "custom", path: ["organisatie"], message: "Vul de naam van de organisatie in." });
    if (!(roleValues as string[]).includes(v.rol))
      ctx.addIssue({ code: "custom", path: ["rol"], message: "Kies de rol van uw organisatie." });
  });

export type ReactOutcome =
  | { ok: true; email: string }
  | { ok: false; errors: FieldErrors; values: FormValues; status: 400 | 404 | 409 }
  | { ok: false; errors: FieldErrors; values: FormValues; status: 429; retryAfterSeconds: number };

export const periodMessages = {
  not_set: "Reageren kan nog niet. De reactieperiode is nog niet bekend.",
  upcoming: "Reageren kan nog niet. De reactieperiode is nog niet begonnen.",
  closed: "De reactieperiode is voorbij. Reageren kan niet meer. Dank u wel voor uw belangstelling.",
} as const;

/** Rate-limit keys hold hashes, never the IP or e-mail address itself. */
const limitKey = (kind: "ip" | "email", value: string) =>
  `consultation-react:${kind}:${hashToken(`${kind}:${value}`).slice(0, 32)}`;

/**
 * A reaction on a paragraph (or the whole document) of the latest published version. It is stored as
 * pending and counts only after the link in the confirmation mail is used. A valid reaction is counted
 * against the per-IP and per-e-mail limits before anything is stored or mailed; over a limit the form
 * comes back with a Dutch message and the input kept (429).
 */
export async function submitReaction(
  slug: string,
  form: FormData,
  db: Executor,
  now = new Date(),
  ip = "unknown",
): Promise<ReactOutcome> {
  const parsed = parseForm(reactionSchema, form);
  const values = parsed.values;
  const found = await documentOf(slug, db);
  if (!found) return { ok: false, errors: { _form: "Dit document bestaat niet." }, values, status: 404 };
  const state = periodState(found.doc, now);
  if (state !== "open") return { ok: false, errors: { _form: periodMessages[state] }, values, status: 409 };
  if (!parsed.ok) return { ...parsed, status: 400 };
  const d = parsed.data;
  for (const [kind, value, rule] of [
    ["ip", ip, REACTION_IP_LIMIT],
    ["email", d.email.toLowerCase(), REACTION_EMAIL_LIMIT],
  ] as const) {
    const limit = await hit(limitKey(kind, value), rule, db, now);
    if (!limit.allowed)
      return {
        ok: false,
        errors:
          kind === "email" ? { email: reactionLimitMessages.email } : { _form: reactionLimitMessages.ip },
        values,
        status: 429,
        retryAfterSeconds: limit.retryAfterSeconds,
      };
  }
  return db.transaction(async (tx) => {
    const [version] = await publishedVersions(found.doc.id, tx);
    if (!version) return { ok: false, errors: { _form: "Dit document bestaat niet." }, values, status: 404 };
    let paragraphId: number | null = null;
    let where = "het hele document";
    if (d.alinea) {
      const [p] = await tx
        .select()
        .from(consultationParagraphs)
        .where(
          and(
            eq(consultationParagraphs.id, parseDbId(d.alinea) ?? 0),
            eq(consultationParagraphs.versionId, version.id),
          ),
        );
      if (!p)
        return {
          ok: false,
          errors: {
            _form: "Deze alinea staat niet (meer) in het document. Kies de alinea opnieuw in het document.",
          },
          values,
          status: 409,
        };
      paragraphId = p.id;
      where = `alinea ${paragraphLabel(p)}`;
    }
    const token = createToken();
    const organisation = d.soort === "organisatie";
    await tx.insert(consultationReactions).values({
      versionId: version.id,
      paragraphId,
      kind: organisation ? "organisation" : "resident",
      name: d.naam,
      email: d.email.toLowerCase(),
      organisationName: organisation ? d.organisatie : null,
      organisationRole: organisation ? d.rol : null,
      text: d.reactie,
      tokenHash: hashToken(token),
      createdAt: now,
    });
    const link = consultationUrls.reaction(slug, token);
    await queueMail(
      {
        to: d.email,
        subject: `Bevestig uw reactie op ${found.doc.title}`,
        kind: "consultation.confirm",
        ...composeMail([
          `U reageerde op ${where} van ${found.doc.title}. Uw reactie telt pas mee als u bevestigt dat dit uw e-mailadres is.`,
          `Bevestig uw reactie met deze link:\n${link}`,
          "Met dezelfde link kunt u uw reactie later lezen of intrekken, tot het einde van de reactieperiode.",
          "Heeft u niet gereageerd? Dan hoeft u niets te doen. De reactie telt dan niet mee.",
        ]),
      },
      tx,
    );
    return { ok: true, email: d.email };
  });
}

async function reactionByToken(slug: string, token: string, db: Executor) {
  if (!looksLikeToken(token)) return null;
  const [row] = await db
    .select({
      reaction: consultationReactions,
      doc: consultationDocuments,
      paragraph: consultationParagraphs,
    })
    .from(consultationReactions)
    .innerJoin(consultationVersions, eq(consultationVersions.id, consultationReactions.versionId))
    .innerJoin(consultationDocuments, eq(consultationDocuments.id, consultationVersions.documentId))
    .innerJoin(projects, eq(projects.id, consultationDocuments.projectId))
    .leftJoin(consultationParagraphs, eq(consultationParagraphs.id, consultationReactions.paragraphId))
    .where(and(eq(consultationReactions.tokenHash, hashToken(token)), eq(projects.slug, slug)));
  return row ?? null;
}

/** The page behind the link in the mail: the author's own reaction, to confirm or withdraw. */
export async function ownReaction(slug: string, token: string, db: Executor, now = new Date()) {
  const row = await reactionByToken(slug, token, db);
  if (!row) return null;
  const { reaction, doc, paragraph } = row;
  return {
    title: doc.title,
    where: paragraph ? `alinea ${paragraphLabel(paragraph)}` : "het hele document",
    text: reaction.text,
    status: reaction.status,
    period: periodState(doc, now),
    endsAt: doc.reactionEndsAt,
    canConfirm: reaction.status === "pending" && periodState(doc, now) === "open",
    canWithdraw: canWithdraw(reaction, doc, now),
  };
}

export type TokenOutcome = { ok: true; message: string } | { ok: false; message: string; status: 404 | 409 };

/** Confirm (the reaction starts to count) or withdraw (it stops counting), by the author, in the period. */
export async function handleOwnReaction(
  slug: string,
  token: string,
  intent: string,
  db: Executor,
  now = new Date(),
): Promise<TokenOutcome> {
  return db.transaction(async (tx) => {
    const row = await reactionByToken(slug, token, tx);
    if (!row) return { ok: false, message: "Deze link werkt niet (meer).", status: 404 };
    const { reaction, doc } = row;
    const state = periodState(doc, now);
    if (intent === "confirm") {
      if (reaction.status === "confirmed")
        return { ok: true, message: "Uw reactie was al bevestigd. Zij telt mee." };
      if (reaction.status === "withdrawn")
        return { ok: false, message: "U heeft deze reactie ingetrokken.", status: 409 };
      if (state !== "open") return { ok: false, message: periodMessages[state], status: 409 };
      await tx
        .update(consultationReactions)
        .set({ status: "confirmed", confirmedAt: now })
        .where(and(eq(consultationReactions.id, reaction.id), eq(consultationReactions.status, "pending")));
      return { ok: true, message: "Dank u wel. Uw reactie is bevestigd en telt mee." };
    }
    if (intent === "withdraw") {
      if (!canWithdraw(reaction, doc, now))
        return {
          ok: false,
          message:
            reaction.status === "withdrawn"
              ? "U heeft deze reactie al ingetrokken."
              : "De reactieperiode is voorbij. Intrekken kan niet meer.",
          status: 409,
        };
      await tx
        .update(consultationReactions)
        .set({ status: "withdrawn", withdrawnAt: now, pointId: null })
        .where(eq(consultationReactions.id, reaction.id));
      return { ok: true, message: "Uw reactie is ingetrokken. Zij telt niet meer mee." };
    }
    return { ok: false, message: "Deze actie kennen wij niet.", status: 409 };
  });
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
