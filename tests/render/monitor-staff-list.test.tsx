// The gemeente's list "Alle afspraken" as rendered: the empty list and the left-out query values in words,
// the waiting update and the stoplicht as text, the GET filter form with the organisation as trekker or party.
import { useLoaderData } from "@remix-run/react";
import { createRemixStub } from "@remix-run/testing";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, test } from "vitest";
import type { StaffAgreementList } from "~/domain/monitor/pages.server";
import { StaffAgreementListSection } from "~/ui/monitor/staff-list";

const base: StaffAgreementList = {
  filter: {
    year: 2025,
    tertiaal: 1,
    theme: null,
    trekker: null,
    organisation: null,
    stoplicht: null,
    q: "",
    page: 1,
  },
  ignored: [],
  years: [2024, 2025],
  organisations: [
    { id: "elan-wonen", name: "Elan Wonen", kind: "housing_corporation" },
    { id: "bewonersraad-elan-wonen", name: "Bewonersraad Elan Wonen", kind: "tenant_organisation" },
  ],
  themes: [{ id: 1, label: "Passend wonen voor iedereen" }],
  organisationNames: { "elan-wonen": "Elan Wonen" },
  rows: [],
  total: 0,
  pageCount: 1,
};

function Page() {
  return <StaffAgreementListSection list={useLoaderData<StaffAgreementList>()} />;
}

function show(list: StaffAgreementList) {
  const Stub = createRemixStub([{ path: "/beheer/prestatieafspraken", Component: Page, loader: () => list }]);
  render(<Stub initialEntries={["/beheer/prestatieafspraken"]} />);
}

const row = (id: number, number: string, pending: boolean) => ({
  id,
  key: `${number} (2024)`,
  number,
  kind: "kader" as const,
  theme: 1,
  subThemeLabel: null,
  title: `Afspraak ${number}`,
  prioriteit: null,
  prioriteitAsWritten: null,
  stoplicht: pending ? ("not_assessed" as const) : ("green" as const),
  explanation: null,
  trekkers: ["elan-wonen"],
  parties: [],
  pending,
});

describe("the list of all agreements", () => {
  test("an empty list and left-out query values say so in words", async () => {
    show({ ...base, ignored: ["thema", "stoplicht"] });
    await screen.findByRole("heading", { name: "Alle afspraken" });
    expect(screen.getByText("Er zijn geen afspraken die bij uw keuze passen.")).toBeTruthy();
    expect(screen.getByText(/klopt niet \(thema, stoplicht\)/)).toBeTruthy();
    expect(screen.getByText(/0 afspraken gevonden, stand na tertiaal 1 van 2025/)).toBeTruthy();
    // A GET form; the organisation choice has no huurdersorganisatie.
    const select = screen.getByLabelText("Organisatie (trekker of partij)") as HTMLSelectElement;
    expect(select.name).toBe("organisatie");
    expect([...select.options].map((o) => o.text)).toEqual(["Alle organisaties", "Elan Wonen"]);
    expect(select.closest("form")!.getAttribute("method")).toBe("get");
  });

  test("each row links to the agreement and names stoplicht and a waiting update in words", async () => {
    show({ ...base, rows: [row(7, "K 1.4", false), row(8, "K 1.6", true)], total: 2 });
    const items = await screen.findAllByRole("listitem");
    const [first, second] = items.filter((li) => li.querySelector("h3"));
    expect(within(first!).getByRole("link").getAttribute("href")).toBe("/beheer/prestatieafspraken/7");
    expect(first!.textContent).toContain("Groen");
    expect(first!.textContent).not.toContain("wacht");
    expect(first!.textContent).toContain("Trekker: Elan Wonen");
    expect(second!.textContent).toContain("Nog niet beoordeeld");
    expect(second!.textContent).toContain("Er wacht een update op bevestiging");
  });

  test("past the last page: words and a way back", async () => {
    show({ ...base, filter: { ...base.filter, page: 5 }, total: 60, pageCount: 2 });
    await screen.findByText(/Op deze pagina staan geen afspraken/);
    expect(screen.getByRole("link", { name: "Ga naar de eerste pagina" }).getAttribute("href")).not.toContain(
      "pagina=",
    );
    expect(screen.getByRole("navigation", { name: "Pagina's met alle afspraken" })).toBeTruthy();
  });
});
