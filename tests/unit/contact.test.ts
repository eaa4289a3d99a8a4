import { describe, expect, test } from "vitest";
import { confirmationParagraphs, contactSchema, isBot } from "../../app/domain/contact/contact";
import { parseForm } from "../../app/lib/forms";

function form(values: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

describe("contact form rules", () => {
  test("the phone number is optional, but must look like one when given", () => {
    const base = { name: "A", email: "a@b.nl", subject: "S", message: "M" };
    expect(parseForm(contactSchema, form({ ...base, phone: "" })).ok).toBe(true);
    expect(parseForm(contactSchema, form({ ...base, phone: "+31 (0)23 548 56 00" })).ok).toBe(true);
    const bad = parseForm(contactSchema, form({ ...base, phone: "bel maar" }));
    expect(bad.ok).toBe(false);
  });

  test("a message longer than 5000 characters is refused in Dutch", () => {
    const res = parseForm(
      contactSchema,
      form({ name: "A", email: "a@b.nl", subject: "S", message: "x".repeat(5001) }),
    );
    expect(res.ok ? null : res.errors.message).toBe("Gebruik hoogstens 5000 tekens.");
  });

  test("the hidden field marks a bot only when filled", () => {
    expect(isBot(form({ website: "" }))).toBe(false);
    expect(isBot(form({}))).toBe(false);
    expect(isBot(form({ website: "x" }))).toBe(true);
  });

  test("the confirmation repeats nothing the sender typed, not even the name", () => {
    expect(confirmationParagraphs().join(" ")).toContain("Beste heer, mevrouw,");
  });
});
