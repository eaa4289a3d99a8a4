import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { expectAccessible as checkAccessible, db, latestMail, linkIn, loginAs, newPage } from "./support";

async function next(page: Page) {
  await page
    .getByRole("button", { name: /^(Volgende|Verstuur mijn idee|Opslaan en terug naar het overzicht)$/ })
    .click();
  await page.waitForLoadState("load");
}

/**
 * Fill in the quickscan as a resident would, checking each page with axe: with JavaScript the wijk,
 * without JavaScript the map option (which then asks for an address or a wijk). On the check page
 * one answer is changed through its "Wijzig" link.
 */
async function completeQuickscan(page: Page, email: string, title: string, javaScript = true) {
  const expectAccessible = checkAccessible;
  await page.goto("/idee");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Start de quickscan" }).click();
  await page.getByText("Stap 1 van 8").waitFor();

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

  await page.getByRole("heading", { level: 1, name: "Waar is uw idee?" }).waitFor();
  await expectAccessible(page);
  // Only the kind here: no address, wijk or coordinates yet.
  expect(await page.getByLabel(/Adres of straat/).count()).toBe(0);
  expect(await page.getByText(/breedtegraad|lengtegraad/i).count()).toBe(0);
  // The primary action comes first.
  const buttons = await page.locator(".wmh-button-row button").allTextContents();
  expect(buttons).toEqual(["Volgende", "Vorige"]);
  await page.getByLabel(javaScript ? "In een wijk" : "Op een plek op de kaart").check();
  // Back and forth keeps the answers.
  await page.getByRole("button", { name: "Vorige" }).click();
  await page.getByText("Stap 1 van 8").waitFor();
  expect(await page.getByLabel("Titel van uw idee").inputValue()).toBe(title);
  await next(page);
  await page.getByRole("heading", { level: 1, name: "Waar is uw idee?" }).waitFor();
  expect(await page.getByLabel(javaScript ? "In een wijk" : "Op een plek op de kaart").isChecked()).toBe(
    true,
  );
  await next(page);

  await page.getByText("Stap 2 van 8").waitFor();
  if (javaScript) {
    await page.getByRole("heading", { level: 1, name: "In welke wijk?" }).waitFor();
    expect(await page.getByLabel(/Adres of straat/).count()).toBe(0);
    await page.getByRole("combobox", { name: /^Wijk/ }).selectOption({ label: "Centrum" });
  } else {
    // Without JavaScript there is no map: an address or a wijk instead, never coordinates.
    await page.getByRole("heading", { level: 1, name: "Waar is het op de kaart?" }).waitFor();
    expect(await page.getByText(/breedtegraad|lengtegraad/i).count()).toBe(0);
    await next(page);
    await page.getByRole("heading", { name: "Er is 1 fout gevonden" }).waitFor();
    expect(await page.getByText("Zoeken lukt nu niet").count()).toBe(0);
    await page.getByLabel(/Adres of straat/).fill("Raadhuisplein 1, 2101 HA Heemstede");
  }
  await expectAccessible(page);
  await next(page);

  await page.getByRole("heading", { level: 1, name: "Wie doen er mee?" }).waitFor();
  await expectAccessible(page);
  await page.getByLabel("Buren of buurtbewoners").check();
  await page.getByLabel("2 tot 5 partijen").check();
  await next(page);

  await page.getByRole("heading", { level: 1, name: "Wat verandert er voor anderen?" }).waitFor();
  await page.getByLabel("Een beetje, bijvoorbeeld de buren of de straat").check();
  await page.getByLabel("Misschien, een paar mensen denken er anders over").check();
  await page
    .getByRole("group", { name: /andere plannen/ })
    .getByLabel("Nee", { exact: true })
    .check();
  await next(page);

  await page.getByRole("heading", { level: 1, name: /Openbare ruimte/ }).waitFor();
  await page.getByLabel(/Ja, bijvoorbeeld de stoep/).check();
  await page
    .getByRole("group", { name: /vergunning/ })
    .getByLabel("Ja", { exact: true })
    .check();
  await page.getByLabel("Ja, het past binnen de regels die er zijn").check();
  await next(page);

  await page.getByText("Stap 6 van 8").waitFor();
  await expectAccessible(page);
  await page.getByLabel("Tijd", { exact: true }).check();
  await page.getByLabel(/Hoeveel geld vraagt u/).fill("750");
  await page.getByLabel("Binnen een jaar").check();
  await next(page);

  await page.getByText("Stap 7 van 8").waitFor();
  await expectAccessible(page);
  await page.getByLabel("Uw naam").fill("Fatima El Amrani");
  await page.getByLabel("Uw e-mailadres").fill(email);
  await page.getByLabel(/contact met mij opneemt/).check();
  await next(page);

  // Check your answers: change one through its "Wijzig" link, and come back.
  await page.getByRole("heading", { level: 1, name: "Controleer uw antwoorden" }).waitFor();
  await expectAccessible(page);
  const answers = page.locator(".wmh-check-list");
  expect(await answers.getByText(javaScript ? "Centrum" : "Raadhuisplein 1, 2101 HA Heemstede").count()).toBe(
    1,
  );
  await page.getByRole("link", { name: "Wijzig wanneer wilt u beginnen" }).click();
  await page.getByLabel("Binnen 3 maanden").check();
  await next(page);
  await page.getByRole("heading", { level: 1, name: "Controleer uw antwoorden" }).waitFor();
  expect(await answers.getByText("Binnen 3 maanden").count()).toBe(1);
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
  await resident
    .getByLabel("Stuur een bericht aan uw contactpersoon")
    .fill("Kunnen we volgende week praten?");
  await resident.getByRole("button", { name: "Verstuur bericht" }).click();
  await resident.getByText("Uw bericht is verstuurd.").waitFor();
  // The box is empty again, the message is on top of the list.
  expect(await resident.getByLabel("Stuur een bericht aan uw contactpersoon").inputValue()).toBe("");
  expect(await resident.locator(".wmh-message").first().textContent()).toContain(
    "Kunnen we volgende week praten?",
  );
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
  await resident.getByText("Status: In behandeling.", { exact: true }).waitFor();
  expect(await resident.locator('[aria-current="step"]').textContent()).toMatch(/Samen bekijken/);
  await checkAccessible(resident);
});

test("the quickscan works without JavaScript", async () => {
  const page = await newPage({ javaScript: false });
  await completeQuickscan(page, "zonder-js@example.nl", "Zebrapad zonder JavaScript", false);
  const mail = await latestMail("zonder-js@example.nl", "initiative.submitted");
  // The address is not confirmed yet: the mail repeats none of the typed text (not even the title).
  expect(mail.text).toContain("Bedankt voor uw idee.");
  expect(mail.text).not.toContain("Zebrapad zonder JavaScript");
  const rows =
    await db()`select location_kind, address from initiatives where title = 'Zebrapad zonder JavaScript'`;
  expect(rows[0]).toMatchObject({ location_kind: "address", address: "Raadhuisplein 1, 2101 HA Heemstede" });
}, 120_000); // nine steps, each a full page load without JavaScript: slow on a loaded machine

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
