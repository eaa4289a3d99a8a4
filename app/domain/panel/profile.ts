import { z } from "zod";
import { households, tenures } from "../../../db/schema/panel";
import { emailField } from "../../lib/forms";

// The panel profile: exactly what issue 7 allows us to ask, nothing more.

export type Household = (typeof households)[number];
export type Tenure = (typeof tenures)[number];

export const householdLabels: Record<Household, string> = {
  alleen: "Ik woon alleen",
  samen: "Samen, zonder kinderen thuis",
  gezin: "Samen, met kinderen thuis",
  eenouder: "Alleen, met kinderen thuis",
  anders: "Anders",
};

export const tenureLabels: Record<Tenure, string> = {
  koop: "Koopwoning",
  sociale_huur: "Sociale huurwoning (bijvoorbeeld van Elan Wonen of Pré Wonen)",
  particuliere_huur: "Particuliere huurwoning",
  anders: "Anders",
};

/** Short labels for tables. */
export const tenureShortLabels: Record<Tenure, string> = {
  koop: "Koop",
  sociale_huur: "Sociale huur",
  particuliere_huur: "Particuliere huur",
  anders: "Anders",
};

/** Age groups used for composition and quotas. The panel is open from 16 years. */
export const ageGroups = ["16-29", "30-44", "45-64", "65-74", "75+"] as const;
export type AgeGroup = (typeof ageGroups)[number];
export const MIN_AGE = 16;

export function ageGroupLabel(group: string): string {
  return group === "75+" ? "75 jaar en ouder" : `${group.replace("-", " tot en met ")} jaar`;
}

export function ageGroupOf(birthYear: number, currentYear: number): AgeGroup {
  const age = currentYear - birthYear;
  if (age < 30) return "16-29";
  if (age < 45) return "30-44";
  if (age < 65) return "45-64";
  if (age < 75) return "65-74";
  return "75+";
}

/** "2101 AB", "2101ab" or "2101" -> "2101"; anything else -> null. */
export function postcodeDigits(input: string): string | null {
  const match = input
    .trim()
    .toUpperCase()
    .match(/^([1-9][0-9]{3})\s*([A-Z]{2})?$/);
  return match ? match[1]! : null;
}

/** Which wijk a postcode lies in, from the 4-digit postcodes per wijk. */
export function wijkForPostcode(
  digits: string,
  wijken: readonly { code: string; postcodes: readonly string[] }[],
): string | null {
  return wijken.find((w) => w.postcodes.includes(digits))?.code ?? null;
}

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
        const digits = postcodeDigits(v);
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
