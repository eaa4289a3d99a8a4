import { data, redirect } from "@remix-run/node";
import { createRemixStub } from "@remix-run/testing";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, test } from "vitest";
import { unsavedSections, valuesOf } from "~/domain/initiatives/proceskader";
import { quickscan } from "~/domain/initiatives/quickscan";
import { answerRows } from "~/domain/initiatives/quickscan-answers";
import { type QuickscanAnswers, ruleAnswers } from "~/domain/initiatives/quickscan-form";
import { allowedNextStatuses } from "~/domain/initiatives/statuses";
import { formToObject } from "~/lib/forms";
import InitiativeDetail from "~/routes/beheer.initiatieven.$id";
import Proceskader from "~/routes/beheer.initiatieven.$id_.proceskader";

// The staff initiative page and its proceskader, rendered with the stub router (no server, no
// database): the triage panel's forms, errors in the form that was sent only, and the proceskader
// as one form that keeps text typed in another section.
const id = "6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f";
const answers = {
  title: "Bankjes langs de vaart",
  description: "Drie bankjes om uit te rusten bij het water.",
  theme: "groen",
  locationKind: "whole_town",
  parties: [],
  partyCount: "weinig",
  impact: "small",
  interests: "weinig",
  otherPlans: "no",
  publicSpace: "yes",
  permit: "no",
  policy: "ja",
  contribution: ["time"],
  timing: "soon",
  name: "Anna de Vries",
  email: "anna@example.nl",
  consentContact: "ja",
  showName: false,
  allowExactLocation: false,
} as unknown as QuickscanAnswers;

const idea = {
  id,
  title: "Bankjes langs de vaart",
  description: "Drie bankjes om uit te rusten bij het water.",
  theme: "groen",
  locationKind: "whole_town",
  address: null,
  lat: null,
  lng: null,
  wijkCode: null,
  status: "new",
  respondBy: "2026-01-05",
  accountManagerId: null,
  team: "Team Groen",
  decider: "ambtenaar",
  proposedDecider: "ambtenaar",
  complex: false,
  proposedComplex: false,
  deciderConfirmed: false,
  createdAt: "2025-12-01T10:00:00.000Z",
  isPublished: false,
  isFeatured: false,
  isDemo: false,
  processStep: 0,
  publicTitle: null,
  publicSummary: null,
  locationPrecision: "buurt",
  showName: false,
  allowExactLocation: false,
  adoptedBy: null,
  adoptedOn: null,
  adoptionReference: null,
};

function renderDetail(url = `/beheer/initiatieven/${id}`) {
  const Stub = createRemixStub([
    {
      path: "/beheer/initiatieven/:id",
      Component: InitiativeDetail,
      loader: () => ({
        idea,
        answers: answerRows(answers),
        result: quickscan(ruleAnswers(answers)),
        messages: [],
        events: [],
        documents: [],
        managers: [{ id: "u1", name: "Gijs Groen" }],
        wijkName: null,
        nextStatuses: allowedNextStatuses("new"),
        trail: [],
        photo: null,
        tiles: { url: "http://127.0.0.1/{z}/{x}/{y}.png", attribution: "Kaart" },
      }),
      // What the route's action answers to an empty message (its parsing needs the database's
      // initiative first; the integration tests cover that).
      action: async ({ request }) => {
        const form = await request.formData();
        return data(
          {
            intent: String(form.get("intent")),
            errors: { body: "Schrijf een bericht." },
            values: formToObject(form),
          },
          { status: 400 },
        );
      },
    },
  ]);
  render(<Stub initialEntries={[url]} />);
}

