import { describe, expect, test } from "vitest";
import {
  auditActions,
  describeAction,
  describeDetails,
  legacyAuditActions,
} from "../../app/domain/audit/actions";

describe("the audit vocabulary", () => {
  test("every code is English entity.verb and has a Dutch sentence", () => {
    for (const [code, text] of Object.entries(auditActions)) {
      expect(code).toMatch(/^[a-z_]+\.[a-z_]+$/);
      expect(text.length).toBeGreaterThan(5);
      expect(text).not.toMatch(/[a-z]+\.[a-z_]+/); // never a code inside the sentence
    }
  });

  test("every legacy code maps onto a code of the vocabulary, and no legacy code is still a code", () => {
    for (const [old, code] of Object.entries(legacyAuditActions)) {
      expect(Object.hasOwn(auditActions, code)).toBe(true);
      expect(Object.hasOwn(auditActions, old)).toBe(false);
    }
  });

  test("the log shows sentences, and unknown old codes as stored", () => {
    expect(describeAction("initiative.status_changed")).toBe("Status van een initiatief gewijzigd");
    expect(describeAction("iets.anders")).toBe("iets.anders");
  });

  test("details read as Dutch key: value pairs", () => {
    expect(describeDetails({ from: "new", to: "rejected", reason: "past niet" })).toBe(
      "van: new; naar: rejected; reden: past niet",
    );
    const label = (code: string) => ({ new: "Nieuw", rejected: "Afgewezen" })[code] ?? code;
    expect(describeDetails({ from: "new", to: "rejected", reason: "past niet" }, label)).toBe(
      "van: Nieuw; naar: Afgewezen; reden: past niet",
    );
    expect(describeDetails({ roles: ["ambtenaar", "onderzoeker"] })).toBe("rollen: ambtenaar, onderzoeker");
    expect(describeDetails({})).toBe("");
    expect(describeDetails(null)).toBe("");
  });
});
