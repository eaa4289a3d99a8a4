import { z } from "zod";
import { amsterdamMidnight } from "../../lib/amsterdam-time";

// The filters of /beheer/audit, read from the query string. Dates are calendar days in the
// Netherlands; "tot en met" includes the whole last day.

/** "2026-03-01" (from a date field) or "1-3-2026" (typed by hand) to "2026-03-01"; else null. */
export function parseDay(input: string): string | null {
  const v = input.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const nl = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v);
  const [y, m, d] = iso
    ? [iso[1], iso[2], iso[3]].map(Number)
    : nl
      ? [nl[3], nl[2], nl[1]].map(Number)
      : [Number.NaN, Number.NaN, Number.NaN];
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== d || date.getUTCMonth() !== m! - 1) return null;
  return date.toISOString().slice(0, 10);
}

const day = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (!v?.trim()) return undefined;
    const parsed = parseDay(v);
    if (!parsed) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: "Vul een bestaande datum in, bijvoorbeeld 1-3-2026.",
      });
      return z.NEVER;
    }
    return parsed;
  });

export const auditFilterSchema = z
  .object({
    gebruiker: z.string().trim().max(100).optional(),
    actie: z.string().trim().max(100).optional(),
    van: day,
    tot: day,
  })
  .refine((v) => !v.van || !v.tot || v.van <= v.tot, {
    path: ["tot"],
    message: "De einddatum ligt voor de begindatum.",
  });

/** The bounds for listAudit: from the start of `van` up to (not including) the day after `tot`. */
export function dayRange(van?: string, tot?: string): { from?: Date; until?: Date } {
  const from = van ? amsterdamMidnight(van) : undefined;
  let until: Date | undefined;
  if (tot) {
    const next = new Date(Date.parse(`${tot}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    until = amsterdamMidnight(next);
  }
  return { from, until };
}
