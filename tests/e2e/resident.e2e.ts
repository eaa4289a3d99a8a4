import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { expectAccessible, expectNoSidewaysScroll, newPage, waitForHydration } from "./support";

// A first-time resident on a 320 px phone: /initiatieven, the quickscan with an address (and a look
// at "all of Heemstede"), and the follow page. Every page: axe at 0 and no sideways scrolling.

async function phone(javaScript = true) {
  const page = await newPage({ javaScript });
  await page.setViewportSize({ width: 320, height: 720 });
  return page;
}

async function check(page: Page) {
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
}

async function next(page: Page) {
  await page.getByRole("button", { name: /^(Volgende|Verstuur mijn idee)$/ }).click();
  await page.waitForLoadState("load");
}

test("/initiatieven at 320 px: the list first, a Lijst/Kaart switch, pins inside the map, only public statuses", async () => {
  const page = await phone();
  await page.goto("/initiatieven");
  await waitForHydration(page);
  await check(page);
  // Filters are never "required", so they are not marked optional; no status that is never public.
  const filters = page.getByRole("form", { name: "Initiatieven zoeken" });
  expect(await filters.locator(".wmh-optional:visible").count()).toBe(0);
  const statuses = await page.getByRole("combobox", { name: "Status" }).locator("option").allTextContents();
  expect(statuses).not.toContain("Afgewezen");
  expect(statuses).not.toContain("Ingetrokken");
  expect(statuses).toContain("In uitvoering");

  // The list is shown, the map is not loaded until asked for.
  const lijst = page.getByRole("button", { name: "Lijst" });
  expect(await lijst.getAttribute("aria-pressed")).toBe("true");
  await page.getByRole("heading", { name: "Lijst van initiatieven" }).waitFor();
  expect(await page.locator(".leaflet-container").count()).toBe(0);

  await page.getByRole("button", { name: "Kaart" }).click();
  const map = page.locator(".wmh-map__canvas.leaflet-container");
  await map.waitFor();
  await page.locator(".leaflet-marker-icon").first().waitFor();
  await page.waitForTimeout(500);
  expect(await page.getByRole("heading", { name: "Lijst van initiatieven" }).isVisible()).toBe(false);
  const box = (await map.boundingBox())!;
  for (const marker of await page.locator(".leaflet-marker-icon").all()) {
    const m = (await marker.boundingBox())!;
    expect(m.x).toBeGreaterThanOrEqual(box.x);
    expect(m.y).toBeGreaterThanOrEqual(box.y);
    expect(m.x + m.width).toBeLessThanOrEqual(box.x + box.width);
    expect(m.y + m.height).toBeLessThanOrEqual(box.y + box.height);
  }
  await check(page);

  // Back to the list; paging still works.
  await lijst.click();
  await page.getByRole("heading", { name: "Lijst van initiatieven" }).waitFor();
  expect(await page.locator(".leaflet-container").count()).toBe(0);
});

test("/initiatieven without JavaScript: the list first and no map or switch", async () => {
  const page = await phone(false);
  await page.goto("/initiatieven");
  await page.getByRole("heading", { name: "Lijst van initiatieven" }).waitFor();
  expect(await page.getByRole("button", { name: "Kaart" }).count()).toBe(0);
  await check(page);
});

test("the quickscan at 320 px with an address, then the follow page", async () => {
  const page = await phone();
  await page.goto("/idee/nieuw");
  await check(page);
  await page.getByLabel("Titel van uw idee").fill("Geveltuinen in de Kerklaan");
  await page.getByLabel("Beschrijf uw idee").fill("Smalle tuintjes langs de gevels, samen met de buren.");
  await page.getByLabel("Groen en natuur").check();
  await next(page);

  // All of Heemstede has no location page: one step less.
  await page.getByLabel("In heel Heemstede").check();
  await check(page);
  await next(page);
  await page.getByText("Stap 3 van 8").waitFor();
  await page.getByRole("heading", { level: 1, name: "Wie doen er mee?" }).waitFor();
  await page.getByRole("button", { name: "Vorige" }).click();
  await page.getByLabel("Op een adres of in een straat").check();
  await next(page);

  await page.getByRole("heading", { level: 1, name: "Op welk adres of in welke straat?" }).waitFor();
  expect(await page.getByRole("combobox", { name: /Wijk/ }).count()).toBe(0);
  await next(page);
  await page.getByRole("heading", { name: "Er is 1 fout gevonden" }).waitFor();
  expect(await page.getByText("Zoeken lukt nu niet").count()).toBe(0);
  await check(page);
  await page.getByLabel(/Adres of straat/).fill("Kerklaan 10, 2101 HL Heemstede");
  await next(page);

  await page.getByText("Stap 3 van 8").waitFor();
  await page.getByLabel("Buren of buurtbewoners").check();
  await page.getByLabel("2 tot 5 partijen").check();
  await check(page);
  await next(page);
  await page.getByLabel("Een beetje, bijvoorbeeld de buren of de straat").check();
  await page.getByLabel("Nee, ik verwacht dat iedereen het ermee eens is").check();
  await page
    .getByRole("group", { name: /andere plannen/ })
    .getByLabel("Nee", { exact: true })
    .check();
  await check(page);
  await next(page);
  await page.getByLabel(/Ja, bijvoorbeeld de stoep/).check();
  await page
    .getByRole("group", { name: /vergunning/ })
    .getByLabel("Nee", { exact: true })
    .check();
  await page.getByLabel("Ja, het past binnen de regels die er zijn").check();
  await check(page);
  await next(page);
  await page.getByLabel("Tijd", { exact: true }).check();
  await page.getByLabel("Binnen 3 maanden").check();
  await check(page);
  await next(page);
  await page.getByLabel("Uw naam").fill("Noor de Boer");
  await page.getByLabel("Uw e-mailadres").fill("noor@example.nl");
  await page.getByLabel(/contact met mij opneemt/).check();
  await check(page);
  await next(page);

  await page.getByRole("heading", { level: 1, name: "Controleer uw antwoorden" }).waitFor();
  expect(await page.getByText("Kerklaan 10, 2101 HL Heemstede").count()).toBe(1);
  await check(page);
  await next(page);

  // The follow page: where the idea is, who helps, messages.
  await page.getByText("Uw idee is verstuurd.").waitFor();
  const here = page.locator('[aria-current="step"]');
  expect(await here.count()).toBe(1);
  expect(await here.textContent()).toMatch(/Idee ontvangen/);
  expect(await page.locator(".wmh-stepper li").count()).toBe(6);
  await page.getByRole("heading", { name: "Uw contactpersoon" }).waitFor();
  expect(await page.locator(".wmh-contact").getByRole("link", { name: "14 023" }).count()).toBe(1);
  expect(await page.getByText("Wij kijken wie u gaat helpen").count()).toBe(0);
  await check(page);
});
