import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { loginAs, newPage, waitForHydration } from "./support";

// `npm run screenshots`: the main journeys as a resident and a civil servant see them, on a phone
// (375 px) and a laptop (1280 px), written to docs/screenshots/ (viewport-height crops, ~20 PNGs).

const OUT = join(process.cwd(), "docs", "screenshots");
const SIZES = [
  { name: "telefoon", width: 375, height: 740 },
  { name: "laptop", width: 1280, height: 800 },
] as const;

async function shoot(page: Page, name: string, size: (typeof SIZES)[number]) {
  await waitForHydration(page).catch(() => {});
  await page.screenshot({ path: join(OUT, `${name}-${size.name}.png`) });
}

test("screenshots of the main journeys", async () => {
  mkdirSync(OUT, { recursive: true });
  for (const size of SIZES) {
    const page = await newPage();
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const [name, url] of [
      ["01-home", "/"],
      ["02-idee", "/idee"],
      ["03-quickscan-stap-1", "/idee/nieuw"],
      ["05-initiatieven", "/initiatieven"],
      ["06-enquete-woonvisie", "/enquete/woonvisie"],
    ] as const) {
      await page.goto(url);
      await shoot(page, name, size);
    }
    const staff = await newPage();
    await staff.setViewportSize({ width: size.width, height: size.height });
    await loginAs(staff, "ambtenaar");
    await staff.goto("/beheer");
    await shoot(staff, "08-beheer-start", size);
    await staff.goto("/beheer/initiatieven");
    await shoot(staff, "09-beheer-initiatieven", size);
    const detail = await staff
      .locator('a[href^="/beheer/initiatieven/"][href*="-"]')
      .first()
      .getAttribute("href");
    expect(detail).toBeTruthy();
    await staff.goto(detail!);
    await shoot(staff, "10-beheer-initiatief", size);
    // The follow page of a demo idea, opened through a fresh link (as from a mail).
    await page.goto("/idee/volgen");
    await shoot(page, "07-idee-volgen-link", size);
    // The check page of the quickscan.
    await page.goto("/idee/nieuw");
    await page.getByLabel("Titel van uw idee").fill("Bankjes langs de vaart");
    await page.getByLabel("Beschrijf uw idee").fill("Drie bankjes om uit te rusten bij het water.");
    await page.locator('[name="theme"]').first().check();
    await page.getByRole("button", { name: "Volgende" }).click();
    await page.getByLabel("In heel Heemstede").check();
    await page.getByRole("button", { name: "Volgende" }).click();
    await page.locator('[name="partyCount"]').first().check();
    await page.getByRole("button", { name: "Volgende" }).click();
    for (const n of ["impact", "interests", "otherPlans"])
      await page.locator(`[name="${n}"]`).first().check();
    await page.getByRole("button", { name: "Volgende" }).click();
    for (const n of ["publicSpace", "permit", "policy"]) await page.locator(`[name="${n}"]`).first().check();
    await page.getByRole("button", { name: "Volgende" }).click();
    await page.locator('[name="timing"]').first().check();
    await page.getByRole("button", { name: "Volgende" }).click();
    await page.getByLabel("Uw naam").fill("Piet Jansen");
    await page.getByLabel("Uw e-mailadres").fill(`screenshot-${size.name}@example.nl`);
    await page.getByLabel(/contact met mij opneemt/).check();
    await page.getByRole("button", { name: "Volgende" }).click();
    await page.getByRole("heading", { name: "Controleer uw antwoorden" }).waitFor();
    await shoot(page, "04-quickscan-controleren", size);
  }
}, 600_000);
