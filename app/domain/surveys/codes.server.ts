import { and, eq, isNotNull } from "drizzle-orm";
import { type CodeChannel, surveyCodes, surveys } from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { hashToken } from "../../lib/tokens.server";
import { formatCode, generateCode, normalizeCode } from "./codes";

export interface PersonalCode {
  /** survey_codes.id: keep it to learn later whether this code was used. */
  codeId: number;
  /** The plain code (ABCD-EFGH-JKMN); it is not stored, so hand it out now. */
  code: string;
  /** `${APP_URL}/enquete/<slug>?code=<CODE>` */
  link: string;
}

export function hashCode(code: string): string {
  return hashToken(`survey-code:${normalizeCode(code) ?? code}`);
}

export function personalLink(slug: string, code: string): string {
  return `${getEnv().APP_URL}/enquete/${encodeURIComponent(slug)}?code=${encodeURIComponent(formatCode(normalizeCode(code) ?? code))}`;
}

/**
 * Create `count` personal codes for a survey (panel invitations or printed letters). Only hashes
 * are stored. `respondentIds` (optional, same length as count) are pseudonymous ids that are copied
 * onto the response, e.g. the panel's id for the member — never an e-mail address or name.
 */
export async function createPersonalCodes(
  surveyId: number,
  count: number,
  channel: CodeChannel,
  db: Executor,
  respondentIds?: string[],
): Promise<PersonalCode[]> {
  if (!Number.isInteger(count) || count < 0 || count > 50_000) throw new Error("count out of range");
  if (respondentIds && respondentIds.length !== count) throw new Error("respondentIds must match count");
  const [survey] = await db.select({ slug: surveys.slug }).from(surveys).where(eq(surveys.id, surveyId));
  if (!survey) throw new Error(`survey ${surveyId} not found`);
  const out: PersonalCode[] = [];
  for (let start = 0; start < count; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - start) }, (_, i) => ({
      code: generateCode(),
      respondentId: respondentIds?.[start + i] ?? null,
    }));
    const rows = await db
      .insert(surveyCodes)
      .values(
        batch.map((b) => ({ surveyId, codeHash: hashCode(b.code), channel, respondentId: b.respondentId })),
      )
      .returning({ id: surveyCodes.id });
    rows.forEach((r, i) => {
      const code = batch[i]!.code;
      out.push({ codeId: r.id, code, link: personalLink(survey.slug, code) });
    });
  }
  return out;
}

export interface CodeUse {
  codeId: number;
  channel: CodeChannel;
  respondentId: string | null;
  /** A response was started with the code. */
  started: boolean;
  /** Set when the response was submitted: the code is used up. */
  usedAt: Date | null;
}

/** Which codes of a survey were used: for panel reminders (skip those who answered) and response rates. */
export async function listCodeUse(
  surveyId: number,
  db: Executor,
  options: { onlyUsed?: boolean } = {},
): Promise<CodeUse[]> {
  const rows = await db
    .select({
      codeId: surveyCodes.id,
      channel: surveyCodes.channel,
      respondentId: surveyCodes.respondentId,
      responseId: surveyCodes.responseId,
      usedAt: surveyCodes.usedAt,
    })
    .from(surveyCodes)
    .where(
      and(eq(surveyCodes.surveyId, surveyId), options.onlyUsed ? isNotNull(surveyCodes.usedAt) : undefined),
    )
    .orderBy(surveyCodes.id);
  return rows.map((r) => ({
    codeId: r.codeId,
    channel: r.channel,
    respondentId: r.respondentId,
    started: r.responseId !== null,
    usedAt: r.usedAt,
  }));
}

export type CodeLookup =
  | { status: "unknown" }
  | { status: "used" }
  | {
      status: "available";
      codeId: number;
      channel: CodeChannel;
      respondentId: string | null;
      responseId: string | null;
    };

/** Look a typed code up for one survey. */
export async function lookupCode(surveyId: number, input: string, db: Executor): Promise<CodeLookup> {
  const code = normalizeCode(input);
  if (!code) return { status: "unknown" };
  const [row] = await db
    .select()
    .from(surveyCodes)
    .where(and(eq(surveyCodes.codeHash, hashCode(code)), eq(surveyCodes.surveyId, surveyId)));
  if (!row) return { status: "unknown" };
  if (row.usedAt) return { status: "used" };
  return {
    status: "available",
    codeId: row.id,
    channel: row.channel,
    respondentId: row.respondentId,
    responseId: row.responseId,
  };
}
