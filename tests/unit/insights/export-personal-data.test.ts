import { describe, expect, test } from "vitest";
import { exportColumns } from "../../../app/domain/insights/export-columns";
import { hasPersonalData, safeTerms } from "../../../app/domain/insights/personal-data";
import type { AnswerRow } from "../../../app/domain/surveys/answers";
import { listQuestions, parseDefinition } from "../../../app/domain/surveys/definition";
import { woonvisieDefinition } from "../../../app/domain/surveys/woonvisie";

// Issue 12 point 9: personal data never leaves through a side column. Every answer field of every
// question holds personal data here, and the code labels are named after it; no export column may
// carry any of it.
const PERSONAL = "Bel 06-12345678 of mail jan@example.nl, Binnenweg 12, 2101 AB";

const parsed = parseDefinition(woonvisieDefinition);
if (!parsed.ok) throw new Error("woonvisie definition does not parse");
const definition = parsed.definition;

function poisonedAnswers(): AnswerRow[] {
  const rows: AnswerRow[] = [];
  for (const q of listQuestions(definition)) {
    const subKeys =
      q.type === "matrix"
        ? q.rows.map((r) => r.value)
        : q.type === "ranking"
          ? q.items.map((i) => i.value)
          : [""];
    for (const subKey of subKeys)
      rows.push(
        Object.assign(
          {
            questionKey: q.key,
            subKey,
            valueText: PERSONAL,
            valueNumber: q.type === "birthYear" ? 1980 : 3,
            valueOption: PERSONAL,
            valueOptions: [PERSONAL],
            valueLat: 52.351234,
            valueLng: 4.611234,
            dontKnow: false,
          },
          { id: rows.length + 1 },
        ),
      );
  }
  return rows;
}

const columns = exportColumns(definition, { DEMO01: "Centrum" });
const answers = poisonedAnswers();
const context = { submittedYear: 2026, codeLabels: () => `Voorstel: ${PERSONAL}` };

describe("every export column passes the personal-data check", () => {
  test("the definition has every kind of column", () => {
    const types = new Set(listQuestions(definition).map((q) => q.type));
    for (const t of ["single", "multiple", "open", "mapPoint", "birthYear", "postcode", "matrix"])
      expect(types.has(t as never)).toBe(true);
    expect(columns.some((c) => c.key.endsWith("_codes"))).toBe(true);
  });

  test.each(columns.map((c) => [c.key, c] as const))("%s", (_key, column) => {
    const value = column.get(answers, context);
    expect(hasPersonalData(String(value ?? ""))).toBe(false);
  });
});

describe("code suggestions are never named after personal data", () => {
  test("terms with digits or personal data are left out of a label", () => {
    expect(safeTerms(["06-12345678", "bel", "gerust", "jan@example.nl", "12"])).toEqual(["bel", "gerust"]);
  });
});
