// Reactions on a concept document (issue 16, docs/consultation.md): the reaction period, withdrawal, the rate
// limits of the public form, how a respondent is shown, and which reactions belong to a version's paragraphs.

// ---------------------------------------------------------------------------------------------
// Reaction period (Europe/Amsterdam; the instants are stored, the wall clock is shown)

export type PeriodState = "not_set" | "upcoming" | "open" | "closed";

export function periodState(
  period: { reactionStartsAt: Date | null; reactionEndsAt: Date | null },
  now: Date,
): PeriodState {
  if (!period.reactionStartsAt || !period.reactionEndsAt) return "not_set";
  if (now < period.reactionStartsAt) return "upcoming";
  if (now >= period.reactionEndsAt) return "closed";
  return "open";
}

/**
 * Retention (docs/privacy.md). The text of a counted reaction stays (the reactienota is a public record
 * and names no resident); the name and e-mail address of whoever sent it go REACTION_AFTER_NOTA_DAYS
 * after the version's reactienota was published, or REACTION_WITHOUT_NOTA_DAYS after the reaction
 * period ended when no reactienota came. Reactions that never counted (never confirmed, or withdrawn)
 * are deleted REACTION_UNCOUNTED_DAYS after the period ended (both can happen only during the period).
 */
export const REACTION_AFTER_NOTA_DAYS = 180;

export const REACTION_WITHOUT_NOTA_DAYS = 365;

export const REACTION_UNCOUNTED_DAYS = 30;

/** A reaction counts when confirmed; it can be withdrawn by its author until the period ends. */
export function canWithdraw(
  reaction: { status: "pending" | "confirmed" | "withdrawn" },
  period: { reactionStartsAt: Date | null; reactionEndsAt: Date | null },
  now: Date,
): boolean {
  if (reaction.status === "withdrawn") return false;
  return periodState(period, now) === "open";
}

// ---------------------------------------------------------------------------------------------
// Rate limits on the public reaction form (counted in PostgreSQL before the work, app/lib/rate-limit.server.ts).
// Per IP address: generous enough for a shared connection (a library, an evening in the town hall).
// Per e-mail address: an organisation reacting on several paragraphs stays well under it; a flood of
// confirmation mails to one address does not.

export const REACTION_IP_LIMIT = { windowSeconds: 60 * 60, max: 20 } as const;

export const REACTION_EMAIL_LIMIT = { windowSeconds: 60 * 60, max: 10 } as const;

export const reactionLimitMessages = {
  ip: "Vanaf deze internetverbinding zijn in korte tijd veel reacties gestuurd. Probeer het over een uur opnieuw. Uw tekst staat nog in het formulier.",
  email:
    "Met dit e-mailadres zijn in korte tijd veel reacties gestuurd. Probeer het over een uur opnieuw. Uw tekst staat nog in het formulier.",
} as const;

// ---------------------------------------------------------------------------------------------
// Respondents (seed 000, "Deelnemers en rollen")

export const organisationRoles = {
  adviseur: "Adviseur (meedenken)",
  geraadpleegd: "Wordt geraadpleegd",
  geinformeerd: "Wordt geïnformeerd",
  "co-producent": "Co-producent (mee ontwerpen)",
} as const;

export type OrganisationRole = keyof typeof organisationRoles;

export function organisationRoleLabel(role: string | null): string {
  return role && role in organisationRoles ? organisationRoles[role as OrganisationRole] : "Organisatie";
}

export interface Respondent {
  kind: "resident" | "organisation";
  organisationName: string | null;
  organisationRole: string | null;
}

/** How a respondent appears in public and in the reactienota: residents anonymous, organisations named. */
export function publicRespondent(r: Respondent): string {
  if (r.kind === "resident" || !r.organisationName) return "Een inwoner";
  return `${r.organisationName} (${organisationRoleLabel(r.organisationRole)})`;
}

// ---------------------------------------------------------------------------------------------
// Attachment: each reaction stays on the paragraph and version it was made on.

export interface ReactionRef {
  id: number;
  versionId: number;
  paragraphId: number | null;
}

/** The reactions of one version by paragraph (null = the whole document); other versions' reactions stay out. */
export function reactionsByParagraph<R extends ReactionRef>(versionId: number, reactions: readonly R[]) {
  const map = new Map<number | null, R[]>();
  for (const r of reactions) {
    if (r.versionId !== versionId) continue;
    const list = map.get(r.paragraphId) ?? [];
    list.push(r);
    map.set(r.paragraphId, list);
  }
  return map;
}
