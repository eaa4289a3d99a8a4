import { z } from "zod";
import { type InputSource, inputSources } from "../../../db/schema/insights";
import { requiredText } from "../../lib/forms";

export { type InputSource, inputSources };

export const inputSourceLabels: Record<InputSource, string> = {
  residents_evening: "Bewonersavond",
  working_group: "Werkgroep Samen Besluiten",
  housing_corporations: "Woningcorporaties",
  tenant_organisations: "Huurdersorganisaties",
  other_stakeholders: "Overige stakeholders",
};

export const inputItemSchema = z.object({
  theme: z.coerce
    .number({ invalid_type_error: "Kies een thema." })
    .int()
    .min(1, "Kies een thema.")
    .max(5, "Kies een thema."),
  source: z.enum(inputSources, { errorMap: () => ({ message: "Kies waar de inbreng vandaan komt." }) }),
  title: requiredText(200, "Geef de inbreng een korte titel."),
  text: requiredText(5000, "Beschrijf de inbreng."),
  itemDate: z
    .string({ required_error: "Vul de datum in." })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Vul de datum in als dag-maand-jaar, bijvoorbeeld 14-10-2026.")
    .refine((v) => !Number.isNaN(Date.parse(v)), "Deze datum bestaat niet."),
});
export type InputItemInput = z.infer<typeof inputItemSchema>;

/**
 * Who was consulted in which role: the participation plan of the Woonvisie (seed 000, "Deelnemers en
 * rollen"). Shown at the end of the report as the account of the participation.
 */
export const participationRoles: { who: string; role: string }[] = [
  { who: "Gemeente Heemstede (ambtenaar)", role: "Proceseigenaar" },
  { who: "Gemeenteraad Heemstede", role: "Beslisser" },
  { who: "College van B&W", role: "Co-producent (mee ontwerpen)" },
  { who: "Ambtenaren van verschillende betrokken beleidsafdelingen", role: "Co-producent (mee ontwerpen)" },
  { who: "Externe adviseur", role: "Co-producent (mee ontwerpen)" },
  { who: "Woningcorporaties Elan Wonen en Pré Wonen", role: "Adviseur (meedenken)" },
  { who: "Huurdersorganisaties Bewonersraad Elan Wonen en Bewonerskern Pré", role: "Adviseur (meedenken)" },
  { who: "Inwoners", role: "Worden geraadpleegd en geïnformeerd" },
  {
    who: "Overige stakeholders (zorgaanbieders, NVM-vertegenwoordigers en ontwikkelende partijen)",
    role: "Worden geraadpleegd en geïnformeerd",
  },
  { who: "Buurgemeenten", role: "Worden geïnformeerd" },
];
