import { z } from "zod";
import { amsterdamToInstant } from "../../lib/amsterdam-time";

// Rules of the surveys context that need no database.

export type Availability = "draft" | "notYetOpen" | "open" | "closed";

/** Whether residents can answer now: published, and between the open and close dates. */
export function surveyAvailability(
  survey: { status: "draft" | "published" | "closed"; opensAt: Date | null; closesAt: Date | null },
  now = new Date(),
): Availability {
  if (survey.status === "draft") return "draft";
  if (survey.status === "closed") return "closed";
  if (survey.opensAt && now < survey.opensAt) return "notYetOpen";
  if (survey.closesAt && now >= survey.closesAt) return "closed";
  return "open";
}

export const accessModeLabels = {
  open: "Open: iedereen kan meedoen",
  code: "Met persoonlijke code of link (digipanel of brief)",
  anonymous: "Anoniem: er wordt niets persoonlijks bewaard",
} as const;

export const statusLabels = { draft: "Concept", published: "Gepubliceerd", closed: "Gesloten" } as const;

/** Open surveys: this many starts per IP address per hour (a household or office shares one address). */
export const START_LIMIT = { windowSeconds: 60 * 60, max: 30 } as const;
/** "Mail me a link": this many mails per IP address per hour. */
export const RESUME_MAIL_LIMIT = { windowSeconds: 60 * 60, max: 5 } as const;
/** Typing personal codes: this many wrong codes per IP address per 15 minutes. */
export const CODE_LIMIT = { windowSeconds: 15 * 60, max: 20 } as const;

export const slugField = z
  .string({ required_error: "Vul een webadres in." })
  .trim()
  .toLowerCase()
  .min(3, "Gebruik minstens 3 tekens voor het webadres.")
  .max(60, "Gebruik hoogstens 60 tekens voor het webadres.")
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    "Gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld woonvisie-2026.",
  );

const projectField = z
  .string()
  .optional()
  .transform((v) => (v ? Number.parseInt(v, 10) : null))
  .refine((v) => v === null || (Number.isInteger(v) && v > 0), "Kies een project.");

export const newSurveySchema = z.object({
  title: z.string({ required_error: "Vul een titel in." }).trim().min(1, "Vul een titel in.").max(200),
  slug: slugField,
  accessMode: z.enum(["open", "code", "anonymous"], {
    errorMap: () => ({ message: "Kies hoe mensen meedoen." }),
  }),
  projectId: projectField,
});

export const settingsSchema = newSurveySchema.omit({ title: true });

/** A datetime-local value (Europe/Amsterdam wall clock) or empty. */
function localDate(message: string) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const d = amsterdamToInstant(v);
      if (!d) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return d;
    });
}

export const publishSchema = z
  .object({
    opensAt: localDate("Vul een geldige begindatum in."),
    closesAt: localDate("Vul een geldige einddatum in."),
  })
  .refine((d) => !d.opensAt || !d.closesAt || d.opensAt < d.closesAt, {
    path: ["closesAt"],
    message: "De einddatum moet na de begindatum liggen.",
  });

/**
 * Versioning: a published definition never changes under its answers. Saving edits updates the
 * draft in place, or starts a new version when the newest one is published.
 */
export function planDefinitionSave(latest: {
  version: number;
  publishedAt: Date | null;
}): { mode: "update"; version: number } | { mode: "insert"; version: number } {
  return latest.publishedAt
    ? { mode: "insert", version: latest.version + 1 }
    : { mode: "update", version: latest.version };
}
