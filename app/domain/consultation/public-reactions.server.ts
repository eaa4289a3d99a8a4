// The resident's side of a consultation, reacting (docs/consultation.md): the reaction form, a reaction
// (confirmed by an e-mail link before it counts, within the rate limits) and withdrawing it until the period
// ends. Names and e-mail addresses never leave this file towards a page.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import {
  consultationDocuments,
  consultationParagraphs,
  consultationReactions,
  consultationVersions,
  projects,
} from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import { type FieldErrors, type FormValues, parseForm } from "../../lib/forms";
import { composeMail, queueMail } from "../../lib/mail.server";
import { hit } from "../../lib/rate-limit.server";
import { createToken, hashToken, looksLikeToken } from "../../lib/tokens.server";
import { isDbId, parseDbId } from "./ids";
import { paragraphLabel } from "./paragraphs";
import { consultationUrls, documentOf, publishedVersions } from "./public-document.server";
import {
  canWithdraw,
  organisationRoles,
  periodState,
  REACTION_EMAIL_LIMIT,
  REACTION_IP_LIMIT,
  reactionLimitMessages,
} from "./reactions";

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

/** The rate limits of the form, per IP address and per e-mail address: the refusal when one is reached. */
async function overLimit(
  ip: string,
  email: string,
  values: FormValues,
  db: Executor,
  now: Date,
): Promise<ReactOutcome | null> {
  for (const [kind, value, rule] of [
    ["ip", ip, REACTION_IP_LIMIT],
    ["email", email.toLowerCase(), REACTION_EMAIL_LIMIT],
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
  return null;
}

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
  const limited = await overLimit(ip, d.email, values, db, now);
  if (limited) return limited;
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
