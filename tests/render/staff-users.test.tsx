import { data } from "@remix-run/node";
import { createRemixStub } from "@remix-run/testing";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, test } from "vitest";
import { handleStaffUsersPost } from "~/domain/auth/staff-users-form.server";
import StaffUsers from "~/routes/beheer.gebruikers";

const actor = { id: "00000000-0000-0000-0000-000000000001", email: "beheerder@example.org" };
const users = [
  {
    id: actor.id,
    name: "Bea Beheer",
    email: actor.email,
    roles: ["beheerder"],
    active: true,
    invited: false,
    isDemo: false,
    lastLoginAt: null,
  },
];

function renderPage() {
  const Stub = createRemixStub([
    {
      path: "/beheer/gebruikers",
      Component: StaffUsers,
      loader: () => ({ me: actor.id, users, partners: { organisations: [], links: {} } }),
      // The domain's own parsing: invalid input is answered before any database work.
      action: async ({ request }) => {
        const { status, ...result } = await handleStaffUsersPost(actor, await request.formData());
        return data(result, { status });
      },
    },
  ]);
  render(<Stub initialEntries={["/beheer/gebruikers"]} />);
}

describe("inviting a colleague", () => {
  test("the list names each user's roles and status in words", async () => {
    renderPage();
    const row = (await screen.findByRole("rowheader", { name: /Bea Beheer/ })).closest("tr")!;
    const cells = within(row)
      .getAllByRole("cell")
      .map((c) => c.textContent);
    expect(cells.slice(0, 4)).toEqual([actor.email, "Beheerder", "Actief", "Nog nooit"]);
  });

  test("without a role or a valid address: messages at the fields and the name kept", async () => {
    renderPage();
    const form = (await screen.findByRole("button", { name: "Uitnodiging versturen" })).closest("form")!;
    fireEvent.change(within(form).getByLabelText(/^Naam/), { target: { value: "Cor Collega" } });
    fireEvent.change(within(form).getByLabelText(/^E-mailadres/), { target: { value: "cor@" } });
    fireEvent.click(within(form).getByRole("button", { name: "Uitnodiging versturen" }));

    const summary = await screen.findByRole("alert");
    expect(summary.textContent).toMatch(/Kies minstens één rol/);
    expect(summary.textContent).toMatch(/e-mailadres/i);
    expect((within(form).getByLabelText(/^Naam/) as HTMLInputElement).value).toBe("Cor Collega");
    expect((within(form).getByLabelText(/^E-mailadres/) as HTMLInputElement).value).toBe("cor@");
  });
});
