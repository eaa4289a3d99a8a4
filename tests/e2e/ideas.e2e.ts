import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { expectAccessible as checkAccessible, latestMail, linkIn, loginAs, newPage } from "./support";

async function next(page: Page) {
  await page.getByRole("button", { name: /Volgende stap|Verstuur mijn idee/ }).click();
  await page.waitForLoadState("load");
}

/**
 * Fill in the quickscan as a resident would, checking each page with axe. axe runs only in the
 * JavaScript run: it is injected as a script, which a page without JavaScript does not execute,
 * and the server sends the same HTML either way.
 */
async function completeQuickscan(page: Page, email: string, title: string, axe = true) {
  const expectAccessible = axe ? checkAccessible : async (_page: Page) => {};
  await page.goto("/idee");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Start de quickscan" }).click();
  await page.getByText("Stap 1 van 5").waitFor();

  // Step 1: first without anything, to see the messages.
  await next(page);
  await page.getByRole("heading", { name: /fouten gevonden/ }).waitFor();
  await expectAccessible(page);
  await page.getByLabel("Titel van uw idee").fill(title);
  await page
    .getByLabel("Beschrijf uw idee")
    .fill("Een zebrapad bij de school, zodat kinderen veilig oversteken.");
  await page.getByLabel("Verkeer en veiligheid").check();
  await next(page);

  await page.getByText("Stap 2 van 5").waitFor();
  await expectAccessible(page);
  await page.getByLabel("In een wijk").check();
  await page.getByRole("combobox", { name: /^Wijk/ }).selectOption({ label: "Centrum" });
  // Back and forth keeps the answers.
  await page.getByRole("button", { name: "Vorige stap" }).click();
  await page.getByText("Stap 1 van 5").waitFor();
  expect(await page.getByLabel("Titel van uw idee").inputValue()).toBe(title);
  await next(page);
  expect(await page.getByLabel("In een wijk").isChecked()).toBe(true);
  await next(page);

  await page.getByText("Stap 3 van 5").waitFor();
  await expectAccessible(page);
  await page.getByLabel("Buren of buurtbewoners").check();
  await page.getByLabel("2 tot 5 partijen").check();
  await page.getByLabel("Een beetje, bijvoorbeeld de buren of de straat").check();
  await page.getByLabel("Misschien, een paar mensen denken er anders over").check();
  await page
    .getByRole("group", { name: /andere plannen/ })
    .getByLabel("Nee", { exact: true })
    .check();
  await page.getByLabel(/Ja, bijvoorbeeld de stoep/).check();
  await page
    .getByRole("group", { name: /vergunning/ })
    .getByLabel("Ja", { exact: true })
    .check();
  await page.getByLabel("Ja, het past binnen de regels die er zijn").check();
  await next(page);

  await page.getByText("Stap 4 van 5").waitFor();
  await expectAccessible(page);
  await page.getByLabel("Tijd", { exact: true }).check();
  await page.getByLabel(/Hoeveel geld vraagt u/).fill("750");
  await page.getByLabel("Binnen een jaar").check();
  await next(page);

  await page.getByText("Stap 5 van 5").waitFor();
  await expectAccessible(page);
  await page.getByLabel("Uw naam").fill("Fatima El Amrani");
  await page.getByLabel("Uw e-mailadres").fill(email);
  await page.getByLabel(/contact met mij opneemt/).check();
  await next(page);

  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  await page.getByText("Uw idee is verstuurd.").waitFor();
  await expectAccessible(page);
}

