import fs from "node:fs";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import {
  db,
  expectAccessible,
  expectNoSidewaysScroll,
  latestMail,
  linkIn,
  loginAs,
  newPage,
  waitForHydration,
} from "./support";

// Issue 17, point 7, as people use it: a resident answers the open Woonvisie survey and signs up for
// the digipanel from the thank-you page, reusing the background answers just given; a researcher sends
// the open Woonvisie survey to the panel; the member opens the personal link, answers, and the response
// counts as a panel response. Resident pages are checked at 320 and 1280 px (axe, no sideways scroll).

const email = `e2e-open-${Date.now()}@example.nl`;
const shots = "/tmp/e2e-results";
fs.mkdirSync(shots, { recursive: true });

/** The text of the newest mail of `kind` to `to`, waiting up to 90,000 ms. */
async function mailOf(to: string, kind: string, timeoutMs = 90_000) {
  return (await latestMail(to, kind, timeoutMs)).text;
}

/** At 320 and 1280 px: no sideways scrolling, no axe violation, a screenshot of each. */
async function checkBothWidths(page: Page, name: string) {
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoSidewaysScroll(page, `${name} at ${width}px`);
    await expectAccessible(page);
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 320, height: 900 });
}

/** Answer every page of the Woonvisie survey with valid answers, up to the thank-you page. */
async function answerWoonvisie(page: Page) {
  await page.getByText("Stap 1 van").waitFor();
  for (let step = 1; step <= 25; step++) {
    await waitForHydration(page);
    const title = ((await page.locator("h1").first().textContent()) ?? "").trim();
    for (const [name, value] of Object.entries({ v_geboortejaar: "1970", v_postcode: "2101 AB" })) {
      const field = page.locator(`[name="${name}"]`);
      if (await field.count()) await field.fill(value);
    }
    // Tenure "koop" and household "alleenstaand" are the first choices.
    for (const name of ["v_woonsituatie", "v_huishouden", "v_cijfer-buurt"]) {
      const radio = page.locator(`[name="${name}"]`);
      if (await radio.count()) await radio.first().check();
    }
    const ranks = page.locator('input[name^="v_prioriteiten__"]');
    const count = await ranks.count();
    for (let i = 0; i < count; i++) await ranks.nth(i).fill(i < 3 ? String(i + 1) : "");
    if (await page.getByRole("button", { name: "Versturen" }).count()) {
      await page.getByRole("button", { name: "Versturen" }).click();
      await page.waitForURL(/\/bedankt$/);
      return;
    }
    await page.getByRole("button", { name: "Volgende" }).click();
    await page.waitForFunction((t) => document.querySelector("h1")?.textContent?.trim() !== t, title);
  }
  throw new Error("the survey did not end");
}

