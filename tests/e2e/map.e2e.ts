import type { Page } from "playwright-core";
import { beforeAll, expect, test } from "vitest";
import { db, expectAccessible, latestMail, loginAs, newPage } from "./support";

/** Press Tab until the focused element matches, as a keyboard user would; fails after `max` presses. */
async function tabTo(
  page: Page,
  matches: (el: { tag: string; text: string; label: string }) => boolean,
  max = 80,
) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return {
        tag: a?.tagName.toLowerCase() ?? "",
        text: a?.textContent?.trim() ?? "",
        label: (a?.id && document.querySelector(`label[for="${a.id}"]`)?.textContent?.trim()) || "",
      };
    });
    if (matches(el)) return;
  }
  throw new Error("element not reached by keyboard");
}

const markers = (page: Page) => page.locator(".leaflet-marker-icon");

// The data these tests need, next to the demo data (which may change).
const INITIATOR = "e2e-initiatiefnemer@voorbeeld.nl";
const fixtures = [
  { title: "E2E Moestuin aan de Vaart", theme: "groen", status: "in_execution", lat: 52.3511, lng: 4.6021 },
  {
    title: "E2E Zebrapad bij de Glip",
    theme: "verkeer",
    status: "in_review",
    lat: 52.3401,
    lng: 4.6321,
  },
  {
    title: "E2E Repareren in de bibliotheek",
    theme: "duurzaam",
    status: "realised",
    lat: 52.3641,
    lng: 4.5981,
  },
  { title: "E2E Boekenkastje", theme: "cultuur", status: "realised", lat: 52.3381, lng: 4.6001 },
  { title: "E2E Buurtfeest", theme: "samenleven", status: "adopted", lat: 52.3391, lng: 4.6401 },
  { title: "E2E Speelstraat", theme: "spelen-sport", status: "planning", lat: 52.3661, lng: 4.6441 },
];

beforeAll(async () => {
  for (const [i, f] of fixtures.entries()) {
    await db()`
      insert into initiatives (title, description, theme, location_kind, answers, initiator_name, initiator_email,
        consent_contact, proposed_decider, proposed_complex, decider, complex, status, public_title, public_summary,
        public_lat, public_lng, location_precision, is_published, published_at, wijk_code)
      values (${f.title}, 'Privé beschrijving', ${f.theme}, 'address', '{}'::jsonb, 'E2E Initiatiefnemer', ${INITIATOR},
        true, 'initiator', false, 'initiator', false, ${f.status}, ${f.title},
        ${`Samenvatting van ${f.title}.`}, ${f.lat}, ${f.lng}, 'exact', true, now() + ${`${i} seconds`}::interval, null)`;
  }
});

test("filter by theme: the URL, the list and the map follow; the back button works", async () => {
  const page = await newPage();
  await page.goto("/initiatieven");
  await markers(page).first().waitFor();
  const before = await markers(page).count();
  expect(before).toBeGreaterThan(5);
  await expectAccessible(page);

  await page.getByLabel("Thema").selectOption({ label: "Verkeer en veiligheid" });
  await page.getByRole("button", { name: "Filteren" }).click();
  await page.waitForURL(/thema=verkeer/);
  const list = page.getByRole("region", { name: "Lijst van initiatieven" });
  await list.getByRole("link", { name: "E2E Zebrapad bij de Glip" }).waitFor();
  // The zebrapad is in the unfiltered list too: wait until the other themes have left the list.
  await expect.poll(() => list.getByRole("link", { name: "E2E Moestuin aan de Vaart" }).count()).toBe(0);
  const items = list.getByRole("listitem").filter({ has: page.getByRole("heading") });
  const count = await items.count();
  let withPoint = 0;
  for (let i = 0; i < count; i++) {
    const text = (await items.nth(i).textContent()) ?? "";
    expect(text).toContain("Verkeer en veiligheid");
    if (!text.includes("Niet op de kaart")) withPoint++;
  }
  await expect.poll(() => markers(page).count()).toBe(withPoint);
  expect(await page.locator('.leaflet-marker-icon[title="E2E Zebrapad bij de Glip"]').count()).toBe(1);
  await expectAccessible(page);

  await page.goBack();
  await page.waitForURL((url) => !url.search.includes("thema"));
  await expect.poll(() => markers(page).count()).toBe(before);
});

