import { data } from "@remix-run/node";
import { createRemixStub } from "@remix-run/testing";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, test } from "vitest";
import { checkRows } from "~/domain/initiatives/quickscan-answers";
import type { QuickscanPage } from "~/domain/initiatives/quickscan-flow.server";
import { validateStep } from "~/domain/initiatives/quickscan-form";
import { type StepId, stepPosition, stepTitle } from "~/domain/initiatives/quickscan-steps";
import { formToObject } from "~/lib/forms";
import Quickscan from "~/routes/idee.nieuw";

// The quickscan page as residents see it, rendered with the stub router (no server, no database):
// one topic per page, a step count that does not change on the way, errors at the fields, and the
// check page with a "Wijzig" link per answer.
const wijken = [
  { code: "W01", name: "Centrum" },
  { code: "W02", name: "Bosch en Vaart" },
];

function pageFor(step: StepId, values: Record<string, string | string[]>, fromCheck = false): QuickscanPage {
  return {
    step,
    title: stepTitle(step, values),
    position: stepPosition(step),
    values,
    fromCheck,
    wijken,
    addressSearch: false,
    tiles: { url: "http://127.0.0.1/{z}/{x}/{y}.png", attribution: "Kaart" },
    rows: step === "controleren" ? checkRows(values, (c) => wijken.find((w) => w.code === c)?.name) : null,
    photo: null,
  };
}

function renderStep(step: StepId, values: Record<string, string | string[]>) {
  const Stub = createRemixStub([
    {
      path: "/idee/nieuw",
      Component: Quickscan,
      loader: () => pageFor(step, values),
      // The step's own validation, as the flow runs it; the page comes back with what was sent.
      action: async ({ request }) => {
        const sent = formToObject(await request.formData(), ["parties", "contribution"]);
        const result = validateStep(step, { ...values, ...sent });
        const page = pageFor(step, { ...values, ...sent });
        return data({ page, errors: result.ok ? {} : result.errors }, { status: result.ok ? 200 : 400 });
      },
    },
  ]);
  render(<Stub initialEntries={["/idee/nieuw"]} />);
}

const answered = {
  title: "Bankjes in het park",
  description: "Meer bankjes om even uit te rusten.",
  theme: "groen",
  locationKind: "wijk",
  wijkCode: "W02",
  partyCount: "weinig",
  impact: "small",
  interests: "weinig",
  otherPlans: "no",
  publicSpace: "yes",
  permit: "unknown",
  policy: "ja",
  budget: "",
  timing: "soon",
  name: "Anna de Vries",
  email: "anna@example.nl",
  consentContact: "ja",
};

describe("quickscan page", () => {
  test("the location page shows only the fields of the chosen kind, as step 2 of 8 like the page before", async () => {
    renderStep("plek", { title: "Bankjes", locationKind: "wijk" });
    await screen.findByRole("heading", { level: 1, name: "In welke wijk?" });
    expect(screen.getByText("Stap 2 van 8")).toBeTruthy();
    expect(screen.getByRole("combobox", { name: /^Wijk/ })).toBeTruthy();
    expect(screen.queryByLabelText(/Adres of straat/)).toBeNull();
    expect(screen.queryByText(/breedtegraad|lengtegraad/i)).toBeNull();
    // The primary action comes first.
    const buttons = screen.getAllByRole("button").map((b) => b.textContent);
    expect(buttons.slice(-2)).toEqual(["Volgende", "Vorige"]);
  });

  test("a step sent without answers shows the errors at the top and at the fields, and the count stays", async () => {
    renderStep("wie", { title: "Bankjes", locationKind: "whole_town" });
    await screen.findByRole("heading", { level: 1, name: "Wie doen er mee?" });
    expect(screen.getByText("Stap 3 van 8")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Volgende" }));
    const summary = await screen.findByRole("alert");
    expect(within(summary).getAllByRole("link").length).toBeGreaterThan(0);
    expect(screen.getByText("Stap 3 van 8")).toBeTruthy();
  });

  test("the check page lists every answer with a Wijzig link, and says so in words where nothing was chosen", async () => {
    renderStep("controleren", answered);
    await screen.findByRole("heading", { level: 1, name: "Controleer uw antwoorden" });
    expect(screen.getByText("Stap 8 van 8")).toBeTruthy();
    const parties = screen.getByText("Wie doen er mee, naast u?").closest("div")!;
    expect(within(parties).getByText("U heeft hier niets ingevuld")).toBeTruthy();
    expect(
      within(parties)
        .getByRole("link", { name: /Wijzig/ })
        .getAttribute("href"),
    ).toBe("/idee/nieuw?stap=wie&wijzig=1#veld-parties");
    expect(screen.getByText("Bosch en Vaart")).toBeTruthy();
    expect(screen.queryByText("Niets gekozen")).toBeNull();
    expect(screen.getByRole("button", { name: "Verstuur mijn idee" })).toBeTruthy();
  });
});
