import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectAccessible, loginAs, newPage, sidewaysScroll, waitForHydration } from "./support";

// WCAG 1.4.10 (reflow) over the whole site: every public page and every quickscan step at 320 CSS
// pixels, every staff page at 1024 (logged in as the demo beheerder, with two-factor login). Each
// page fails on sideways scrolling or an axe violation; all problems are collected and reported at
// once. Every page of the Woonvisie survey is walked in survey-reflow.e2e.ts the same way.

const PUBLIC = [
  "/",
  "/idee",
  "/idee/volgen",
  "/initiatieven",
  "/meedenken",
  "/enquete/woonvisie",
  "/digipanel",
  "/contact",
  "/privacy",
  "/toegankelijkheid",
  "/actueel",
  "/bijeenkomsten",
  "/prestatieafspraken",
  "/blijf-op-de-hoogte",
];
/** List pages whose first detail link is checked too. */
const DETAILS: [string, string][] = [
  ["/initiatieven", 'a[href^="/initiatieven/"]'],
  ["/actueel", 'a[href^="/actueel/"]'],
  ["/meedenken", 'a[href^="/meedenken/"]'],
  ["/bijeenkomsten", 'a[href^="/bijeenkomsten/"]'],
  // The print version is the first link on the overview; the first agreement's own page is checked too.
  ["/prestatieafspraken", 'a[href^="/prestatieafspraken/"]'],
  ["/prestatieafspraken", '.wmh-agreement-list a[href^="/prestatieafspraken/"]'],
];
const STAFF = [
  "/beheer",
  "/beheer/initiatieven",
  "/beheer/initiatieven/routering",
  "/beheer/kaart",
  "/beheer/enquetes",
  "/beheer/resultaten",
  "/beheer/woonvisie-input",
  "/beheer/digipanel",
  "/beheer/digipanel/bevolking",
  "/beheer/projecten",
  "/beheer/nieuws",
  "/beheer/bijeenkomsten",
  "/beheer/volgers",
  "/beheer/prestatieafspraken",
  "/beheer/prestatieafspraken/rondes",
  "/beheer/wijken",
  "/beheer/gebruikers",
  "/beheer/audit",
  "/beheer/uitgaande-mail",
  "/beheer/contact",
  "/beheer/privacy",
  "/beheer/tweestapsverificatie",
];

async function problemsOn(page: Page, where: string): Promise<string[]> {
  const found: string[] = [];
  await waitForHydration(page).catch(() => {});
  const scroll = await sidewaysScroll(page, where);
  if (scroll) found.push(scroll);
  try {
    await expectAccessible(page);
  } catch (error) {
    found.push(`${where}: ${(error as Error).message.split("\n").slice(0, 6).join(" ")}`);
  }
  return found;
}

async function visit(page: Page, url: string): Promise<string[]> {
  const res = await page.goto(url);
  if (!res || res.status() >= 400) return [`${url}: status ${res?.status()}`];
  return problemsOn(page, url);
}

async function firstLink(page: Page, list: string, selector: string): Promise<string | null> {
  await page.goto(list);
  const href = await page
    .locator(selector)
    .first()
    .getAttribute("href")
    .catch(() => null);
  return href && href !== list ? href : null;
}

describe("reflow and axe on every page", () => {
  test("public pages at 320 px", async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 320, height: 720 });
    const problems: string[] = [];
    for (const url of PUBLIC) problems.push(...(await visit(page, url)));
    for (const [list, selector] of DETAILS) {
      const href = await firstLink(page, list, selector);
      if (href) problems.push(...(await visit(page, href)));
    }
    expect(problems).toEqual([]);
  }, 600_000);

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

  test("staff pages at 1024 px", async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 1024, height: 768 });
    await loginAs(page, "beheerder");
    const problems: string[] = [];
    for (const url of STAFF) problems.push(...(await visit(page, url)));
    const detail = await firstLink(
      page,
      "/beheer/initiatieven",
      'a[href^="/beheer/initiatieven/"][href*="-"]',
    );
    if (detail) {
      problems.push(...(await visit(page, detail)));
      problems.push(...(await visit(page, `${detail}/proceskader`)));
    }
    for (const [list, selector] of [
      ["/beheer/enquetes", 'a[href^="/beheer/enquetes/"]'],
      ["/beheer/projecten", 'a[href^="/beheer/projecten/"]'],
      ["/beheer/nieuws", 'a[href^="/beheer/nieuws/"]'],
    ] as const) {
      const href = await firstLink(page, list, selector);
      if (href) problems.push(...(await visit(page, href)));
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
