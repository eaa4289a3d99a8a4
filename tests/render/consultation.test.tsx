import { data } from "@remix-run/node";
import { createRemixStub } from "@remix-run/testing";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, test } from "vitest";
import { changeOverview } from "~/domain/consultation/change-overview";
import { parseEditorText } from "~/domain/consultation/paragraphs";
import { reactionLimitMessages } from "~/domain/consultation/reactions";
import ReactForm from "~/routes/meedenken_.$slug_.reageren";
import Changes from "~/routes/meedenken_.$slug_.wijzigingen";

// The pages as a resident sees them, without the database: the rate-limit answer on the reaction form and the
// headings of the change overview.

describe("the reaction form over the rate limit", () => {
  test("the Dutch message is at the form (and at the e-mail field), the input kept", async () => {
    const Stub = createRemixStub([
      {
        path: "/meedenken/woonvisie/reageren",
        Component: ReactForm,
        loader: () => ({
          project: { slug: "woonvisie", title: "Woonvisie" },
          title: "Concept-Woonvisie",
          version: 1,
          period: "open",
          startsAt: null,
          endsAt: null,
          paragraph: null,
          roles: [{ value: "adviseur", label: "Adviseur (meedenken)" }],
        }),
        action: async ({ request }: { request: Request }) => {
          const form = await request.formData();
          return data(
            {
              ok: false as const,
              errors: { _form: reactionLimitMessages.ip, email: reactionLimitMessages.email },
              values: Object.fromEntries(form) as Record<string, string>,
            },
            { status: 429 },
          );
        },
      },
    ]);
    render(<Stub initialEntries={["/meedenken/woonvisie/reageren"]} />);
    const text = await screen.findByLabelText(/^Uw reactie/);
    fireEvent.change(text, { target: { value: "Meer huurwoningen graag." } });
    fireEvent.change(screen.getByLabelText(/^Uw e-mailadres/), { target: { value: "jan@example.nl" } });
    fireEvent.click(screen.getByRole("button", { name: "Reactie versturen" }));
    const summary = await screen.findByRole("alert");
    expect(within(summary).getByText(reactionLimitMessages.ip)).toBeTruthy();
    expect(
      within(summary).getByRole("link", { name: reactionLimitMessages.email }).getAttribute("href"),
    ).toBe("#veld-email");
    expect((screen.getByLabelText(/^Uw reactie/) as HTMLTextAreaElement).value).toBe(
      "Meer huurwoningen graag.",
    );
    expect(screen.getByLabelText(/^Uw e-mailadres/).getAttribute("aria-invalid")).toBe("true");
  });
});

describe("the change overview", () => {
  test("an inserted paragraph is one change; moved and edited paragraphs say their old number", async () => {
    const before = parseEditorText(
      "# Wonen\nWij bouwen 300 huurwoningen.\n\nStarters krijgen voorrang.\n\nOuderen blijven thuis wonen.\n\nWeg.",
    );
    const after = parseEditorText(
      "# Wonen\nNieuw: de gemeente koopt grond.\n\nWij bouwen 450 huurwoningen.\n\nOuderen blijven thuis wonen.\n\nStarters krijgen voorrang.",
    );
    const Stub = createRemixStub([
      {
        path: "/meedenken/woonvisie/wijzigingen",
        Component: Changes,
        loader: () => ({
          project: { slug: "woonvisie", title: "Woonvisie" },
          title: "Concept-Woonvisie",
          from: 1,
          to: 2,
          changes: changeOverview(before, after),
        }),
      },
    ]);
    render(<Stub initialEntries={["/meedenken/woonvisie/wijzigingen?van=1&naar=2"]} />);
    const headings = (await screen.findAllByRole("heading", { level: 2 })).map((h) => h.textContent);
    expect(headings).toEqual([
      "Alinea 1.1, Wonen: Nieuw",
      "Alinea 1.2 (was 1.1), Wonen: Gewijzigd",
      "Alinea 1.4 (was 1.2), Wonen: Verplaatst",
      "Alinea 1.4 uit versie 1, Wonen: Vervallen",
    ]);
    expect(screen.getByText("450", { exact: false }).closest("ins")).toBeTruthy();
  });
});
