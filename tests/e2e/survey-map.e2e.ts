import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { db, expectAccessible, loginAs, newPage, waitForHydration } from "./support";

// The map-point question: with JavaScript by clicking on the (lazily loaded) map, without
// JavaScript by typing the two numbers. The Woonvisie flow in surveys.e2e.ts covers the address.
// And the results page: the answers on a map next to the list.

interface Fixture {
  slug: string;
  surveyId: number;
  key: string;
}
let fixture: Fixture;

/** A published one-page survey with only the Woonvisie's map-point question, made required. */
async function mapSurvey(): Promise<Fixture> {
  const sql = db();
  const [woonvisie] = await sql<
    { definition: { pages: { questions: { type: string; key: string }[] }[] } }[]
  >`
    select v.definition from survey_versions v join surveys s on s.id = v.survey_id
    where s.slug = 'woonvisie' and v.published_at is not null order by v.version desc limit 1`;
  const definition = structuredClone(woonvisie!.definition);
  const page = definition.pages.find((p) => p.questions.some((q) => q.type === "mapPoint"))!;
  const question = {
    ...page.questions.find((q) => q.type === "mapPoint")!,
    required: true,
    showIf: undefined,
  };
  const slug = `kaartvraag-${Date.now()}`;
  const [survey] = await sql<{ id: number }[]>`
    insert into surveys (slug, title, status, access_mode) values (${slug}, 'Kaartvraag', 'published', 'open')
    returning id`;
  const only = {
    ...definition,
    title: "Kaartvraag",
    pages: [{ ...page, showIf: undefined, questions: [question] }],
  };
  await sql`insert into survey_versions (survey_id, version, definition, published_at)
    values (${survey!.id}, 1, ${sql.json(JSON.parse(JSON.stringify(only)))}, now())`;
  return { slug, surveyId: survey!.id, key: question.key };
}

beforeAll(async () => {
  fixture = await mapSurvey();
});
afterAll(async () => {
  await db()`delete from surveys where id = ${fixture.surveyId}`;
});

async function start(page: Page) {
  await page.goto(`/enquete/${fixture.slug}`);
  await page.getByRole("button", { name: "Start de vragenlijst" }).click();
  await page.getByRole("heading", { level: 1, name: "Ruimte voor nieuwe woningen" }).waitFor();
}

const latField = (page: Page) => page.getByRole("textbox", { name: /^Breedtegraad/ });
const lngField = (page: Page) => page.getByRole("textbox", { name: /^Lengtegraad/ });

async function storedPoint() {
  const [row] = await db()<{ value_lat: number; value_lng: number; value_text: string | null }[]>`
    select a.value_lat, a.value_lng, a.value_text from answers a join responses r on r.id = a.response_id
    where a.survey_id = ${fixture.surveyId} and a.question_key = ${fixture.key} and a.sub_key = ''
      and r.status = 'submitted'
    order by a.id desc limit 1`;
  return row!;
}

test("with JavaScript: a point outside Heemstede gets a message, a click on the lazily loaded map is stored", async () => {
  const page = await newPage();
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(r.url());
  });
  await start(page);
  await waitForHydration(page);
  const map = page.getByRole("application", { name: "Kaart om een plek te kiezen" });
  await map.waitFor();
  // Leaflet came as a chunk of its own, after the page.
  expect(scripts.some((u) => u.includes("point-picker-map"))).toBe(true);

  // The same validation as on the server, at the question, before posting.
  await latField(page).fill("52,37");
  await lngField(page).fill("4,89");
  await page.getByRole("button", { name: "Versturen" }).click();
  await page.getByText("Deze plek ligt niet in Heemstede. Kies een plek in Heemstede.").first().waitFor();

  await map.click(); // the middle of the map: the town centre
  await page.getByRole("status").filter({ hasText: "Gekozen plek: breedtegraad 52,3" }).waitFor();
  await page.getByLabel(/^Waarom juist daar?/).fill("Naast het station");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Versturen" }).click();
  await page.getByRole("heading", { level: 1, name: "Dank u wel!" }).waitFor();
  const row = await storedPoint();
  expect(row.value_lat).toBeCloseTo(52.3505, 2);
  expect(row.value_lng).toBeCloseTo(4.6125, 2);
  expect(row.value_text).toBe("Naast het station");
});

test("without JavaScript: no map, the two numbers are stored", async () => {
  const page = await newPage({ javaScript: false });
  await start(page);
  expect(await page.locator(".leaflet-container").count()).toBe(0);
  await latField(page).fill("52,3412");
  await lngField(page).fill("4,6021");
  await page.getByRole("button", { name: "Versturen" }).click();
  await page.getByRole("heading", { level: 1, name: "Dank u wel!" }).waitFor();
  const row = await storedPoint();
  expect(row.value_lat).toBeCloseTo(52.3412, 4);
  expect(row.value_lng).toBeCloseTo(4.6021, 4);
});

test("the results page shows the map-point answers on a map, with the list next to it", async () => {
  const [survey] = await db()<{ id: number }[]>`
    select survey_id as id from responses where is_demo and status = 'submitted'
    group by survey_id order by count(*) desc limit 1`;
  const page = await newPage();
  await loginAs(page, "onderzoeker");
  await page.goto(`/beheer/enquetes/${survey!.id}/resultaten`);
  const map = page.getByRole("region", { name: /^Kaart met de gekozen plekken/ });
  await map.locator(".leaflet-marker-icon").first().waitFor();
  expect(await map.locator(".leaflet-marker-icon").count()).toBeGreaterThan(3);
  // The list stays: the same answers as a table.
  expect(await page.getByRole("table", { name: /gekozen plekken$/ }).count()).toBeGreaterThan(0);
  await map.locator(".leaflet-marker-icon").first().dispatchEvent("click");
  const popup = map.locator(".leaflet-popup-content");
  await popup.waitFor();
  expect(await popup.textContent()).toMatch(/(\d+|minder dan 10) antwoorden/);
  await expectAccessible(page);
});