test("a resident completes the quickscan with JavaScript, follows up by mail and talks with the accounthouder", async () => {
  const resident = await newPage();
  const email = "fatima@example.nl";
  const title = "Zebrapad bij de Crayenesterschool";
  await completeQuickscan(resident, email, title);
  expect(await resident.getByText("Medewerkers van de gemeente").count()).toBeGreaterThan(0);
  expect(
    await resident.getByText("U heeft waarschijnlijk een vergunning nodig. Vraag die op tijd aan.").count(),
  ).toBe(1);
  expect(await resident.getByText(/Arjen Ambtenaar/).count()).toBeGreaterThan(0);

  // The link in the mail opens the private page; the resident sends a message.
  const mail = await latestMail(email, "initiative.submitted");
  await resident.goto(linkIn(mail.text));
  await resident.getByLabel("Uw bericht aan uw contactpersoon").fill("Kunnen we volgende week praten?");
  await resident.getByRole("button", { name: "Verstuur bericht" }).click();
  await resident.getByText("Uw bericht is verstuurd.").waitFor();
  await checkAccessible(resident);

  // The accounthouder finds it, answers, changes the status and publishes.
  const staff = await newPage();
  await loginAs(staff, "ambtenaar");
  await staff.goto("/beheer/initiatieven?q=zebrapad");
  await checkAccessible(staff);
  await staff.getByRole("link", { name: title }).click();
  await staff.getByText("Kunnen we volgende week praten?").waitFor();
  const mapEntry = staff.getByRole("link", { name: "Bewerk de vermelding op de kaart" });
  expect(await mapEntry.getAttribute("href")).toMatch(/^\/beheer\/kaart\/[0-9a-f-]{36}$/);
  await checkAccessible(staff);
  await staff.getByLabel("Bericht aan de initiatiefnemer").fill("Ja, dinsdag om 10 uur in het raadhuis?");
  await staff.getByRole("button", { name: "Verstuur bericht" }).click();
  await staff.getByText("Het bericht is verstuurd naar de initiatiefnemer.").waitFor();
  await staff
    .getByRole("combobox", { name: /^Accounthouder/ })
    .selectOption({ label: "Arjen Ambtenaar (demo)" });
  await staff.getByRole("button", { name: "Accounthouder opslaan" }).click();
  await staff.getByText("De accounthouder is opgeslagen.").waitFor();
  await staff.getByLabel("Nieuwe status").selectOption({ label: "In behandeling" });
  await staff.getByRole("button", { name: "Status wijzigen" }).click();
  await staff.getByText("De status is gewijzigd.", { exact: false }).waitFor();
  await staff.getByLabel("Openbare samenvatting").fill("Een veilige oversteek bij de school.");
  await staff.getByRole("button", { name: "Publiceer op de kaart" }).click();
  await staff.getByText("Het initiatief staat op de kaart.").waitFor();
  expect(await staff.getByRole("cell", { name: "Initiatief op de kaart gezet" }).count()).toBe(1);
  await checkAccessible(staff);

  // The resident reads the answer through the link in the new mail.
  const reply = await latestMail(email, "initiative.message");
  await resident.goto(linkIn(reply.text));
  await resident.getByText("Ja, dinsdag om 10 uur in het raadhuis?").waitFor();
  await resident.getByRole("heading", { name: "Status: In behandeling" }).waitFor();
  await checkAccessible(resident);
});

test("the quickscan works without JavaScript", async () => {
  const page = await newPage({ javaScript: false });
  await completeQuickscan(page, "zonder-js@example.nl", "Zebrapad zonder JavaScript", false);
  const mail = await latestMail("zonder-js@example.nl", "initiative.submitted");
  expect(mail.text).toContain("Zebrapad zonder JavaScript");
});

test("a complex idea gets a planomschrijving and participatieplan and is marked adopted", async () => {
  const staff = await newPage();
  await loginAs(staff, "ambtenaar");
  await staff.goto("/beheer/initiatieven?q=sportterrein");
  await staff.getByRole("link", { name: "Woningen op het oude sportterrein (demo)" }).click();
  await staff.getByRole("link", { name: /Proceskader/ }).click();
  await staff.getByRole("heading", { level: 1, name: /Proceskader/ }).waitFor();
  await checkAccessible(staff);

  await staff
    .getByLabel("1. Wat houdt de opgave in?")
    .fill("Veertig betaalbare woningen op het oude sportterrein.");
  await staff
    .getByLabel(/2\. Welke maatschappelijke waarde/)
    .fill("Starters en ouderen vinden een woning in Heemstede.");
  await staff.getByRole("button", { name: "Planomschrijving opslaan" }).click();
  await staff.getByRole("heading", { name: "Planomschrijving (versie 1)" }).waitFor();

  await staff.getByLabel(/Samen denken/).check();
  await staff.getByRole("textbox", { name: /^Wie/ }).first().fill("Omwonenden");
  await staff.getByRole("combobox", { name: /^Rol/ }).first().selectOption({ label: "Wordt geraadpleegd" });
  await staff.getByRole("button", { name: "Participatieplan opslaan" }).click();
  await staff.getByRole("heading", { name: "Participatieplan (versie 1)" }).waitFor();

  await staff.getByLabel("De gemeenteraad").check();
  await staff.getByLabel("Datum van het besluit").fill("2026-12-17");
  await staff.getByLabel("Kenmerk van het besluit").fill("RB 2026-88");
  await staff.getByRole("button", { name: "Vaststelling vastleggen" }).click();
  await staff.getByText(/Vastgesteld door de gemeenteraad op 17 december 2026, kenmerk RB 2026-88/).waitFor();
  expect(
    await staff
      .getByText(/College of raad stelt planomschrijving en participatieplan vast \(klaar\)/)
      .count(),
  ).toBe(1);
  await checkAccessible(staff);

  await staff.getByRole("link", { name: "Afdrukbare versie voor college of raad" }).click();
  await staff.getByText("Veertig betaalbare woningen op het oude sportterrein.").waitFor();
  await checkAccessible(staff);
});
