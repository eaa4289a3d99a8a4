/**
 * A URL part from a title: accents dropped, lower case, a-z 0-9 and single dashes, at most `max` characters
 * and never a dash at either end. May be empty; the caller picks its own fallback.
 */
export function slugOf(title: string, max: number): string {
  return title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
}
