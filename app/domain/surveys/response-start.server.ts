// A resident's response: starting one (with or without a personal code) and resuming it later by a link
// that is taken over when opened.
import { and, eq } from "drizzle-orm";
import { type ResponseChannel, responses, surveyCodes } from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { composeMail, queueMail } from "../../lib/mail.server";
import { createToken, hashToken } from "../../lib/tokens.server";
import { lookupCode } from "./codes.server";
import type { PublicSurvey } from "./public-surveys.server";

export interface StartedResponse {
  responseId: string;
  /** Plain resume token for the cookie (only its hash is stored). */
  token: string;
}

/** Start a response for an open or anonymous survey. */
export async function startResponse(target: PublicSurvey, db: Executor): Promise<StartedResponse> {
  const token = createToken();
  const [row] = await db
    .insert(responses)
    .values({
      surveyId: target.survey.id,
      surveyVersionId: target.version.id,
      channel: "open",
      resumeTokenHash: hashToken(token),
      isDemo: target.survey.isDemo,
      currentPage: 0,
    })
    .returning({ id: responses.id });
  return { responseId: row!.id, token };
}

export type CodeStart = { status: "unknown" } | { status: "used" } | ({ status: "ok" } & StartedResponse);

/**
 * Start (or continue) with a personal code. One response per code: a second start with the same
 * code continues that response (with a fresh resume token); a submitted code is used up.
 */
export async function startWithCode(target: PublicSurvey, code: string, db: Executor): Promise<CodeStart> {
  return db.transaction(async (tx) => {
    const found = await lookupCode(target.survey.id, code, tx);
    if (found.status !== "available") return found;
    // Lock the code row so two starts with one code cannot both create a response.
    const [locked] = await tx
      .select()
      .from(surveyCodes)
      .where(eq(surveyCodes.id, found.codeId))
      .for("update");
    if (!locked || locked.usedAt) return { status: "used" as const };
    const token = createToken();
    if (locked.responseId) {
      await tx
        .update(responses)
        .set({ resumeTokenHash: hashToken(token), updatedAt: new Date() })
        .where(eq(responses.id, locked.responseId));
      return { status: "ok" as const, responseId: locked.responseId, token };
    }
    const channel: ResponseChannel = locked.channel;
    const [row] = await tx
      .insert(responses)
      .values({
        surveyId: target.survey.id,
        surveyVersionId: target.version.id,
        channel,
        respondentId: locked.respondentId,
        resumeTokenHash: hashToken(token),
        isDemo: target.survey.isDemo,
      })
      .returning({ id: responses.id });
    await tx.update(surveyCodes).set({ responseId: row!.id }).where(eq(surveyCodes.id, locked.id));
    return { status: "ok" as const, responseId: row!.id, token };
  });
}

/**
 * A resume link (?verder=) was opened: the response gets a NEW token and the old one stops
 * working, so whoever held the link or cookie before (e.g. someone who started a response and
 * planted the link) loses access. One statement: of two browsers opening one link, one wins.
 * Returns the new token, or null when the link was already used or the response is no longer open.
 */
export async function takeOverResponse(
  surveyId: number,
  token: string,
  db: Executor,
): Promise<string | null> {
  const fresh = createToken();
  const [row] = await db
    .update(responses)
    .set({ resumeTokenHash: hashToken(fresh), updatedAt: new Date() })
    .where(
      and(
        eq(responses.surveyId, surveyId),
        eq(responses.resumeTokenHash, hashToken(token)),
        eq(responses.status, "in_progress"),
      ),
    )
    .returning({ id: responses.id });
  return row ? fresh : null;
}

export function resumeLink(slug: string, token: string): string {
  return `${getEnv().APP_URL}/enquete/${encodeURIComponent(slug)}?verder=${encodeURIComponent(token)}`;
}

/** Mail a link to continue later. The address is only used for this mail; it is not linked to the answers. */
export async function mailResumeLink(
  input: { slug: string; title: string; token: string; email: string },
  db: Executor,
) {
  const link = resumeLink(input.slug, input.token);
  const body = composeMail([
    `U bent begonnen met de vragenlijst "${input.title}". Met deze link gaat u verder waar u gebleven was:`,
    link,
    "Deel deze link niet met anderen: wie de link heeft, kan uw antwoorden zien en veranderen.",
  ]);
  await queueMail(
    {
      to: input.email,
      subject: `Verder met de vragenlijst "${input.title}"`,
      ...body,
      kind: "survey.resume-link",
    },
    db,
  );
}
