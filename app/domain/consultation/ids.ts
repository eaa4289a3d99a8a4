// Ids and numbers from forms and URLs of the consultation (issue 16, docs/consultation.md), checked before
// they reach a query.

/** Ids and numbers stored in an integer column: larger ones, fractions and words never reach a query. */
export const MAX_DB_INT = 2_147_483_647;

export const isDbId = (n: unknown): n is number =>
  typeof n === "number" && Number.isInteger(n) && n > 0 && n <= MAX_DB_INT;

/** A form or URL value as an id: only plain digits ("12"), else null. */
export function parseDbId(raw: unknown): number | null {
  if (typeof raw !== "string" || !/^\d{1,10}$/.test(raw.trim())) return null;
  const n = Number(raw.trim());
  return isDbId(n) ? n : null;
}
