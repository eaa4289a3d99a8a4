import { z } from "zod";
import { projectStatuses } from "../../../db/schema/projects";
import { optionalText, requiredText } from "../../lib/forms";

// Staff forms for projects and phases (issue 14).

const day = (message: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T12:00:00Z`))) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return v;
    });

export const phaseSchema = z
  .object({
    title: requiredText(150, "Vul de naam van de fase in."),
    description: z.string().trim().max(2000, "Gebruik hoogstens 2000 tekens.").default(""),
    startsOn: day("Vul een geldige begindatum in."),
    endsOn: day("Vul een geldige einddatum in."),
  })
  .refine((d) => !d.startsOn || !d.endsOn || d.startsOn <= d.endsOn, {
    path: ["endsOn"],
    message: "De einddatum ligt voor de begindatum. Kies een latere einddatum.",
  });
export type PhaseInput = z.output<typeof phaseSchema>;

export const projectSchema = z.object({
  title: requiredText(150, "Vul de naam van het project in."),
  summary: requiredText(300, "Vul een korte samenvatting in."),
  description: z.string().trim().max(5000, "Gebruik hoogstens 5000 tekens.").default(""),
  status: z.enum(projectStatuses, { errorMap: () => ({ message: "Kies een status." }) }),
  contactEmail: optionalText(254).refine((v) => !v || z.string().email().safeParse(v).success, {
    message: "Vul een geldig e-mailadres in, bijvoorbeeld woonvisie@heemstede.nl.",
  }),
  themes: z.array(z.enum(["1", "2", "3", "4", "5"])).default([]),
});
export type ProjectInput = z.output<typeof projectSchema>;
