import type { Option, Question } from "./definition";

// What the definition's schema checks per question beyond zod's shape (surveyDefinitionSchema calls it).

/** Sub keys that answers.ts uses for its own form fields; rows and items may not use them. */
export const RESERVED_SUB_KEYS = [
  "anders",
  "weetniet",
  "opmerking",
  "adres",
  "locatie",
  "lat",
  "lng",
] as const;

function duplicates(values: string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

/** Rules per question that zod's shape cannot say. */
export function questionProblems(q: Question): string[] {
  const problems: string[] = [];
  const lists: Option[][] =
    q.type === "single" || q.type === "multiple"
      ? [q.options]
      : q.type === "ranking"
        ? [q.items]
        : q.type === "matrix"
          ? [q.rows, q.scale]
          : q.type === "mapPoint"
            ? [q.locations]
            : [];
  for (const list of lists) {
    for (const d of duplicates(list.map((o) => o.value)))
      problems.push(`Vraag "${q.key}": de waarde "${d}" komt twee keer voor.`);
    if (list.some((o) => o.value === "weetniet"))
      problems.push(`Vraag "${q.key}": "weetniet" is gereserveerd, zet "weet niet" aan bij de vraag.`);
  }
  const subKeys = q.type === "ranking" ? q.items : q.type === "matrix" ? q.rows : [];
  for (const s of subKeys)
    if ((RESERVED_SUB_KEYS as readonly string[]).includes(s.value))
      problems.push(`Vraag "${q.key}": "${s.value}" is gereserveerd, kies een andere waarde.`);
  if (
    (q.type === "single" || q.type === "multiple") &&
    q.other &&
    q.options.some((o) => o.value === "anders")
  )
    problems.push(
      `Vraag "${q.key}": gebruik niet zelf de waarde "anders" als ook "anders, namelijk" aan staat.`,
    );
  if (q.type === "multiple" && q.max !== undefined && q.max > q.options.length + (q.other ? 1 : 0))
    problems.push(`Vraag "${q.key}": het maximum is groter dan het aantal antwoorden.`);
  if (q.type === "ranking" && q.top !== undefined && q.top > q.items.length)
    problems.push(`Vraag "${q.key}": er zijn minder items dan de top die gerangschikt moet worden.`);
  if (q.type === "number" && q.min !== undefined && q.max !== undefined && q.min > q.max)
    problems.push(`Vraag "${q.key}": het minimum is groter dan het maximum.`);
  if (q.type === "mapPoint" && q.locations.length === 0 && !q.allowAddress)
    problems.push(`Vraag "${q.key}": geef plekken om uit te kiezen of sta een adres toe.`);
  return problems;
}