describe("staff initiative page", () => {
  test("a triage panel beside the content, an overdue flag, and answers in words", async () => {
    renderDetail();
    await screen.findByRole("heading", { level: 1, name: "Bankjes langs de vaart" });
    expect(screen.getByText(/Te laat: de reactietermijn is voorbij/)).toBeTruthy();
    const panel = screen.getByRole("region", { name: "Behandelen" });
    for (const name of [
      "Accounthouder",
      "Beslisser en complexiteit bevestigen",
      "Status wijzigen",
      "Bericht sturen",
    ])
      expect(within(panel).getByRole("heading", { level: 2, name })).toBeTruthy();
    // A question the resident left open reads as a sentence, not as a code or "Niets gekozen".
    const parties = screen.getByText("Wie doen er mee").nextElementSibling!;
    expect(parties.textContent).toBe("Niet ingevuld door de initiatiefnemer");
    expect(screen.queryByText(/breedtegraad/)).toBeNull();
  });

  test("the confirmation appears in the section that was saved", async () => {
    renderDetail(`/beheer/initiatieven/${id}?opgeslagen=note`);
    const section = (await screen.findByRole("heading", { name: "Notitie voor collega's" })).closest(
      "section",
    )!;
    expect(within(section).getByText("De interne notitie is opgeslagen.")).toBeTruthy();
    const other = screen.getByRole("heading", { name: "Bericht sturen" }).closest("section")!;
    expect(within(other).queryByText(/opgeslagen/)).toBeNull();
  });

  test("an error shows in the form that was sent only", async () => {
    renderDetail();
    const message = (await screen.findByRole("heading", { name: "Bericht sturen" })).closest("section")!;
    fireEvent.click(within(message).getByRole("button", { name: "Verstuur bericht" }));
    expect((await within(message).findByRole("alert")).textContent).toMatch(/Schrijf een bericht/);
    const note = screen.getByRole("heading", { name: "Notitie voor collega's" }).closest("section")!;
    expect(within(note).queryByRole("alert")).toBeNull();
  });
});

describe("proceskader page", () => {
  const stored = {
    processStep: 1,
    plan: { wat: "Woningen bouwen" },
    participation: null,
    adoptedBy: null,
    adoptedOn: null,
    adoptionReference: null,
  };
  function renderKader(state = { processStep: 1, planVersion: 1 }, redirectOnPlan = false) {
    const Stub = createRemixStub([
      {
        path: "/beheer/initiatieven/:id/proceskader",
        Component: Proceskader,
        loader: () => ({
          idea: { ...idea, complex: true, processStep: state.processStep },
          plan: { version: state.planVersion, content: stored.plan },
          participation: null,
          versions: [],
        }),
        // As handleProceskaderPost answers a saved step while another section holds new text.
        action: async ({ request }) => {
          const raw = formToObject(await request.formData(), ["doelen"]);
          // Saving a document moves the step along, as saveDocument does.
          if (redirectOnPlan && [raw.intent].flat()[0] === "plan") {
            Object.assign(state, { processStep: 2, planVersion: state.planVersion + 1 });
            return redirect(`/beheer/initiatieven/${id}/proceskader?opgeslagen=plan`);
          }
          const unsaved = unsavedSections("step", raw, stored);
          return data({
            ok: false,
            intent: "step",
            saved: true,
            errors: {},
            unsaved,
            values: valuesOf(raw, unsaved),
          });
        },
      },
    ]);
    render(<Stub initialEntries={[`/beheer/initiatieven/${id}/proceskader`]} />);
  }

  test("every section is in one form, each with its own save button", async () => {
    renderKader();
    const step = await screen.findByRole("button", { name: "Stap opslaan" });
    const form = step.closest("form")!;
    for (const name of ["Planomschrijving opslaan", "Participatieplan opslaan", "Vaststelling vastleggen"])
      expect(within(form).getByRole("button", { name }).getAttribute("value")).toBeTruthy();
  });

  test("saving the step with new text in the plan says the text is kept and not yet saved", async () => {
    renderKader();
    const wat = (await screen.findByLabelText(/Wat houdt de opgave in/)) as HTMLTextAreaElement;
    expect(wat.value).toBe("Woningen bouwen");
    fireEvent.change(wat, { target: { value: "Woningen en een park" } });
    fireEvent.click(screen.getByRole("button", { name: "Stap opslaan" }));
    const steps = screen.getByRole("heading", { name: "Basisstappen" }).closest("section")!;
    expect((await within(steps).findByText(/De stap is opgeslagen/)).textContent).toMatch(
      /Uw tekst in de planomschrijving staat er nog, maar is nog niet opgeslagen/,
    );
    expect(wat.value).toBe("Woningen en een park");
  });

  test("with JavaScript, a step moved along by a save shows its new value (not the one the page was sent with)", async () => {
    renderKader({ processStep: 1, planVersion: 1 }, true);
    const select = (await screen.findByLabelText(/Laatste afgeronde stap/)) as HTMLSelectElement;
    expect(select.value).toBe("1");
    fireEvent.click(screen.getByRole("button", { name: "Planomschrijving opslaan" }));
    await screen.findByRole("heading", { name: "Planomschrijving (versie 2)" });
    expect((screen.getByLabelText(/Laatste afgeronde stap/) as HTMLSelectElement).value).toBe("2");
  });
});
