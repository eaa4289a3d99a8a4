import { z } from "zod";

/** Staff passwords: long rather than complex (NCSC advice). */
export const passwordSchema = z
  .string()
  .min(12, "Kies een wachtwoord van minstens 12 tekens.")
  .max(200, "Een wachtwoord mag hoogstens 200 tekens hebben.");

export const LOGIN_THROTTLE = { windowSeconds: 15 * 60, max: 10 } as const;

export const loginSchema = z.object({
  email: z
    .string({ required_error: "Vul uw e-mailadres in." })
    .trim()
    .min(1, "Vul uw e-mailadres in.")
    .email("Vul een geldig e-mailadres in, bijvoorbeeld naam@heemstede.nl.")
    .transform((v) => v.toLowerCase()),
  password: z.string({ required_error: "Vul uw wachtwoord in." }).min(1, "Vul uw wachtwoord in."),
  terug: z.string().optional(),
});

export const LOGIN_FAILED_MESSAGE = "Het e-mailadres of het wachtwoord klopt niet.";
export const LOGIN_BLOCKED_MESSAGE =
  "Er is te vaak een verkeerd wachtwoord ingevuld. Probeer het over 15 minuten opnieuw.";
