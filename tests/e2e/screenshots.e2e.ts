import { mkdirSync, readdirSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { db, latestMail, linkIn, loginAs, newPage, waitForHydration } from "./support";

// `npm run screenshots`: the main journeys as a resident and a civil servant see them, on a phone
// (375 px) and a laptop (1280 px), written to docs/screenshots/ as viewport-height crops. Resident
// pages are taken at both sizes; some public pages only on the phone, staff pages only on the laptop.
// docs/screenshots/README.md lists them.

const OUT = join(process.cwd(), "docs", "screenshots");
const PHONE = { name: "telefoon", width: 375, height: 740 } as const;
const LAPTOP = { name: "laptop", width: 1280, height: 800 } as const;
type Size = typeof PHONE | typeof LAPTOP;

async function shoot(page: Page, name: string, size: Size) {
  await waitForHydration(page).catch(() => {});
  await page.screenshot({ path: join(OUT, `${name}-${size.name}.png`) });
}

async function next(page: Page) {
  await page.getByRole("button", { name: /^(Volgende|Verstuur mijn idee)$/ }).click();
  await page.waitForLoadState("load");
}

/** The quickscan up to the check page; shots of step 1 (filled in) and the check page. */
async function quickscan(page: Page, size: Size, email: string) {
  await page.goto("/idee/nieuw");
  await page.getByLabel("Titel van uw idee").fill("Bankjes langs de vaart");
  await page.getByLabel("Beschrijf uw idee").fill("Drie bankjes om uit te rusten bij het water.");
  await page.locator('[name="theme"]').first().check();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, "02-quickscan-stap-1", size);
  await next(page);
  await page.getByLabel("In heel Heemstede").check();
  await next(page);
  await page.getByRole("heading", { level: 1, name: "Wie doen er mee?" }).waitFor();
  await page.locator('[name="partyCount"]').first().check();
  await next(page);
  for (const n of ["impact", "interests", "otherPlans"]) await page.locator(`[name="${n}"]`).first().check();
  await next(page);
  for (const n of ["publicSpace", "permit", "policy"]) await page.locator(`[name="${n}"]`).first().check();
  await next(page);
  await page.locator('[name="timing"]').first().check();
  await next(page);
  await page.getByLabel("Uw naam").fill("Piet Jansen");
  await page.getByLabel("Uw e-mailadres").fill(email);
  await page.getByLabel(/contact met mij opneemt/).check();
  await next(page);
  await page.getByRole("heading", { name: "Controleer uw antwoorden" }).waitFor();
  await shoot(page, "03-quickscan-controleren", size);
  await next(page);
  await page.getByText("Uw idee is verstuurd.").waitFor();
}

/** Valid answers to the required questions of the Woonvisie survey (on whatever page they are). */
async function fillRequired(page: Page) {
  const fills: Record<string, string> = { v_geboortejaar: "1970", v_postcode: "2101 AB" };
  for (const [name, value] of Object.entries(fills)) {
    const field = page.locator(`[name="${name}"]`);
    if (await field.count()) await field.fill(value);
  }
  for (const name of ["v_woonsituatie", "v_huishouden", "v_cijfer-buurt"]) {
    const radio = page.locator(`[name="${name}"]`);
    if (await radio.count()) await radio.first().check();
  }
  const ranks = page.locator('input[name^="v_prioriteiten__"]');
  const count = await ranks.count();
  for (let i = 0; i < count; i++) await ranks.nth(i).fill(i < 3 ? String(i + 1) : "");
}

const h1 = async (page: Page) => ((await page.locator("h1").first().textContent()) ?? "").trim();

