import { data } from "@remix-run/node";
import { createRemixStub } from "@remix-run/testing";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, test } from "vitest";
import { contactSchema } from "~/domain/contact/contact";
import { parseForm } from "~/lib/forms";
import Contact from "~/routes/contact";

// The real validation, without the database: what the route's action answers on bad input.
async function contactAction({ request }: { request: Request }) {
  const parsed = parseForm(contactSchema, await request.formData());
  if (!parsed.ok)
    return data({ errors: parsed.errors, values: parsed.values, message: null }, { status: 400 });
  return { errors: {}, values: {}, message: null };
}

function renderContact() {
  const Stub = createRemixStub([
    { path: "/contact", Component: Contact, loader: () => ({ sent: false }), action: contactAction },
  ]);
  render(<Stub initialEntries={["/contact"]} />);
}

describe("the contact form", () => {
  test("every field has a label, and the required ones say so", async () => {
    renderContact();
    expect(await screen.findByRole("heading", { level: 1, name: "Contact met de gemeente" })).toBeTruthy();
    for (const label of [/^Naam/, /^E-mailadres/, /^Telefoonnummer/, /^Onderwerp/])
      expect(screen.getByLabelText(label)).toBeTruthy();
  });

  test("bad input: messages at the fields, a summary linking to them, and the input kept", async () => {
    renderContact();
    const name = await screen.findByLabelText(/^Naam/);
    fireEvent.change(name, { target: { value: "Jan Jansen" } });
    fireEvent.change(screen.getByLabelText(/^E-mailadres/), { target: { value: "geen-adres" } });
    fireEvent.click(screen.getByRole("button", { name: /versturen|verstuur/i }));

    const summary = await screen.findByRole("alert");
    const links = within(summary).getAllByRole("link");
    expect(links.length).toBeGreaterThan(0);
    const emailLink = links.find((a) => a.getAttribute("href") === "#veld-email");
    expect(emailLink?.textContent).toMatch(/e-mailadres/i);
    const email = screen.getByLabelText(/^E-mailadres/) as HTMLInputElement;
    expect(email.id).toBe("veld-email");
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(email.value).toBe("geen-adres");
    expect((screen.getByLabelText(/^Naam/) as HTMLInputElement).value).toBe("Jan Jansen");
  });
});
