import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { expectAccessible, newPage, waitForHydration } from "./support";

// The quickscan's location page for "a point on the map": with JavaScript the resident taps the map
// and moves the pin with the keyboard; coordinates are never shown. Without JavaScript, see ideas.e2e.ts.

async function next(page: Page) {
  await page.getByRole("button", { name: /^(Volgende|Verstuur mijn idee)$/ }).click();
  await page.waitForLoadState("load");
}

async function toLocationPage(page: Page, title: string) {
  await page.goto("/idee/nieuw");
  await page.getByLabel("Titel van uw idee").fill(title);
  await page.getByLabel("Beschrijf uw idee").fill("Een bankje onder de boom, om even uit te rusten.");
  await page.getByLabel("Groen en natuur").check();
  await next(page);
  await page.getByLabel("Op een plek op de kaart").check();
  await next(page);
  await page.getByRole("heading", { level: 1, name: "Waar is het op de kaart?" }).waitFor();
}

const hidden = (page: Page, name: string) => page.locator(`input[type=hidden][name=${name}]`);
const number = (s: string) => Number(s.replace(",", "."));

test("with JavaScript: a tap sets the point, arrow keys move it, no coordinates on screen, and it is kept", async () => {
  const page = await newPage();
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(r.url());
  });
  await page.goto("/idee/nieuw");
  await waitForHydration(page);
  // No Leaflet on the first step.
  expect(scripts.filter((u) => /point-picker-map/.test(u))).toEqual([]);
  await toLocationPage(page, "Bankje met JavaScript");
  await waitForHydration(page);
  const map = page.getByRole("application", { name: "Kaart om een plek te kiezen" });
  await map.waitFor();
  expect(await page.getByLabel(/Adres of straat/).count()).toBe(0);

  // Nothing chosen: a message about the map, never about a failed search.
  await next(page);
  await page.getByRole("heading", { name: "Er is 1 fout gevonden" }).waitFor();
  expect(await page.getByText("Zoeken lukt nu niet").count()).toBe(0);
  await page.getByRole("link", { name: "Wijs de plek van uw idee aan op de kaart." }).waitFor();
  await map.waitFor();

  await map.click(); // the middle of the map: the town centre
  await page.getByRole("status").filter({ hasText: "U heeft een plek gekozen." }).waitFor();
  const lat = number(await hidden(page, "lat").inputValue());
  expect(lat).toBeCloseTo(52.3505, 2);
  await expectAccessible(page);

  await map.focus();
  await page.keyboard.press("ArrowUp");
  expect(number(await hidden(page, "lat").inputValue())).toBeGreaterThan(lat);
  const chosen = await hidden(page, "lat").inputValue();
  expect(await page.locator("body").textContent()).not.toMatch(/breedtegraad|lengtegraad|52,3/i);

  await next(page);
  await page.getByRole("heading", { level: 1, name: "Wie doen er mee?" }).waitFor();
  await page.getByRole("button", { name: "Vorige" }).click();
  await page.getByRole("heading", { level: 1, name: "Waar is het op de kaart?" }).waitFor();
  await page.locator(".wmh-map--picker .leaflet-marker-icon").waitFor();
  expect(await hidden(page, "lat").inputValue()).toBe(chosen);
});
