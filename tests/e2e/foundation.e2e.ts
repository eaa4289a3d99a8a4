import { expect, test } from "vitest";
import { expectAccessible, latestMail, linkIn, loginAs, newPage } from "./support";

test("the contact form shows every error at once and at the field, then sends a valid message", async () => {
  // Without JavaScript: the form must work as plain HTML.
  const page = await newPage({ javaScript: false });
  await page.goto("/contact");
  expect(await page.getByText("Postbus 352").count()).toBeGreaterThan(0);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Bericht versturen" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "fouten gevonden" });
  await summary.waitFor();
  expect(await summary.getByRole("link", { name: "Vul uw naam in." }).count()).toBe(1);
  expect(await page.getByLabel("Uw bericht").getAttribute("aria-invalid")).toBe("true");
  await expectAccessible(page);

  await page.getByLabel("Naam").fill("Els Eenhoorn");
  await page.getByLabel("E-mailadres").fill("els@voorbeeld.nl");
  await page.getByLabel("Onderwerp").fill("Groenstrook");
  await page.getByRole("button", { name: "Bericht versturen" }).click();
  // Still one error; what was typed is kept.
  await page.getByText("Er is 1 fout gevonden").waitFor();
  expect(await page.getByLabel("Naam").inputValue()).toBe("Els Eenhoorn");

  await page
    .getByLabel("Uw bericht")
    .fill("De groenstrook aan de Heemsteedse Dreef mag vaker gemaaid worden.");
  await page.getByRole("button", { name: "Bericht versturen" }).click();
  await page.getByRole("heading", { level: 1, name: "Bedankt voor uw bericht" }).waitFor();
  expect(page.url()).toMatch(/\/contact\?verzonden=1$/);
  await expectAccessible(page);
  const mail = await latestMail("els@voorbeeld.nl", "contact.confirmation");
  expect(mail.text).not.toContain("Els Eenhoorn");
});

test("the privacy and accessibility pages pass axe", async () => {
  const page = await newPage();
  for (const [path, title] of [
    ["/privacy", "Privacy"],
    ["/toegankelijkheid", "Toegankelijkheid"],
  ] as const) {
    await page.goto(path);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(title);
    await expectAccessible(page);
  }
});

test("a beheerder opens users, audit log and outgoing mail", async () => {
  const page = await newPage();
  await loginAs(page, "beheerder");
  await page.getByRole("navigation", { name: "Beheer" }).getByRole("link", { name: "Gebruikers" }).click();
  await page.getByRole("heading", { level: 1, name: "Gebruikers" }).waitFor();
  expect(await page.getByRole("rowheader", { name: /Bea Beheer/ }).count()).toBe(1);
  await page.getByText("Wijzigen: Arjen Ambtenaar (demo)").click();
  await page.getByRole("group", { name: "Rollen van Arjen Ambtenaar (demo)" }).waitFor();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Auditlog" }).click();
  await page.getByRole("heading", { level: 1, name: "Auditlog" }).waitFor();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Uitgaande mail" }).click();
  await page.getByRole("heading", { level: 1, name: "Uitgaande mail" }).waitFor();
  await expectAccessible(page);
  // The contact test above left mails in the outbox.
  await page.getByRole("table").getByRole("link").first().click();
  await page.getByRole("heading", { level: 2, name: "Tekst" }).waitFor();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Contactberichten" }).click();
  await page.getByRole("heading", { level: 1, name: "Contactberichten" }).waitFor();
  expect(await page.getByRole("heading", { level: 2, name: /Groenstrook/ }).count()).toBe(1);
  await expectAccessible(page);
});

test("with JavaScript, an empty contact form moves focus to the error summary", async () => {
  const page = await newPage();
  await page.goto("/contact");
  await page.getByRole("button", { name: "Bericht versturen" }).click();
  await page.getByText("Er zijn 4 fouten gevonden").waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "foutmeldingen");
  await page.getByRole("link", { name: "Vul uw e-mailadres in." }).click();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("veld-email");
});

test("a beheerder invites a colleague, who chooses a password and logs in", async () => {
  const admin = await newPage();
  await loginAs(admin, "beheerder");
  await admin.goto("/beheer/gebruikers");
  await admin.getByLabel("Naam").fill("Nina Nieuw");
  await admin.getByLabel("E-mailadres").fill("nina@heemstede.test");
  await admin.getByRole("group", { name: "Rollen" }).getByLabel("Ambtenaar").check();
  await admin.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await admin.getByText("Nina Nieuw is uitgenodigd").waitFor();
  expect(await admin.locator("tr", { hasText: "Nina Nieuw" }).textContent()).toContain("Uitgenodigd");

  const mail = await latestMail("nina@heemstede.test", "staff.invite");
  const colleague = await newPage({ javaScript: false });
  await colleague.goto(linkIn(mail.text));
  await colleague.getByRole("heading", { level: 1, name: "Kies uw wachtwoord" }).waitFor();
  await expectAccessible(colleague);
  await colleague.getByLabel("Nieuw wachtwoord").fill("een zin als wachtwoord");
  await colleague.getByLabel("Herhaal het wachtwoord").fill("een zin als wachtwoord");
  await colleague.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await colleague.getByText("Uw wachtwoord is opgeslagen").waitFor();
  await colleague.getByLabel("E-mailadres").fill("nina@heemstede.test");
  await colleague.getByLabel("Wachtwoord").fill("een zin als wachtwoord");
  await colleague.getByRole("button", { name: "Inloggen" }).click();
  await colleague.getByRole("button", { name: "Uitloggen" }).waitFor();
});