/** The Woonvisie survey: the first woon-DNA page, the ranking question, the thank-you page. */
async function survey(page: Page, size: Size) {
  await page.goto("/enquete/woonvisie");
  await page.getByRole("button", { name: "Start de vragenlijst" }).click();
  await page.getByText("Stap 1 van").waitFor();
  await shoot(page, "06-enquete-woon-dna", size);
  for (let step = 1; step <= 25; step++) {
    await waitForHydration(page);
    const title = await h1(page);
    if (title === "Wat vindt u het belangrijkst?") await shoot(page, "07-enquete-vraag", size);
    await fillRequired(page);
    if (await page.getByRole("button", { name: "Versturen" }).count()) break;
    await page.getByRole("button", { name: "Volgende" }).click();
    await page.waitForFunction((t) => document.querySelector("h1")?.textContent?.trim() !== t, title);
  }
  await page.getByRole("button", { name: "Versturen" }).click();
  await page.waitForURL(/\/bedankt$/);
  await shoot(page, "08-enquete-bedankt", size);
}

test("screenshots of the main journeys", async () => {
  mkdirSync(OUT, { recursive: true });
  for (const file of readdirSync(OUT)) if (file.endsWith(".png")) unlinkSync(join(OUT, file));

  for (const size of [PHONE, LAPTOP]) {
    const page = await newPage();
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto("/");
    await shoot(page, "01-home", size);

    const email = `screenshot-${size.name}@example.nl`;
    await quickscan(page, size, email);
    await page.goto(linkIn((await latestMail(email, "initiative.submitted")).text));
    await page.getByRole("heading", { level: 1 }).waitFor();
    await shoot(page, "04-idee-volgen", size);

    await page.goto("/initiatieven");
    await shoot(page, "05-initiatieven", size);
    await survey(page, size);
  }

  // Public pages people reach from the home page: on the phone.
  const phone = await newPage();
  await phone.setViewportSize({ width: PHONE.width, height: PHONE.height });
  await phone.goto("/initiatieven");
  await waitForHydration(phone);
  // With JavaScript a Kaart/Lijst switch; the shot shows the map with its pins.
  await phone.getByRole("button", { name: /Kaart/ }).first().click();
  await phone.locator(".wmh-marker-icon").first().waitFor();
  await phone
    .getByRole("button", { name: /Kaart/ })
    .first()
    .evaluate((el) => el.scrollIntoView());
  await shoot(phone, "05-initiatieven-kaart", PHONE);
  for (const [name, url] of [
    ["09-prestatieafspraken", "/prestatieafspraken"],
    ["10-meedenken-woonvisie", "/meedenken/woonvisie"],
    ["11-actueel", "/actueel"],
  ] as const) {
    await phone.goto(url);
    await shoot(phone, name, PHONE);
  }
  await phone.goto("/bijeenkomsten");
  const event = await phone.locator('main a[href^="/bijeenkomsten/"]').first().getAttribute("href");
  expect(event).toBeTruthy();
  await phone.goto(event!);
  await shoot(phone, "12-bijeenkomst", PHONE);

  // Staff pages: on the laptop.
  const staff = await newPage();
  await staff.setViewportSize({ width: LAPTOP.width, height: LAPTOP.height });
  await loginAs(staff, "ambtenaar");
  await staff.goto("/beheer");
  await shoot(staff, "13-beheer-start", LAPTOP);
  await staff.goto("/beheer/initiatieven?q=bankjes");
  await staff.getByRole("link", { name: "Bankjes langs de vaart" }).first().click();
  await staff.getByRole("heading", { level: 1, name: "Bankjes langs de vaart" }).waitFor();
  await shoot(staff, "14-beheer-initiatief", LAPTOP);

  const researcher = await newPage();
  await researcher.setViewportSize({ width: LAPTOP.width, height: LAPTOP.height });
  await loginAs(researcher, "onderzoeker");
  const [project] = await db()`select id from projects where slug = 'woonvisie'`;
  await researcher.goto(`/beheer/woonvisie-input/${project!.id}`);
  await researcher.getByRole("heading", { name: /Samenvatting: de belangrijkste uitkomsten/ }).waitFor();
  await shoot(researcher, "15-woonvisie-input-rapport", LAPTOP);
}, 600_000);
