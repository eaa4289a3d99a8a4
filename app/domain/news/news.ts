import { z } from "zod";
import { amsterdamToInstant } from "../../lib/amsterdam-time";
import { optionalText, requiredText } from "../../lib/forms";
import { slugOf } from "../../lib/slug";

// Pure rules of news items ("Actueel", issue 14).

export const NEWS_PAGE_SIZE = 10;

export const publishModes = ["draft", "now", "scheduled"] as const;
export type PublishMode = (typeof publishModes)[number];
export const publishModeLabels: Record<PublishMode, string> = {
  draft: "Concept: nog niet zichtbaar",
  now: "Nu publiceren",
  scheduled: "Inplannen op een datum en tijd",
};

/** The staff news form. `now` decides what "in the past" means. */
export function newsFormSchema(now: Date) {
  return z
    .object({
      title: requiredText(150, "Vul een titel in."),
      summary: requiredText(300, "Vul een korte samenvatting in."),
      body: z.string().max(20_000, "Gebruik hoogstens 20.000 tekens.").default(""),
      projectId: z
        .string()
        .optional()
        .transform((v, ctx) => {
          if (!v) return null;
          const n = Number(v);
          if (!Number.isSafeInteger(n) || n <= 0) {
            ctx.addIssue({ code: "custom", message: "Kies een project uit de lijst." });
            return z.NEVER;
          }
          return n;
        }),
      imageAlt: optionalText(250),
      removeImage: z.string().optional().transform(Boolean),
      publishMode: z.enum(publishModes, {
        errorMap: () => ({ message: "Kies wanneer het bericht verschijnt." }),
      }),
      publishAt: z.string().optional().default(""),
      submissionKey: z.string().max(64).optional(),
    })
    .transform((d, ctx) => {
      let publishAt: Date | null = null;
      if (d.publishMode === "now") publishAt = now;
      if (d.publishMode === "scheduled") {
        const at = d.publishAt ? amsterdamToInstant(d.publishAt) : null;
        if (!at) {
          ctx.addIssue({ code: "custom", path: ["publishAt"], message: "Vul een geldige datum en tijd in." });
          return z.NEVER;
        }
        if (at <= now) {
          ctx.addIssue({
            code: "custom",
            path: ["publishAt"],
            message:
              "Deze datum en tijd zijn al voorbij. Kies een moment in de toekomst, of kies 'Nu publiceren'.",
          });
          return z.NEVER;
        }
        publishAt = at;
      }
      return { ...d, publishAt };
    });
}
export type NewsInput = z.output<ReturnType<typeof newsFormSchema>>;

/** A URL part from a title: lower case, a-z 0-9 and dashes, at most 80 characters. */
export function slugify(title: string): string {
  return slugOf(title, 80) || "bericht";
}

/** Public state of a news item at `now`. */
export function newsState(
  item: { publishAt: Date | null; withdrawnAt: Date | null },
  now: Date,
): "draft" | "scheduled" | "published" | "withdrawn" {
  if (item.withdrawnAt) return "withdrawn";
  if (!item.publishAt) return "draft";
  return item.publishAt > now ? "scheduled" : "published";
}
