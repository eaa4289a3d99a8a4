import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { expectAccessible, newPage, waitForHydration } from "./support";

// Step 2 of the quickscan with "a point on the map": with JavaScript by clicking on the map and
// moving the pin with the keyboard, without JavaScript by typing the two numbers.

async function toStepTwo(page: Page, title: string) {
  await page.goto("/idee/nieuw");
  await page.getByLabel("Titel van uw idee").fill(title);
  await page.getByLabel("Beschrijf uw idee").fill("Een bankje onder de boom, om even uit te rusten.");
  await page.getByLabel("Groen en natuur").check();
  await next(page);
  await page.getByText("Stap 2 van 5").waitFor();
}

async function next(page: Page) {
  await page.getByRole("button", { name: "Volgende stap" }).click();
  await page.waitForLoadState("load");
}

const latField = (page: Page) => page.getByRole("textbox", { name: /^Breedtegraad/ });
const lngField = (page: Page) => page.getByRole("textbox", { name: /^Lengtegraad/ });
const number = (s: string) => Number(s.replace(",", "."));

test("with JavaScript: the map loads only for a point, a click sets it, arrow keys move it, and it is kept", async () => {
  const page = await newPage();
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(r.url());
  });
  await toStepTwo(page, "Bankje met JavaScript");
  await waitForHydration(page);
  // No Leaflet until the resident asks for a point on the map.
  expect(await page.locator(".leaflet-container").count()).toBe(0);
  expect(scripts.filter((u) => /leaflet|point-picker-map/.test(u))).toEqual([]);
  await page.getByLabel("Op een plek op de kaart").check();
  const map = page.getByRole("application", { name: "Kaart om een plek te kiezen" });
  await map.waitFor();
  expect(scripts.some((u) => u.includes("point-picker-map"))).toBe(true);
  expect(await page.getByRole("button", { name: "Inzoomen" }).count()).toBe(1);
  expect(await page.locator(".leaflet-control-attribution").textContent()).toContain("Kadaster");

  await map.click(); // the middle of the map: the town centre
  await page.getByRole("status").filter({ hasText: "Gekozen plek: breedtegraad 52,3" }).waitFor();
  const lat = number(await latField(page).inputValue());
  const lng = number(await lngField(page).inputValue());
  expect(lat).toBeCloseTo(52.3505, 2);
  expect(lng).toBeCloseTo(4.6125, 2);
  await expectAccessible(page);

  await map.focus();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowRight");
  expect(number(await latField(page).inputValue())).toBeGreaterThan(lat);
  expect(number(await lngField(page).inputValue())).toBeGreaterThan(lng);
  const chosen = await latField(page).inputValue();
  expect(
    await page
      .getByRole("status")
      .filter({ hasText: `breedtegraad ${chosen}` })
      .count(),
  ).toBe(1);

  await next(page);
  await page.getByText("Stap 3 van 5").waitFor();
  await page.getByRole("button", { name: "Vorige stap" }).click();
  await page.getByText("Stap 2 van 5").waitFor();
  expect(await page.getByLabel("Op een plek op de kaart").isChecked()).toBe(true);
  expect(await latField(page).inputValue()).toBe(chosen);
  await page.locator(".wmh-map--picker .leaflet-marker-icon").waitFor();
});

test("without JavaScript: the two numbers, a Dutch message outside Heemstede, then on to step 3", async () => {
  const page = await newPage({ javaScript: false });
  await toStepTwo(page, "Bankje zonder JavaScript");
  expect(await page.locator(".leaflet-container").count()).toBe(0);
  await page.getByLabel("Op een plek op de kaart").check();
  await latField(page).fill("52,09");
  await lngField(page).fill("4,61");
  await next(page);
  await page.getByRole("heading", { name: "Er is 1 fout gevonden" }).waitFor();
  expect(await page.getByText(/Deze plek ligt niet in Heemstede/).count()).toBeGreaterThan(0);
  expect(await latField(page).inputValue()).toBe("52,09");
  await expectAccessible(page);

  await latField(page).fill("52,358");
  await next(page);
  await page.getByText("Stap 3 van 5").waitFor();
});
