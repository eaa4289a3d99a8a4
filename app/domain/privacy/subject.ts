// AVG requests of one person (issue 12, docs/privacy.md): find, export or erase everything held on
// one e-mail address. Pure parts: input parsing and the texts that replace erased data.
import { z } from "zod";

export const subjectEmailSchema = z
  .string({ required_error: "Vul een e-mailadres in." })
  .trim()
  .toLowerCase()
  .min(1, "Vul een e-mailadres in.")
  .max(254, "Dit e-mailadres is te lang.")
  .email("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.");

export const eraseSchema = z.object({
  email: subjectEmailSchema,
  bevestig: z.literal("ja", { errorMap: () => ({ message: "Vink aan dat u deze gegevens wilt wissen." }) }),
});

/** Placeholder for erased personal data in rows that stay (an idea, a message). */
export const ERASED = "[verwijderd op verzoek]";

/** Placeholder for personal data cleared by a retention period (docs/privacy.md) in rows that stay. */
export const EXPIRED = "[verwijderd na bewaartermijn]";
