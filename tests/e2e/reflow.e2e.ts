import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { accessibilityViolations, newPage, sidewaysScroll, waitForHydration } from "./support";

// WCAG 1.4.10 (reflow) through every quickscan step at 320 CSS pixels, with and without error
// messages: each step fails on sideways scrolling or an axe violation; all problems are collected and
// reported at once. Every other page is walked by every-public-page.e2e.ts (320 and 1280 px) and
// every-staff-page.e2e.ts (1024 and 320 px); every page of the Woonvisie survey by survey-reflow.e2e.ts.

async function problemsOn(page: Page, where: string): Promise<string[]> {
  const found: string[] = [];
  await waitForHydration(page).catch(() => {});
  const scroll = await sidewaysScroll(page, where);
  if (scroll) found.push(scroll);
  for (const v of await accessibilityViolations(page)) found.push(`${where}: ${v}`);
  return found;
}

describe("reflow and axe on the quickscan", () => {
  test("every quickscan step at 320 px, with and without error messages", async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 320, height: 720 });
    const problems: string[] = [];
    await page.goto("/idee/nieuw");
    const answers: Record<string, (p: Page) => Promise<void>> = {
      "Uw idee": async (p) => {
        await p.getByLabel("Titel van uw idee").fill("Bankjes langs de vaart");
        await p.getByLabel("Beschrijf uw idee").fill("Drie bankjes om uit te rusten.");
        await p.locator('[name="theme"]').first().check();
      },
      "Waar is uw idee?": (p) => p.getByLabel("In een wijk").check(),
      "In welke wijk?": async (p) => {
        await p.getByRole("combobox", { name: /^Wijk/ }).selectOption({ index: 1 });
      },
      "Wie doen er mee?": (p) => p.locator('[name="partyCount"]').first().check(),
      "Wat verandert er voor anderen?": async (p) => {
        for (const n of ["impact", "interests", "otherPlans"])
          await p.locator(`[name="${n}"]`).first().check();
      },
      "Openbare ruimte, vergunning en regels": async (p) => {
        for (const n of ["publicSpace", "permit", "policy"]) await p.locator(`[name="${n}"]`).first().check();
      },
      "Wat draagt u bij en wanneer?": (p) => p.locator('[name="timing"]').first().check(),
      "Uw gegevens": async (p) => {
        await p.getByLabel("Uw naam").fill("Reflow Test");
        await p.getByLabel("Uw e-mailadres").fill("reflow@example.nl");
        await p.getByLabel(/contact met mij opneemt/).check();
      },
    };
    for (let i = 0; i < 12; i++) {
      const title = ((await page.locator("h1").first().textContent()) ?? "").trim();
      problems.push(...(await problemsOn(page, `quickscan: ${title}`)));
      if (title === "Controleer uw antwoorden") break;
      const fill = answers[title];
      if (!fill) {
        problems.push(`quickscan: no answers for step "${title}"`);
        break;
      }
      if (title !== "In welke wijk?") {
        await page.getByRole("button", { name: "Volgende" }).click();
        await page.locator("#foutmeldingen, .utrecht-form-field-error-message").first().waitFor();
        problems.push(...(await problemsOn(page, `quickscan: ${title} (with errors)`)));
      }
      await fill(page);
      await page.getByRole("button", { name: "Volgende" }).click();
      await page.waitForFunction((t) => document.querySelector("h1")?.textContent?.trim() !== t, title);
    }
    await page.getByRole("button", { name: "Verstuur mijn idee" }).click();
    await page.waitForURL(/\/idee\/volgen\//);
    problems.push(...(await problemsOn(page, "the follow page")));
    expect(problems).toEqual([]);
  }, 600_000);
});
