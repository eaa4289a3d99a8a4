// Signing up for the digipanel right after a survey: the thank-you page offers to reuse the background
// answers just given (birth year, postcode, household, tenure) instead of asking them again. Only when
// the resident chooses so are they filled into the sign-up form, where the resident sees them and can
// change them before anything is saved; nothing is copied without that form being sent.

import { type Executor, getDb } from "../../lib/db.server";
import { households, tenures } from "../population/categories";
import { AFTER_SURVEY_MAX_AGE_SECONDS, readAfterSurveyCookie } from "../surveys/cookie.server";

export { clearAfterSurveyCookie } from "../surveys/cookie.server";

import { submittedBackground } from "../surveys/submitted-background.server";
import { householdLabels, tenureLabels } from "./profile";

export interface ReuseOffer {
  /** Values for the sign-up form's fields. */
  values: { birthYear?: string; postcode?: string; household?: string; tenure?: string };
  /** The same, as the resident reads them (question and answer). */
  shown: { label: string; value: string }[];
}

/**
 * The background answers of the survey this browser just submitted (after-survey cookie, at most 30
 * minutes), as values for the panel sign-up. Answers the panel cannot take (a tenure such as "ik woon
 * in", a household outside the panel's categories) are left out. null when there is nothing to offer.
 */
export async function reuseOffer(request: Request, db: Executor = getDb()): Promise<ReuseOffer | null> {
  const cookie = readAfterSurveyCookie(request);
  if (!cookie) return null;
  const given = await submittedBackground(cookie.surveyId, cookie.token, AFTER_SURVEY_MAX_AGE_SECONDS, db);
  if (!given) return null;
  const offer: ReuseOffer = { values: {}, shown: [] };
  if (given.birthYear !== undefined) {
    offer.values.birthYear = String(given.birthYear);
    offer.shown.push({ label: "Geboortejaar", value: String(given.birthYear) });
  }
  if (given.postcode) {
    offer.values.postcode = given.postcode;
    offer.shown.push({ label: "Postcode (de 4 cijfers)", value: given.postcode });
  }
  const household = households.find((h) => h === given.household);
  if (household) {
    offer.values.household = household;
    offer.shown.push({ label: "Hoe woont u?", value: householdLabels[household] });
  }
  const tenure = tenures.find((t) => t === given.tenure);
  if (tenure) {
    offer.values.tenure = tenure;
    offer.shown.push({ label: "Wat voor woning heeft u?", value: tenureLabels[tenure] });
  }
  return offer.shown.length > 0 ? offer : null;
}