test("sign up after the open survey reusing its answers, then answer it again as panel member via the personal link", async () => {
  // 1. A resident answers the open survey on a phone.
  const resident = await newPage();
  await resident.setViewportSize({ width: 320, height: 900 });
  await resident.goto("/enquete/woonvisie");
  await resident.getByRole("button", { name: "Start de vragenlijst" }).click();
  await answerWoonvisie(resident);
  await resident.getByRole("heading", { name: "Dank u wel!" }).waitFor();
  await checkBothWidths(resident, "1-thanks-offer");

  // 2. The thank-you page offers to reuse the answers; by keyboard to the button.
  const reuse = resident.getByRole("link", { name: "Aanmelden met mijn antwoorden" });
  await reuse.focus();
  await resident.keyboard.press("Enter");
  await resident.waitForURL(/\/digipanel\?hergebruik=ja/);
  await resident.getByText("Wij hebben deze antwoorden uit de vragenlijst hieronder ingevuld.").waitFor();
  // Shown before saving: the answers in the note and in the fields, nothing stored yet.
  expect(await resident.getByLabel("Geboortejaar").inputValue()).toBe("1970");
  expect(await resident.getByLabel("Postcode").inputValue()).toBe("2101");
  expect(await resident.getByLabel("Ik woon alleen").isChecked()).toBe(true);
  expect(await resident.getByLabel("Koopwoning").isChecked()).toBe(true);
  const before = await db()`select count(*)::int as n from panel_members where email = ${email}`;
  expect(before[0]!.n).toBe(0);
  await checkBothWidths(resident, "2-signup-reused");
  await resident.getByLabel("E-mailadres").fill(email);
  await resident.getByLabel(/Ik doe mee aan het digipanel/).check();
  await resident.getByRole("button", { name: "Aanmelden" }).click();
  await resident.getByRole("heading", { name: "Bijna klaar" }).waitFor();
  const [pending] =
    await db()`select birth_year, postcode, household, tenure from panel_members where email = ${email}`;
  expect(pending).toMatchObject({
    birth_year: 1970,
    postcode: "2101",
    household: "alleenstaand",
    tenure: "koop",
  });
  await resident.goto(linkIn(await mailOf(email, "panel.confirm")));
  await resident.getByRole("button", { name: "Ja, ik doe mee" }).click();
  await resident.getByRole("heading", { name: "U doet mee aan het digipanel" }).waitFor();

  // 3. A researcher sends the open Woonvisie survey to the panel.
  const staff = await newPage();
  await staff.setViewportSize({ width: 1280, height: 900 });
  await loginAs(staff, "onderzoeker");
  await staff.goto("/beheer/digipanel/campagnes/nieuw");
  await staff.getByLabel("Naam van deze uitnodiging").fill("Woonvisie via het digipanel");
  await staff.getByLabel("Enquête", { exact: true }).selectOption({ label: "Woonvisie Heemstede" });
  await staff.getByLabel("Onderwerp van de e-mail").fill("Denk mee over wonen in Heemstede");
  await staff.getByLabel("Tekst van de uitnodiging").fill("Wij horen graag hoe u over wonen denkt.");
  await staff.getByRole("button", { name: "Voorbeeld bekijken" }).click();
  await staff.getByRole("heading", { name: "Voorbeeld" }).waitFor();
  await staff.getByRole("button", { name: "Uitnodiging inplannen" }).click();
  await staff.waitForURL(/\/beheer\/digipanel\/campagnes\/\d+$/);
  const campaignUrl = staff.url();

  // 4. The member opens the personal link and answers (the open survey, marked as panel).
  const invitation = await mailOf(email, "panel.invitation");
  const link = invitation.match(/https?:\/\/\S+\/enquete\/woonvisie\?code=\S+/)![0];
  const member = await newPage();
  await member.setViewportSize({ width: 320, height: 900 });
  await member.goto(link);
  await member.getByText("U doet mee met uw persoonlijke link").waitFor();
  await checkBothWidths(member, "3-personal-link-intro");
  await member.getByRole("button", { name: "Start de vragenlijst" }).click();
  await answerWoonvisie(member);
  const rows = await db()`
    select r.channel, r.status, r.respondent_id = i.respondent_id::text as linked
    from panel_invitations i join panel_members m on m.id = i.member_id
    join survey_codes c on c.id = i.code_id join responses r on r.id = c.response_id
    where m.email = ${email}`;
  expect(rows).toEqual([{ channel: "panel", status: "submitted", linked: true }]);

  // The link cannot be used twice.
  const again = await newPage();
  await again.goto(link);
  await again.getByRole("button", { name: "Start de vragenlijst" }).click();
  await again.getByText("Met uw persoonlijke link is de vragenlijst al ingevuld.").waitFor();
  await expectAccessible(again);

  // 5. The campaign page counts the response, in the chart and the table.
  await staff.goto(campaignUrl);
  await staff.getByText("Ingevuld: 1").first().waitFor();
  await expectAccessible(staff);
  await expectNoSidewaysScroll(staff, "the campaign page");
  await staff.screenshot({ path: `${shots}/4-campaign-1280.png`, fullPage: true });
  await staff.goto("/beheer/digipanel/bevolking");
  await staff.getByRole("heading", { name: "Het digipanel naast deze cijfers" }).waitFor();
  await expectAccessible(staff);
  await staff.screenshot({ path: `${shots}/5-population-1280.png`, fullPage: true });
}, 400_000);

test("the Woonvisie input report opens with a summary the researcher can edit and reset", async () => {
  const staff = await newPage();
  await staff.setViewportSize({ width: 1280, height: 900 });
  await loginAs(staff, "onderzoeker");
  const [project] = await db()`select id from projects where slug = 'woonvisie'`;
  await staff.goto(`/beheer/woonvisie-input/${project!.id}`);
  await staff.getByRole("heading", { name: /Samenvatting: de belangrijkste uitkomsten/ }).waitFor();
  const reportUrl = staff.url();
  await staff.screenshot({ path: `${shots}/6-report-summary-1280.png` });
  await staff.getByRole("link", { name: "Samenvatting aanpassen" }).click();
  await staff.getByRole("heading", { name: /Samenvatting aanpassen/ }).waitFor();
  await expectAccessible(staff);
  const field = staff.getByLabel("Samenvatting van thema 1");
  await field.fill("Betaalbaar wonen staat bij inwoners bovenaan.");
  await staff.locator("form").filter({ has: field }).getByRole("button", { name: "Opslaan" }).click();
  await staff.getByText("Uw tekst is opgeslagen.").waitFor();
  await staff.screenshot({ path: `${shots}/7-summary-edit-1280.png`, fullPage: true });
  await staff.goto(reportUrl);
  await staff.getByText("Betaalbaar wonen staat bij inwoners bovenaan.").waitFor();
  await staff.getByText(/Tekst aangepast door de onderzoeker/).waitFor();
  await staff.goto(`${reportUrl}/samenvatting`);
  await staff
    .locator("form")
    .filter({ has: staff.getByLabel("Samenvatting van thema 1") })
    .getByRole("button", { name: "Terug naar de tekst uit de cijfers" })
    .click();
  await staff.getByText("De tekst uit de cijfers staat weer in het rapport.").waitFor();
}, 200_000);
