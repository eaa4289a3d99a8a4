// The background answers of a just-submitted response, for the digipanel sign-up offer after a survey.
import { and, eq, sql } from "drizzle-orm";
import { responses, surveys, surveyVersions } from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import { hashToken } from "../../lib/tokens.server";
import type { SurveyDefinition } from "./definition";
import { loadAnswers } from "./resident-survey.server";

/** Background answers of a just-submitted response, as given (for the digipanel sign-up offer). */
export interface SubmittedBackground {
  birthYear?: number;
  /** The 4 digits of the postcode. */
  postcode?: string;
  household?: string;
  tenure?: string;
}

/**
 * The background answers (age, wijk, household, tenure) of the response this survey's resume token
 * belongs to, only when it was submitted at most `maxAgeSeconds` ago and the survey is not anonymous.
 * null otherwise. Nothing is written: the caller shows them and the resident decides.
 */
export async function submittedBackground(
  surveyId: number,
  token: string,
  maxAgeSeconds: number,
  db: Executor,
): Promise<SubmittedBackground | null> {
  const [row] = await db
    .select({ id: responses.id, definition: surveyVersions.definition })
    .from(responses)
    .innerJoin(surveys, eq(surveys.id, responses.surveyId))
    .innerJoin(surveyVersions, eq(surveyVersions.id, responses.surveyVersionId))
    .where(
      and(
        eq(responses.surveyId, surveyId),
        eq(responses.resumeTokenHash, hashToken(token)),
        eq(responses.status, "submitted"),
        sql`${surveys.accessMode} <> 'anonymous'`,
        sql`${responses.submittedAt} > now() - make_interval(secs => ${maxAgeSeconds})`,
      ),
    );
  if (!row) return null;
  const definition = row.definition as SurveyDefinition;
  const given = await loadAnswers(row.id, definition, db);
  const out: SubmittedBackground = {};
  for (const page of definition.pages)
    for (const q of page.questions) {
      const value = given[q.key];
      if (!q.background || !value) continue;
      if (q.background === "age" && value.kind === "number" && out.birthYear === undefined)
        out.birthYear = value.number;
      if (q.background === "wijk" && value.kind === "postcode" && out.postcode === undefined)
        out.postcode = value.postcode;
      if (q.background === "household" && value.kind === "option" && out.household === undefined)
        out.household = value.option;
      if (q.background === "tenure" && value.kind === "option" && out.tenure === undefined)
        out.tenure = value.option;
    }
  return out;
}
