import { z } from "zod";
import { emailField } from "../../lib/forms";
import { householdLabels, households, MIN_AGE, tenureLabels, tenures } from "../population/categories";

// The panel profile: exactly what issue 7 allows us to ask, nothing more. The categories (age
// groups, household, tenure) are shared with the population figures and insights.

export {
  type AgeGroup,
  ageGroupLabel,
  ageGroupOf,
  ageGroups,
  type Household,
  householdLabels,
  MIN_AGE,
  type Tenure,
  tenureLabels,
  tenureShortLabels,
} from "../population/categories";

import { postcodeDigitsOf } from "../places/wijk-for";

export function profileSchema(currentYear: number) {
  return z.object({
    birthYear: z
      .string({ required_error: "Vul uw geboortejaar in." })
      .trim()
      .min(1, "Vul uw geboortejaar in.")
      .regex(/^\d{4}$/, "Vul uw geboortejaar in met 4 cijfers, bijvoorbeeld 1970.")
      .transform(Number)
      .refine((y) => y >= currentYear - 110, "Dit geboortejaar klopt niet. Controleer het jaartal.")
      .refine(
        (y) => y <= currentYear - MIN_AGE,
        `U kunt meedoen vanaf ${MIN_AGE} jaar. Controleer uw geboortejaar.`,
      ),
    postcode: z
      .string({ required_error: "Vul uw postcode in." })
      .trim()
      .min(1, "Vul uw postcode in.")
      .transform((v, ctx) => {
        const digits = postcodeDigitsOf(v);
        if (!digits) {
          ctx.addIssue({ code: "custom", message: "Vul een postcode in zoals 2101 AB." });
          return z.NEVER;
        }
        return digits;
      }),
    household: z.enum(households, {
      errorMap: () => ({ message: "Kies hoe u woont." }),
    }),
    tenure: z.enum(tenures, {
      errorMap: () => ({ message: "Kies wat voor woning u heeft." }),
    }),
  });
}

export function signupSchema(currentYear: number) {
  // E-mail first, so the error summary follows the order of the form.
  return z
    .object({ email: emailField() })
    .merge(profileSchema(currentYear))
    .extend({
      consent: z.literal("ja", {
        errorMap: () => ({ message: "Geef toestemming om mee te doen aan het digipanel." }),
      }),
    });
}

export type ProfileInput = z.infer<ReturnType<typeof profileSchema>>;
export type SignupInput = z.infer<ReturnType<typeof signupSchema>>;

export const NOT_IN_HEEMSTEDE =
  "Deze postcode ligt niet in Heemstede. Het digipanel is voor inwoners van Heemstede.";

/** The household and tenure choices of the profile form (sign-up and "Mijn digipanel"), in the labels' order. */
export const householdOptions = Object.entries(householdLabels).map(([value, label]) => ({ value, label }));
export const tenureOptions = Object.entries(tenureLabels).map(([value, label]) => ({ value, label }));
