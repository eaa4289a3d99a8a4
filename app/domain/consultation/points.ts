// Points of a consultation (issue 16, docs/consultation.md): merging similar reactions into one point, its
// theme and the decision on it.
import { type ThemeId, themeLabels } from "../insights/themes";
import type { ReactionRef } from "./reactions";

// ---------------------------------------------------------------------------------------------
// Decisions

export const decisionLabels = {
  adopted: "Overgenomen",
  partly_adopted: "Deels overgenomen",
  not_adopted: "Niet overgenomen",
} as const;

export type Decision = keyof typeof decisionLabels;

// ---------------------------------------------------------------------------------------------
// Merging reactions into points

export interface MergeCandidate extends ReactionRef {
  pointId: number | null;
  theme: number | null;
}

export type MergePlan =
  | { ok: true; versionId: number; paragraphId: number | null; theme: number | null; reactionIds: number[] }
  | { ok: false; error: string };

/**
 * Similar reactions become one point. They must be on the same version; when they are on different
 * paragraphs of it, the point is about the whole document. The theme is the one most of them share.
 */
export function planMerge(reactions: readonly MergeCandidate[]): MergePlan {
  if (reactions.length === 0) return { ok: false, error: "Kies minstens één reactie." };
  const versions = new Set(reactions.map((r) => r.versionId));
  if (versions.size > 1)
    return { ok: false, error: "Reacties op verschillende versies kunt u niet samenvoegen." };
  const paragraphs = new Set(reactions.map((r) => r.paragraphId));
  const counts = new Map<number, number>();
  for (const r of reactions) if (r.theme !== null) counts.set(r.theme, (counts.get(r.theme) ?? 0) + 1);
  const theme = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? null;
  return {
    ok: true,
    versionId: reactions[0]!.versionId,
    paragraphId: paragraphs.size === 1 ? reactions[0]!.paragraphId : null,
    theme,
    reactionIds: reactions.map((r) => r.id),
  };
}

export function themeLabel(theme: number | null): string {
  return theme !== null && theme in themeLabels ? themeLabels[theme as ThemeId] : "Nog geen thema";
}
