import type { Page } from "playwright-core";
import sharp from "sharp";
import { expect, test } from "vitest";
import { db, expectAccessible, expectNoSidewaysScroll, loginAs, newPage, waitForHydration } from "./support";

// Issue 14: staff publish a news item with an image and the results of the Woonvisie survey; a resident
// follows the Woonvisie project (double opt-in), registers for the bewonersavond, cancels, and reads
// Actueel and "Wat we hebben gehoord". At 375 px and 1280 px, by keyboard where it matters, axe-clean.
// Screenshots go to /tmp/informed-e2e for a person to look at.

const SHOTS = "/tmp/informed-e2e";
const widths = [375, 1280] as const;
const newsTitle = "Eerste resultaten van de enquête Woonvisie";

/** Both widths: no sideways scrolling, axe clean, a screenshot of each. */
async function checkPage(page: Page, name: string) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await expectAccessible(page);
}

async function mailTo(to: string, kind: string, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const rows =
      await db()`select text from outbox where "to" = ${to} and kind = ${kind} order by id desc limit 1`;
    if (rows[0]) return rows[0].text as string;
    if (Date.now() > end) throw new Error(`no ${kind} mail to ${to}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

function link(text: string, path: string): string {
  const found = text.match(new RegExp(`https?://\\S*${path}\\S*`));
  if (!found) throw new Error(`no ${path} link in mail`);
  return new URL(found[0]).pathname;
}

test("staff publish a news item with an image, and the Woonvisie results", async () => {
  const staff = await newPage();
  await loginAs(staff, "beheerder");
  await staff.goto("/beheer/nieuws/nieuw");
  await staff.getByLabel("Titel").fill(newsTitle);
  await staff
    .getByLabel("Samenvatting")
    .fill("Meer dan 300 inwoners vulden de enquête in. Lees wat zij vinden.");
  await staff
    .getByRole("textbox", { name: /^Tekst/ })
    .fill("Dank aan iedereen die meedeed.\n\nDe resultaten staan bij het project.");
  await staff.getByLabel("Project").selectOption({ label: "Woonvisie Heemstede" });
  const png = await sharp({
    create: { width: 1200, height: 800, channels: 3, background: { r: 0, g: 87, b: 122 } },
  })
    .png()
    .toBuffer();
  await staff.setInputFiles("#veld-image", { name: "raadhuis.png", mimeType: "image/png", buffer: png });
  await staff.getByLabel("Beschrijving van de afbeelding").fill("Het raadhuis van Heemstede");
  await staff.getByLabel("Nu publiceren").check();
  await staff.getByRole("button", { name: "Opslaan" }).click();
  await staff.waitForURL(/opgeslagen=1/);
  await checkPage(staff, "staff-news");

  // Publish the results: two closed questions, weighted, and what the gemeente does with theme 1.
  await staff.goto("/beheer/openbare-resultaten");
  await staff.getByRole("heading", { name: "Wat we hebben gehoord", level: 1 }).waitFor();
  await checkPage(staff, "staff-results-list");
  await staff.getByRole("table").getByRole("link", { name: "Woonvisie Heemstede" }).click();
  await staff.getByRole("heading", { level: 1, name: /Wat we hebben gehoord:/ }).waitFor();
  const boxes = staff.locator('input[name="vraag"]');
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await staff.getByLabel("Gewogen", { exact: true }).check();
  await staff
    .getByLabel(/^Thema 1/)
    .fill(
      "Veel mensen vragen om betaalbare woningen voor starters. Dat wordt een hoofdpunt van de Woonvisie.",
    );
  await staff.getByRole("button", { name: "Publiceren" }).click();
  await staff.getByText("De resultaten staan op de website.").waitFor();
  await checkPage(staff, "staff-results-publish");
  const [audit] = await db()`select count(*)::int as n from audit_log where action = 'results.published'`;
  expect(audit!.n).toBe(1);
}, 240_000);

test("a resident follows the Woonvisie, registers for the bewonersavond, cancels, reads Actueel and the results", async () => {
  const email = `inwoner-${Date.now()}@example.nl`;
  const page = await newPage();
  await page.setViewportSize({ width: 375, height: 900 });

  // /meedenken links the bewonersavond registration; the project page too.
  await page.goto("/meedenken");
  await page.getByRole("link", { name: /Meld u aan voor de bijeenkomst: Bewonersavond Woonvisie/ }).waitFor();
  await checkPage(page, "meedenken");
  await page.goto("/meedenken/woonvisie");
  await checkPage(page, "project");

  // Follow the project: double opt-in.
  await page.getByRole("link", { name: "Volg dit project per e-mail" }).click();
  await expect(page.getByLabel(/Alleen het project Woonvisie Heemstede/).isChecked()).resolves.toBe(true);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Houd mij op de hoogte" }).click();
  await page.getByRole("heading", { name: "Kijk in uw e-mail" }).waitFor();
  await page.goto(link(await mailTo(email, "follower.confirm"), "/blijf-op-de-hoogte/bevestigen/"));
  await checkPage(page, "follow-confirm");
  await page.getByRole("button", { name: "Ja, houd mij op de hoogte" }).click();
  await page.getByRole("heading", { name: "U blijft op de hoogte" }).waitFor();
  const [follower] = await db()`select status from followers where email = ${email}`;
  expect(follower?.status).toBe("active");

  // Register for the bewonersavond by keyboard.
  await page.setViewportSize({ width: 375, height: 900 });
  await page.goto("/meedenken/woonvisie");
  await page.getByRole("link", { name: /Meld u aan voor de bijeenkomst: Bewonersavond Woonvisie/ }).click();
  await page.getByRole("heading", { name: "Bewonersavond Woonvisie", level: 1 }).waitFor();
  await waitForHydration(page);
  await checkPage(page, "bijeenkomst");
  await page.getByLabel("Naam").focus();
  await page.keyboard.type("Anna de Vries");
  await page.keyboard.press("Tab");
  await page.keyboard.type(email);
  await page.getByLabel("Met hoeveel personen komt u?").focus();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("2");
  await page.keyboard.press("Enter");
  await page.getByText("U bent aangemeld.").waitFor();
  await checkPage(page, "bijeenkomst-aangemeld");

  // Cancel from the confirmation mail.
  await page.goto(link(await mailTo(email, "event.confirmed"), "/bijeenkomsten/afmelden/"));
  await page.getByRole("heading", { name: "Afmelden voor een bijeenkomst" }).waitFor();
  await checkPage(page, "afmelden");
  await page.getByRole("button", { name: "Ja, meld mij af" }).click();
  await page.getByRole("heading", { name: "U bent afgemeld" }).waitFor();
  const [registration] = await db()`select status from event_registrations where email = ${email}`;
  expect(registration?.status).toBe("cancelled");

  // Actueel: the news item with its image.
  await page.goto("/actueel");
  await page.getByRole("link", { name: newsTitle }).click();
  await page.getByRole("heading", { name: newsTitle, level: 1 }).waitFor();
  await expect(page.getByRole("img", { name: "Het raadhuis van Heemstede" }).count()).resolves.toBe(1);
  await checkPage(page, "nieuws");

  // "Wat we hebben gehoord": from the project page; figures labelled as weighted, nothing under 10.
  await page.goto("/meedenken/woonvisie");
  await page.getByRole("link", { name: "Wat we hebben gehoord in Woonvisie Heemstede" }).click();
  await page.getByRole("heading", { name: "Wat we hebben gehoord", level: 1 }).waitFor();
  await page.getByText("Percentages gewogen").first().waitFor();
  await page.getByRole("heading", { name: "Wat doet de gemeente ermee?" }).waitFor();
  const counts = await page
    .locator("td.utrecht-table__cell--numeric")
    .allInnerTexts()
    .then((t) => t.filter((x) => !x.includes("%")).map((x) => Number(x.replace(/\./g, ""))));
  expect(counts.length).toBeGreaterThan(0);
  for (const n of counts) expect(n).toBeGreaterThanOrEqual(10);
  await checkPage(page, "gehoord");
}, 300_000);
