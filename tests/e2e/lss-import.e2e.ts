import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { db, expectAccessible, expectNoSidewaysScroll, loginAs, newPage } from "./support";

const fixtures = join(import.meta.dirname, "../fixtures/limesurvey");
const shots = process.env.E2E_SCREENSHOTS;

/** Press Tab until the focused element has this accessible text or name attribute. */
async function tabTo(page: Page, match: (el: { name: string; text: string; type: string }) => boolean) {
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press("Tab");
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLInputElement | null;
      return {
        name: a?.getAttribute("name") ?? "",
        text: (a?.textContent ?? "").trim(),
        type: a?.type ?? "",
      };
    });
    if (match(el)) return;
  }
  throw new Error("target not reached with Tab");
}

describe("importing a LimeSurvey survey (researcher, keyboard)", () => {
  test.each([1280, 320])(
    "upload, read the report, save the draft at %i px",
    { timeout: 180_000 },
    async (width) => {
      const page = await newPage();
      await page.setViewportSize({ width, height: 900 });
      await loginAs(page, "onderzoeker");
      await page.goto("/beheer/enquetes/importeren");
      await expectAccessible(page);
      await expectNoSidewaysScroll(page, "the upload form");

      // A refused file: one Dutch message, at the field and in the summary.
      await tabTo(page, (el) => el.name === "bestand");
      await page.setInputFiles("input[name=bestand]", join(fixtures, "entity-declaration.lss"));
      await tabTo(page, (el) => el.text === "Bestand controleren");
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { name: "Er is 1 fout gevonden" }).waitFor();
      expect(await page.locator("#veld-bestand-error").textContent()).toMatch(/DOCTYPE- of ENTITY/);
      await expectAccessible(page);

      // The real file: the report before anything is stored.
      await tabTo(page, (el) => el.name === "bestand");
      await page.setInputFiles("input[name=bestand]", join(fixtures, "survey-new-layout.lss"));
      await tabTo(page, (el) => el.text === "Bestand controleren");
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { name: "Samenvatting" }).waitFor();
      expect(await page.getByRole("heading", { name: /^Weggelaten \(4\)/ }).isVisible()).toBe(true);
      expect(await page.getByText("Bestanden uploaden kan niet in onze enquêtes.").isVisible()).toBe(true);
      expect(
        await page
          .getByText(/Uit de tekst is weggehaald: JavaScript/)
          .first()
          .isVisible(),
      ).toBe(true);
      const before = await db()`select count(*)::int as n from surveys where slug = ${`wonen-${width}`}`;
      expect(before[0]!.n).toBe(0);
      await expectAccessible(page);
      await expectNoSidewaysScroll(page, "the report");
      if (shots) await page.screenshot({ path: join(shots, `lss-report-${width}.png`), fullPage: true });

      await tabTo(page, (el) => el.name === "slug");
      await page.keyboard.press("Control+A");
      await page.keyboard.type(`wonen-${width}`);
      await tabTo(page, (el) => el.text === "Opslaan als concept");
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/beheer\/enquetes\/\d+/);
      await page.getByRole("heading", { name: "Wonen in de wijk", level: 1 }).waitFor();
      const after = await db()`select status from surveys where slug = ${`wonen-${width}`}`;
      expect(after[0]!.status).toBe("draft");
      await expectAccessible(page);
      if (shots) await page.screenshot({ path: join(shots, `lss-saved-${width}.png`), fullPage: false });
      await page.context().close();
    },
  );
});
