import { z } from "zod";
import { emailField, requiredText } from "../../lib/forms";

// "Blijf op de hoogte" (issue 14, point 4), without I/O. docs/informed-events.md.

/** A confirmation link works this long. */
export const CONFIRM_DAYS = 7;

/**
 * Retention (docs/privacy.md). The address of someone who unsubscribes is cleared at once; what is left
 * of the follow (dates, the link to mails already sent) goes this many days after leaving. An address
 * that was never confirmed goes this many days after its confirmation link expired.
 */
export const FOLLOWER_LEFT_DAYS = 30;
export const FOLLOWER_UNCONFIRMED_DAYS = 30;

/** "site" = the whole site; otherwise the id of one project. */
export const followSchema = z.object({
  email: emailField(),
  scope: z
    .string({ required_error: "Kies wat u wilt volgen." })
    .trim()
    .regex(/^(site|\d{1,9})$/, "Kies wat u wilt volgen."),
});

export const mailingSchema = z.object({
  subject: requiredText(200, "Vul een onderwerp in."),
  body: requiredText(10_000, "Schrijf het bericht."),
  projectIds: z
    .array(z.string().regex(/^\d{1,9}$/, "Kies een bestaand project."))
    .min(1, "Kies minstens één project.")
    .transform((ids) => [...new Set(ids.map(Number))]),
});
export type MailingInput = z.infer<typeof mailingSchema>;

export type DigestItemKind = "news" | "phase" | "event";

export interface DigestItem {
  kind: DigestItemKind;
  /** Null: about the whole site (shown to everyone who follows the whole site). */
  projectId: number | null;
  title: string;
  url: string;
  /** When it became news: published, phase start, bijeenkomst announced. */
  at: Date;
  /** Extra line, e.g. the date of a bijeenkomst. */
  detail?: string;
}

export interface DigestFollower {
  wholeSite: boolean;
  projectIds: readonly number[];
  /** Everything up to here was in an earlier digest (or predates the follow). */
  since: Date;
}

/**
 * The items for one follower's digest: new since their last digest (up to `until`), and about what
 * they follow: everything for the whole site, else only items of their projects. Newest first.
 */
export function selectDigest(
  follower: DigestFollower,
  items: readonly DigestItem[],
  until: Date,
): DigestItem[] {
  return items
    .filter((i) => i.at > follower.since && i.at <= until)
    .filter((i) => follower.wholeSite || (i.projectId !== null && follower.projectIds.includes(i.projectId)))
    .sort((a, b) => b.at.getTime() - a.at.getTime());
}

const sectionTitles: Record<DigestItemKind, string> = {
  news: "Nieuws",
  phase: "Een nieuwe fase begint",
  event: "Nieuwe bijeenkomsten",
};

/** The text of a digest: one section per kind, each item with its link in full. */
export function digestParagraphs(items: readonly DigestItem[]): string[] {
  const out: string[] = ["Beste lezer,", "Dit is er nieuw op Wij maken Heemstede over wat u volgt."];
  for (const kind of ["news", "phase", "event"] as const) {
    const of = items.filter((i) => i.kind === kind);
    if (of.length === 0) continue;
    out.push(
      `${sectionTitles[kind]}:\n${of
        .map((i) => `- ${i.title}${i.detail ? ` (${i.detail})` : ""}\n  ${i.url}`)
        .join("\n")}`,
    );
  }
  return out;
}

export function digestSubject(items: readonly DigestItem[]): string {
  return items.length === 1
    ? `Nieuw op Wij maken Heemstede: ${items[0]!.title}`
    : `${items.length} nieuwe berichten op Wij maken Heemstede`;
}

/** The stable Message-ID of an informed mail: a resend after a crash is recognisable. */
export function informedMessageId(id: number, domain: string): string {
  return `<informed-${id}@${domain}>`;
}
