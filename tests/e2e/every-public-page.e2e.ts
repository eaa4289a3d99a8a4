import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { pathOf, SiteWalk } from "./site-walk";
import { accessibilityViolations, newPage, sidewaysScroll, waitForHydration } from "./support";

// Every public page in app/routes, not a hand-kept list: a new route is visited here as soon as it
// exists. Resource routes (no component: feeds, GeoJSON, photos, exports) are not pages; pages
// behind a personal link ($token) are reached in their own journeys (ideas, informed, panel,
// consultation e2e). Pages with an id or slug are reached through the first link on the page above
// them in the demo data (site-walk.ts). Each page must answer below 400, raise no page error, pass
// axe and not scroll sideways, at 320 px (a phone; WCAG 1.4.10) and at 1280 px.

const routesDir = join(process.cwd(), "app", "routes");
const templates = readdirSync(routesDir)
  .filter((f) => !f.startsWith("beheer") && !f.includes("$token") && f !== "$.tsx")
  .filter((f) => readFileSync(join(routesDir, f), "utf8").includes("export default"))
  .map((f) => pathOf(f.replace(/\[\.\]/g, "-")))
  .sort();

const options = {
  via: [
    // The surveys are linked from the participation overview.
    [/^\/enquete$/, () => "/meedenken"],
  ] as [RegExp, (list: string) => string, string?][],
  // Not in a fresh demo: published survey results, a published reactienota and a document with a
  // second version appear when staff publish them, as informed.e2e.ts and consultation.e2e.ts do
  // (where these pages are checked with axe and at 320 px).
  mayBeEmpty: new Set([
    "/enquete/:slug/wat-we-hebben-gehoord",
    "/meedenken/:slug/reactienota/:versie",
    "/meedenken/:slug/wijzigingen",
  ]),
};

describe("every public page", () => {
  test("at 320 px and at 1280 px", async () => {
    const page = await newPage();
    const walk = new SiteWalk(page, options);
    const narrow = await walk.check(templates, 320);
    const wide = await walk.check(templates, 1280);
    expect([...narrow.problems, ...wide.problems]).toEqual([]);
    expect(narrow.visited.length).toBeGreaterThanOrEqual(templates.length - options.mayBeEmpty.size);
  }, 900_000);

  test("an address that does not exist: the 404 page, hydrated without errors, at 320 px", async () => {
    const page = await newPage();
    const errors: string[] = [];
    page.removeAllListeners("pageerror");
    page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
    await page.setViewportSize({ width: 320, height: 720 });
    // A public address, a staff address (logged out) and one below an existing page.
    for (const url of ["/bestaat-niet", "/beheer/enquetes/1/vraag", "/meedenken/woonvisie/reactienota"]) {
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(404);
      await page.getByRole("heading", { level: 1, name: "Deze pagina bestaat niet" }).waitFor();
      await waitForHydration(page);
      expect(await sidewaysScroll(page, url)).toBeNull();
      expect(await accessibilityViolations(page)).toEqual([]);
    }
    expect(errors).toEqual([]);
  }, 120_000);
});
