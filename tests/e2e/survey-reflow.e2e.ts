import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectAccessible, expectNoSidewaysScroll, newPage, waitForHydration } from "./support";

// WCAG 1.4.10 (reflow): every page of the Woonvisie survey at 320 CSS pixels wide, first with
// the error summary showing (where a page has required questions), then filled in. Fails on
// sideways scrolling of the page or any axe violation.

async function check(page: Page, where: string) {
  await expectNoSidewaysScroll(page, where);
  await expectAccessible(page);
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

async function pageTitle(page: Page) {
  return ((await page.locator("h1").first().textContent()) ?? "").trim();
}

describe("the Woonvisie survey at 320 px", () => {
  test("no page scrolls sideways, axe finds nothing, with and without errors", async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 320, height: 720 });
    await page.goto("/enquete/woonvisie");
    await check(page, "the intro");
    await page.getByRole("button", { name: "Start de vragenlijst" }).click();
    await page.getByText("Stap 1 van").waitFor();

    const seen: string[] = [];
    for (let step = 1; step <= 20; step++) {
      await waitForHydration(page);
      const title = await pageTitle(page);
      seen.push(title);
      await check(page, title);

      // Primary action first: the first button of the row is Volgende (or Versturen), then Vorige.
      const buttons = await page.locator(".wmh-survey__actions button").allTextContents();
      expect(buttons[0]?.trim()).toMatch(/^(Volgende|Versturen)$/);
      if (step > 1) expect(buttons[1]?.trim()).toBe("Vorige");

      // Woon-DNA tables: a keyboard-reachable, labelled scrolling region with a caption.
      const tables = await page.locator(".wmh-figures__table").count();
      const regions = page.getByRole("region", { name: /in cijfers$/ });
      expect(await regions.count()).toBe(tables);
      for (const region of await regions.all()) {
        expect(await region.getAttribute("tabindex")).toBe("0");
        expect(await region.locator("caption").textContent()).toMatch(/in cijfers$/);
      }

      if (await page.getByRole("button", { name: "Versturen" }).count()) break;

      // Nothing filled in: a page with required questions shows the error summary, every message whole.
      await page.getByRole("button", { name: "Volgende" }).click();
      await page.waitForFunction(
        (t) =>
          document.querySelector("h1")?.textContent?.trim() !== t ||
          !!document.getElementById("foutmeldingen"),
        title,
      );
      if ((await pageTitle(page)) !== title) continue;
      const items = await page.locator("#foutmeldingen li").allTextContents();
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) expect(item, "a message cut off").not.toContain("…");
      if (title === "Wat vindt u het belangrijkst?")
        expect(items.join(" ")).toContain("Geef elk nummer van 1 tot en met 3 precies één keer.");
      await check(page, `${title} (with errors)`);

      await fillRequired(page);
      await page.getByRole("button", { name: "Volgende" }).click();
      await page.waitForFunction((t) => document.querySelector("h1")?.textContent?.trim() !== t, title);
    }
    expect(seen).toContain("Wat vindt u het belangrijkst?");
    expect(seen.length).toBeGreaterThanOrEqual(10);

    await fillRequired(page);
    await page.getByRole("button", { name: "Versturen" }).click();
    await page.waitForURL(/\/bedankt$/);
    await check(page, "the thank-you page");
  }, 300_000);

  test("woon-DNA bars are labelled and drawn from zero", async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 320, height: 720 });
    await page.goto("/enquete/woonvisie");
    await page.getByRole("button", { name: "Start de vragenlijst" }).click();
    await page.getByText("Stap 1 van").waitFor();
    // The first page has a chart with the 68% figure alone.
    const rows = await page.locator(".wmh-bars__row").evaluateAll((els) =>
      els.map((el) => {
        const track = el.querySelector(".wmh-bars__track")!.getBoundingClientRect();
        const bar = el.querySelector(".wmh-bars__bar")!.getBoundingClientRect();
        const label = el.querySelector(".wmh-bars__label") as HTMLElement;
        return {
          label: label.textContent ?? "",
          labelFits: label.scrollWidth <= label.clientWidth,
          share: bar.width / (track.width - 2),
          value: el.querySelector(".wmh-bars__value")?.textContent ?? "",
        };
      }),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.label.length).toBeGreaterThan(0);
      expect(r.labelFits).toBe(true);
    }
    const single = rows.find((r) => r.value === "68%");
    expect(single, "the 68% figure").toBeDefined();
    expect(single!.share).toBeGreaterThan(0.66);
    expect(single!.share).toBeLessThan(0.7);
  });
});
