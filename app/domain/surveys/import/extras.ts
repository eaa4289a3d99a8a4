// What our own .lss export carries that LimeSurvey has no place for (our keys, the page a question is on,
// woon-DNA figures, a unit, "weet niet", themes, background variables), so that importing our own export
// gives back the same definition. It rides in one question attribute that LimeSurvey keeps but ignores.
// The importer uses it only as a fallback for what LimeSurvey's own fields do not say (docs/import.md).

import { z } from "zod";

export const EXTRAS_ATTRIBUTE = "wmh_definition";

const codeMap = z.record(z.string(), z.object({ v: z.string(), c: z.string().optional() }));

export const extrasSchema = z.object({
  /** The question as we stored it (or the block), before LimeSurvey's fields are laid over it. */
  question: z.record(z.string(), z.unknown()).optional(),
  block: z.record(z.string(), z.unknown()).optional(),
  /** LimeSurvey code → our value (and the imported code it had, if any). */
  options: codeMap.optional(),
  rows: codeMap.optional(),
  /** Set on the first question of a group: the page it stands for. */
  page: z
    .object({ key: z.string(), kind: z.enum(["info", "questions"]), intro: z.string().optional() })
    .optional(),
  /** Set on the first question of the survey. */
  survey: z
    .object({ estimatedMinutes: z.number(), whatHappens: z.string(), intro: z.string() })
    .partial()
    .optional(),
});
export type Extras = z.infer<typeof extrasSchema>;

export function readExtras(value: string | undefined): Extras | null {
  if (!value || value.length > 200_000) return null;
  try {
    const parsed = extrasSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