test("open a marker, read the popup, and open the detail page", async () => {
  const page = await newPage();
  await page.goto("/initiatieven?thema=groen");
  const marker = page.locator('.leaflet-marker-icon[title="E2E Moestuin aan de Vaart"]');
  await marker.waitFor();
  // Markers are reachable by keyboard: focus one and press Enter to open its popup.
  await marker.focus();
  await page.keyboard.press("Enter");
  const popup = page.locator(".leaflet-popup");
  await popup.waitFor();
  expect(await popup.textContent()).toContain("Groen en natuur · In uitvoering");
  expect(await popup.locator(".leaflet-popup-close-button").getAttribute("aria-label")).toBe("Sluiten");
  expect(await page.getByRole("button", { name: "Inzoomen" }).count()).toBe(1);
  expect(await page.getByText("Kaartgegevens © Kadaster").count()).toBe(1);
  await expectAccessible(page);

  await popup.getByRole("link", { name: "E2E Moestuin aan de Vaart" }).click();
  await page.getByRole("heading", { level: 1, name: /E2E Moestuin aan de Vaart/ }).waitFor();
  expect(await page.getByText("Thema: Groen en natuur").count()).toBe(1);
  expect(await page.getByRole("heading", { name: "Zo staat het ervoor" }).count()).toBe(1);
  await page.locator(".wmh-map--small .leaflet-marker-icon").waitFor();
  await expectAccessible(page);
});

test("the detail page relays a message to the initiator without showing their address", async () => {
  const [row] =
    await db()`select id, initiator_email from initiatives where public_title = 'E2E Repareren in de bibliotheek'`;
  const page = await newPage();
  await page.goto(`/initiatieven/${row!.id}`);
  expect(await page.content()).not.toContain(row!.initiator_email);
  await page.getByRole("button", { name: "Bericht versturen" }).click();
  await page.getByRole("heading", { name: /fouten gevonden/ }).waitFor();
  await expectAccessible(page);
  await page.getByLabel("Uw naam").fill("Els de Vries");
  await page.getByLabel("Uw e-mailadres").fill("els@voorbeeld.nl");
  await page.getByLabel("Uw bericht").fill("Ik repareer graag fietsen. Kan ik meedoen?");
  await page.getByRole("button", { name: "Bericht versturen" }).click();
  await page.getByText("Uw bericht is verstuurd naar de initiatiefnemer.").waitFor();
  expect(await page.content()).not.toContain(row!.initiator_email);
  const mail = await latestMail(row!.initiator_email, "initiative.contact");
  expect(mail.text).toContain("Ik repareer graag fietsen.");
  await expectAccessible(page);
});

test("the list works by keyboard only, without JavaScript", async () => {
  const page = await newPage({ javaScript: false });
  await page.goto("/initiatieven");
  // axe itself needs JavaScript (its timers do not run here); the same page is checked with it on above.
  // Without JavaScript the list comes first and no map is offered (it needs JavaScript).
  expect(await page.getByRole("heading", { level: 2, name: "Lijst van initiatieven" }).count()).toBe(1);
  expect(await page.locator(".leaflet-container").count()).toBe(0);
  await tabTo(page, (el) => el.label.startsWith("Zoeken"));
  await page.keyboard.type("moestuin aan de vaart");
  await page.keyboard.press("Enter");
  await page.waitForURL(/zoek=moestuin/);
  await tabTo(page, (el) => el.tag === "a" && el.text === "E2E Moestuin aan de Vaart");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/initiatieven\/[0-9a-f-]{36}$/);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("E2E Moestuin aan de Vaart");

  await page.goto("/initiatieven");
  await tabTo(page, (el) => el.tag === "a" && el.text === "Volgende pagina");
  await page.keyboard.press("Enter");
  await page.waitForURL(/pagina=2/);
  await page.getByText(/U ziet 11 tot en met/).waitFor();
});

test("staff check a CSV file first, then import it; the wijken page lists the demo boundaries", async () => {
  const page = await newPage();
  await loginAs(page, "ambtenaar");
  await page.goto("/beheer/kaart/import");
  await expectAccessible(page);
  const csv =
    "titel;samenvatting;thema;status;breedtegraad;lengtegraad\nParkbankje;Een bank;groen;in_uitvoering;52,352;4,611\nFout;Fout;paars;in_uitvoering;;\n";
  await page
    .getByLabel("CSV-bestand")
    .setInputFiles({ name: "import.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Bestand controleren" }).click();
  await page.getByText("Het bestand is niet geïmporteerd").waitFor();
  expect(await page.getByText(/Onbekend thema/).count()).toBe(1);
  await expectAccessible(page);

  const good = csv.split("\n").slice(0, 2).join("\n");
  await page
    .getByLabel("CSV-bestand")
    .setInputFiles({ name: "import.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
  await page.getByRole("button", { name: "Bestand controleren" }).click();
  await page.getByRole("heading", { name: "Voorbeeld van de import" }).waitFor();
  expect(await db()`select 1 from initiatives where public_title = 'Parkbankje'`).toHaveLength(0);
  await page.getByRole("button", { name: "Importeren" }).click();
  await page.getByText("De initiatieven zijn geïmporteerd.").waitFor();
  const [row] = await db()`select wijk_code from initiatives where public_title = 'Parkbankje'`;
  expect(row!.wijk_code).toMatch(/^DEMO0\d$/);

  const admin = await newPage();
  await loginAs(admin, "beheerder");
  await admin.goto("/beheer/wijken");
  expect(await admin.getByText("Ja (voorbeeldgrens)").count()).toBe(6);
  await expectAccessible(admin);
});
