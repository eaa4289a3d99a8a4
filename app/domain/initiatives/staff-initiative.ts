import { z } from "zod";
import { optionalCoordinate, optionalText, requiredText } from "../../lib/forms";
import { statusValues } from "./statuses";
import { themeValues } from "./themes";

// The staff form for adding or editing an initiative on the map (/beheer/kaart).
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "ja");

export const staffInitiativeSchema = z
  .object({
    titel: requiredText(120, "Vul een titel in."),
    samenvatting: requiredText(2000, "Vul een samenvatting in."),
    thema: z.enum(themeValues, { errorMap: () => ({ message: "Kies een thema." }) }),
    status: z.enum(statusValues, { errorMap: () => ({ message: "Kies een status." }) }),
    breedtegraad: optionalCoordinate(50, 54, "Vul een breedtegraad tussen 50 en 54 in, bijvoorbeeld 52,35."),
    lengtegraad: optionalCoordinate(3, 8, "Vul een lengtegraad tussen 3 en 8 in, bijvoorbeeld 4,62."),
    wijk: optionalText(20),
    uitgelicht: checkbox,
    gepubliceerd: checkbox,
    /** Editing only: the reason for a status change, mailed to the initiator (required for afgewezen). */
    toelichting: optionalText(2000),
    naam: optionalText(100),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .optional()
      .refine(
        (v) => !v || z.string().email().safeParse(v).success,
        "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.",
      )
      .transform((v) => (v ? v : null)),
  })
  .superRefine((v, ctx) => {
    if ((v.breedtegraad === null) !== (v.lengtegraad === null))
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: [v.breedtegraad === null ? "breedtegraad" : "lengtegraad"],
        message: "Vul breedtegraad en lengtegraad allebei in, of laat ze allebei leeg.",
      });
  });

export type StaffInitiativeForm = z.output<typeof staffInitiativeSchema>;

/** The public side of an initiative from the staff form: what both adding and editing save. */
export function staffInitiativeFields(form: StaffInitiativeForm) {
  return {
    title: form.titel,
    summary: form.samenvatting,
    theme: form.thema,
    status: form.status,
    lat: form.breedtegraad,
    lng: form.lengtegraad,
    wijkCode: form.wijk ?? null,
    featured: form.uitgelicht,
    published: form.gepubliceerd,
  };
}
