import { describe, expect, test } from "vitest";
import { intentFeedback } from "../../app/lib/forms";

describe("intentFeedback", () => {
  test("only the submitted form gets its errors and values back", () => {
    const { errorsFor, valueFor } = intentFeedback<"termijn" | "regel">({
      intent: "termijn",
      errors: { days: "Vul een getal in." },
      values: { days: "abc", tags: ["a", "b"] },
    });
    expect(errorsFor("termijn")).toEqual({ days: "Vul een getal in." });
    expect(errorsFor("regel")).toEqual({});
    expect(valueFor("termijn", "days", "10")).toBe("abc");
    expect(valueFor("termijn", "tags")).toBe("a");
    expect(valueFor("regel", "days", "10")).toBe("10");
    expect(valueFor("regel", "days", null)).toBeUndefined();
    expect(valueFor("regel", "days")).toBeUndefined();
  });

  test("before any submit every form is empty, or shows its fallback", () => {
    const { errorsFor, valueFor } = intentFeedback<"termijn">(undefined);
    expect(errorsFor("termijn")).toEqual({});
    expect(valueFor("termijn", "days", "10")).toBe("10");
    expect(valueFor("termijn", "days")).toBeUndefined();
  });
});
