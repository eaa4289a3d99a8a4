import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { staffAccess } from "../../app/domain/auth/roles";
import {
  accessibilityViolations,
  DEMO_PASSWORD,
  loginAs,
  newPage,
  sidewaysScroll,
  waitForHydration,
} from "./support";

// Every staff page of the one staff-access table (app/domain/auth/roles.ts), not a hand-kept list:
// a new /beheer route is visited here as soon as it is in the table. Pages with an id are reached
// through the first link on their list page (the demo data has one of each); downloads (JSON,
// .lss, exports, templates, photos) are left out because they are not pages. Each page must answer
// below 400, pass axe (WCAG 2.1 AA) and not scroll sideways, at 1024 px (a laptop) and at 320 px
// (a civil servant or partner on a phone; WCAG 1.4.10 applies to staff pages too).

const NOT_PAGES = /\.(json|lss)$|export\.|sjabloon\.|foto\.|afdrukken$/;

/** "beheer.inspraak_.$id_.reacties" → "/beheer/inspraak/:id/reacties"; optional segments dropped. */
function pathOf(routeId: string): string {
  const segments = routeId
    .split(".")
    .filter((s) => s !== "_index" && !/^\(.*\)$/.test(s))
    .map((s) => s.replace(/^_|_$/g, ""))
    .map((s) => (s.startsWith("$") ? `:${s.slice(1)}` : s));
  return `/${segments.join("/")}`;
}

const templates = [
  ...new Set(
    Object.keys(staffAccess)
      .filter((id) => !NOT_PAGES.test(id))
      .map(pathOf),
  ),
];

/** Where links to a parameter's values are when neither the list nor the page above it has them:
 * [list pattern, page to look on, link prefix there (the list itself when not given)]. */
const VIA: [RegExp, (list: string) => string, string?][] = [
  [/\/coderen$/, (list) => list.replace(/\/coderen$/, "/resultaten")],
  // The gemeente's start page lists only updates that wait; every agreement is on the public list
  // with the same id.
  [/^\/beheer\/prestatieafspraken$/, () => "/prestatieafspraken", "/prestatieafspraken"],
];

/** Lists that are empty in a fresh demo until someone sends mail or a campaign; their items are
 * covered by outbox.test.ts and panel.e2e.ts. */
const MAY_BE_EMPTY = new Set(["/beheer/uitgaande-mail/:id", "/beheer/digipanel/campagnes/:id"]);

/** The first id of the list page before the first parameter, or null when the list has none. */
async function firstId(page: Page, list: string, cache: Map<string, string | null>): Promise<string | null> {
  if (cache.has(list)) return cache.get(list) ?? null;
  // The list itself, or (for "/beheer/enquetes/1/vraag/:pagina") the page above it that links there.
  const places: [string, string][] = [
    [list, list],
    [list.slice(0, list.lastIndexOf("/")), list],
    ...VIA.filter(([pattern]) => pattern.test(list)).map(
      ([, at, prefix]) => [at(list), prefix ?? list] as [string, string],
    ),
  ];
  let id: string | null = null;
  for (const [at, prefix] of places) {
    const res = await page.goto(at);
    if (!res || res.status() >= 400) continue;
    const hrefs = await page
      .locator(`a[href^="${prefix}/"]`)
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    id =
      hrefs
        .map((h) => new RegExp(`^${prefix}/([^/?#]+)`).exec(h ?? "")?.[1])
        .find(
          (s) => s && !["nieuw", "import", "importeren", "rondes", "routering", "afdrukken"].includes(s),
        ) ?? null;
    if (id) break;
  }
  cache.set(list, id);
  return id;
}

/** The template with its parameters filled from list pages; null when one cannot be found. */
async function resolve(
  page: Page,
  template: string,
  cache: Map<string, string | null>,
): Promise<string | null> {
  const parts = template.split("/");
  for (let i = 0; i < parts.length; i++) {
    if (!parts[i]?.startsWith(":")) continue;
    const id = await firstId(page, parts.slice(0, i).join("/"), cache);
    if (!id) return null;
    parts[i] = id;
  }
  return parts.join("/");
}

async function problemsAt(page: Page, width: number): Promise<{ visited: string[]; problems: string[] }> {
  await page.setViewportSize({ width, height: 800 });
  const cache = new Map<string, string | null>();
  const visited: string[] = [];
  const problems: string[] = [];
  for (const template of templates) {
    const url = await resolve(page, template, cache);
    if (!url) {
      if (!MAY_BE_EMPTY.has(template)) problems.push(`${template}: no demo item to open`);
      continue;
    }
    const errors: string[] = [];
    const onError = (error: Error) => errors.push(`${url} at ${width} px: page error ${error.message}`);
    page.on("pageerror", onError);
    const res = await page.goto(url);
    visited.push(url);
    if (!res || res.status() >= 400) {
      problems.push(`${url}: status ${res?.status()}`);
      continue;
    }
    await waitForHydration(page).catch(() => {});
    const scroll = await sidewaysScroll(page, url);
    if (scroll) problems.push(scroll);
    for (const v of await accessibilityViolations(page)) problems.push(`${url} at ${width} px: ${v}`);
    page.off("pageerror", onError);
    problems.push(...errors);
  }
  return { visited, problems };
}

describe("every page of the staff-access table", () => {
  test("as beheerder at 1024 px and at 320 px", async () => {
    const page = await newPage();
    // Page errors are collected per page below (with the address) instead of failing at once.
    page.removeAllListeners("pageerror");
    await loginAs(page, "beheerder");
    const wide = await problemsAt(page, 1024);
    const narrow = await problemsAt(page, 320);
    expect([...wide.problems, ...narrow.problems]).toEqual([]);
    // Nothing was skipped quietly: every template was visited or is a list that may be empty.
    expect(wide.visited.length).toBeGreaterThanOrEqual(templates.length - MAY_BE_EMPTY.size);
  }, 900_000);

  test("as a partner at 320 px: their start page, the agreement list and one agreement", async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 320, height: 720 });
    await page.goto("/beheer/inloggen");
    await page.getByLabel("E-mailadres").fill("elan@demo.wijmakenheemstede.nl");
    await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByRole("button", { name: "Uitloggen" }).waitFor();
    const problems: string[] = [];
    const cache = new Map<string, string | null>();
    for (const template of ["/beheer", "/beheer/prestatieafspraken", "/beheer/prestatieafspraken/:id"]) {
      const url = await resolve(page, template, cache);
      if (!url) {
        problems.push(`${template}: no agreement of this partner to open`);
        continue;
      }
      await page.goto(url);
      await waitForHydration(page).catch(() => {});
      const scroll = await sidewaysScroll(page, url);
      if (scroll) problems.push(scroll);
      for (const v of await accessibilityViolations(page)) problems.push(`${url}: ${v}`);
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
