// Text rules for project pages.

const sentences = (text: string) =>
  text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
const normal = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

/**
 * The description as it reads below the summary: sentences the summary already says are left out,
 * so the page never says the same sentence twice (staff often start the description with the
 * summary). Empty when the description adds nothing.
 */
export function descriptionAfterSummary(summary: string | null, description: string | null): string {
  if (!description) return "";
  if (!summary) return description;
  const said = new Set(sentences(summary).map(normal));
  return description
    .split(/\n{2,}/)
    .map((paragraph) =>
      sentences(paragraph)
        .filter((s) => !said.has(normal(s)))
        .join(" "),
    )
    .filter(Boolean)
    .join("\n\n");
}
