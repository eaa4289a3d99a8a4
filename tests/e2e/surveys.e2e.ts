import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import {
  expectAccessible as axeCheck,
  db,
  getBrowser,
  latestMail,
  linkIn,
  loginAs,
  newPage,
  waitForHydration,
} from "./support";

const withoutJs = new WeakSet<Page>();

async function openPage(javaScript = true): Promise<Page> {
  const page = await newPage({ javaScript });
  if (!javaScript) withoutJs.add(page);
  return page;
}

/**
 * axe needs JavaScript, so a page seen without JavaScript is checked as a copy: the same HTML
 * (scripts removed), served at the same URL in a page with JavaScript, so its CSS loads as well.
 */
async function expectAccessible(page: Page) {
  if (!withoutJs.has(page)) return axeCheck(page);
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const url = page.url();
  const probe = await newPage();
  await probe.route(
    (u) => u.href === url,
    (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
  );
  await probe.goto(url);
  await axeCheck(probe);
  await probe.close();
}

interface Target {
  name?: string;
  value?: string;
  text?: string | RegExp;
}

/** Press Tab until the focused element matches; fails after too many presses. */
async function tabTo(page: Page, target: Target) {
  for (let i = 0; i < 250; i++) {
    await page.keyboard.press("Tab");
    const active = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return {
        name: el?.getAttribute("name") ?? "",
        value: el?.value ?? "",
        text: el?.getAttribute("aria-label") ?? el?.textContent ?? "",
      };
    });
    const nameOk = target.name === undefined || active.name === target.name;
    const valueOk = target.value === undefined || active.value === target.value;
    const textOk =
      target.text === undefined ||
      (typeof target.text === "string" ? active.text.trim() === target.text : target.text.test(active.text));
    if (nameOk && valueOk && textOk) return;
  }
  throw new Error(`could not reach ${JSON.stringify(target)} with Tab`);
}

async function type(page: Page, name: string, text: string) {
  await tabTo(page, { name });
  await page.keyboard.type(text);
}

/** Tab into a radio group and move with the arrow keys until `value` is checked. */
async function chooseRadio(page: Page, name: string, value: string) {
  await tabTo(page, { name });
  for (let i = 0; i < 12; i++) {
    const checked = await page.evaluate(
      (n) => (document.querySelector(`input[name="${n}"]:checked`) as HTMLInputElement | null)?.value,
      name,
    );
    if (checked === value) return;
    const focused = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
    await page.keyboard.press(focused === value ? "Space" : "ArrowDown");
  }
  throw new Error(`could not choose ${value} in ${name}`);
}

async function check(page: Page, name: string, value: string) {
  await tabTo(page, { name, value });
  await page.keyboard.press("Space");
}

async function press(page: Page, text: string | RegExp) {
  const before = page.url();
  await tabTo(page, { text });
  await page.keyboard.press("Enter");
  return before;
}

async function heading(page: Page): Promise<string> {
  return (await page.locator("h1").first().textContent()) ?? "";
}

/** Start the Woonvisie survey and go on to its second woon-DNA page, the one before "Over u". */
async function toSecondWoonDnaPage(page: Page) {
  await page.goto("/enquete/woonvisie");
  await page.getByRole("button", { name: "Start de vragenlijst" }).click();
  await page.getByRole("heading", { level: 1, name: "Woon-DNA: nieuwe woningen in Heemstede" }).waitFor();
  await page.getByRole("button", { name: "Volgende" }).click();
  await page.getByRole("heading", { level: 1, name: "Woon-DNA: wie wonen er in Heemstede?" }).waitFor();
}

async function nextPage(page: Page, expected: string | RegExp, button: string | RegExp = /^Volgende$/) {
  await press(page, button);
  await page.waitForFunction(
    (exp) => {
      const h = document.querySelector("h1")?.textContent ?? "";
      return exp.startsWith("/") ? new RegExp(exp.slice(1, -1)).test(h) : h === exp;
    },
    expected instanceof RegExp ? expected.toString() : expected,
  );
  await expectAccessible(page);
}

async function answerWoonvisie(page: Page, javaScript: boolean) {
  await page.goto("/enquete/woonvisie");
  expect(await heading(page)).toBe("Woonvisie Heemstede");
  expect(await page.getByText(/duurt ongeveer 12 minuten/).count()).toBe(1);
  await expectAccessible(page);
  await nextPage(page, "Woon-DNA: nieuwe woningen in Heemstede", "Start de vragenlijst");
  // The woon-DNA figures are there as a table too; example figures say so.
  expect(await page.getByRole("table").count()).toBeGreaterThan(0);
  await nextPage(page, "Woon-DNA: wie wonen er in Heemstede?");
  expect(await page.getByText("Voorbeeldcijfers").count()).toBeGreaterThan(0);
  await nextPage(page, "Over u");

  // A missing answer gets a message at the question; the typed answer stays.
  await type(page, "v_geboortejaar", "1970");
  await press(page, /^Volgende$/);
  await page.getByRole("heading", { name: /fouten gevonden/ }).waitFor();
  expect(await page.locator("#vraag-postcode-fout").textContent()).toContain("Beantwoord deze vraag.");
  expect(await page.locator('input[name="v_geboortejaar"]').inputValue()).toBe("1970");
  await expectAccessible(page);

  await type(page, "v_postcode", "2101 AB");
  await chooseRadio(page, "v_woonsituatie", "koop");
  await chooseRadio(page, "v_huishouden", "gezin");
  await type(page, "v_jaren-heemstede", "20");
  await nextPage(page, "Wat vindt u het belangrijkst?");

  if (javaScript) {
    // Ranking with the Hoger/Lager buttons: groen (5th) up to 1st, zorg (6th) to 2nd.
    for (let i = 0; i < 4; i++) {
      await tabTo(page, { text: /^Hoger: Groen in de wijk$/ });
      await page.keyboard.press("Enter");
    }
    for (let i = 0; i < 4; i++) {
      await tabTo(page, { text: /^Hoger: Wonen met zorg$/ });
      await page.keyboard.press("Enter");
    }
    expect(await page.locator('input[name="v_prioriteiten__groen"]').inputValue()).toBe("1");
    expect(await page.locator('input[name="v_prioriteiten__zorg"]').inputValue()).toBe("2");
  } else {
    await type(page, "v_prioriteiten__groen", "1");
    await type(page, "v_prioriteiten__zorg", "2");
    await type(page, "v_prioriteiten__betaalbaarheid", "3");
  }
  await check(page, "v_doelgroepen", "starters");
  await check(page, "v_doelgroepen", "senioren");
  await nextPage(page, "Thema 1: Passend wonen voor iedereen");

  await chooseRadio(page, "v_stelling-sociale-huur", "4");
  await chooseRadio(page, "v_verhuizen", "ja-binnen");
  await type(page, "v_open-passend", "Meer kleine woningen voor ouderen.");
  await nextPage(page, "Ruimte voor nieuwe woningen");

  // Shown because of the answer "Ja, binnen Heemstede".
  await chooseRadio(page, "v_gezochte-woning", "gelijkvloers");
  await type(page, "v_ruimte-nieuwe-woningen__adres", "Binnenweg 10");
  await type(page, "v_ruimte-nieuwe-woningen__opmerking", "Boven de winkels");
  // Back and next keep the answers.
  await nextPage(page, "Thema 1: Passend wonen voor iedereen", /^Vorige$/);
  expect(await page.locator('input[name="v_verhuizen"]:checked').inputValue()).toBe("ja-binnen");
  await nextPage(page, "Ruimte voor nieuwe woningen");
  expect(await page.locator('input[name="v_ruimte-nieuwe-woningen__adres"]').inputValue()).toBe(
    "Binnenweg 10",
  );
  await nextPage(page, "Thema 2: Zorgen voor elkaar");
  await nextPage(page, "Thema 3: Leefbare en inclusieve wijken");

  await chooseRadio(page, "v_cijfer-buurt", "8");
  await chooseRadio(page, "v_tevredenheid-buurt__groen", "tevreden");
  await nextPage(page, "Thema 4: Duurzaam en toekomstbestendig wonen");
  await check(page, "v_maatregelen", "zonnepanelen");
  await nextPage(page, "Thema 5: Samenwerking");
  await type(page, "v_open-samenwerking", "<b>Vaker</b> een bewonersavond");
  await nextPage(page, "Dank u wel!", /^Versturen$/);
  // The thank-you page offers the digipanel, with the background answers just given or without them.
  expect(await page.getByRole("link", { name: "Aanmelden met mijn antwoorden" }).getAttribute("href")).toBe(
    "/digipanel?hergebruik=ja#aanmelden",
  );
  expect(
    await page.getByRole("link", { name: "Aanmelden zonder mijn antwoorden" }).getAttribute("href"),
  ).toBe("/digipanel#aanmelden");
}

describe("the Woonvisie survey by keyboard only", () => {
  test.each([
    ["with JavaScript", true],
    ["without JavaScript", false],
  ])(
    "%s",
    async (_name, javaScript) => {
      const before = await db()`select count(*)::int as n from responses where status = 'submitted'`;
      const page = await openPage(javaScript);
      await answerWoonvisie(page, javaScript);
      const after = await db()`select count(*)::int as n from responses where status = 'submitted'`;
      expect(after[0]!.n).toBe(before[0]!.n + 1);
      // Text is stored as typed and rendered escaped elsewhere.
      const [open] =
        await db()`select value_text from answers where question_key = 'open-samenwerking' order by id desc limit 1`;
      expect(open!.value_text).toBe("<b>Vaker</b> een bewonersavond");
    },
    180_000,
  );
});

describe("question types load per page (question-types/page.tsx)", () => {
  test("a reloaded question page hydrates its lazily loaded types and checks answers in the browser", async () => {
    const page = await newPage();
    const consoleErrors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    const modules: string[] = [];
    page.on("response", (r) => {
      const name = r.url().match(/\/assets\/([a-z-]+)-[\w-]+\.js$/)?.[1];
      if (name) modules.push(name);
    });
    await toSecondWoonDnaPage(page);
    expect(modules).not.toContain("number");
    // A move to the next page loads its types first (the clientLoader): the questions are there at once.
    await page.getByRole("button", { name: "Volgende" }).click();
    await page.getByRole("heading", { level: 1, name: "Over u" }).waitFor();
    expect(modules).toEqual(expect.arrayContaining(["number", "postcode", "single"]));
    expect(await page.getByLabel("Wat is uw geboortejaar?").count()).toBe(1);

    // A reload renders the questions on the server; hydration waits for their modules.
    modules.length = 0;
    await page.reload();
    await waitForHydration(page);
    await page.waitForLoadState("networkidle");
    expect(modules).toEqual(expect.arrayContaining(["number", "postcode", "single"]));
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST") posts.push(r.url());
    });
    await page.getByRole("button", { name: "Volgende" }).click();
    await page.getByRole("heading", { name: /fouten gevonden/ }).waitFor();
    expect(await page.locator("#vraag-postcode-fout").textContent()).toContain("Beantwoord deze vraag.");
    expect(posts, "the browser checks the page before sending it").toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test("a question type's module that cannot be fetched once (a new release): the page loads afresh and works", async () => {
    const page = await newPage();
    let refused = 0;
    await page.route(/\/assets\/number-[\w-]+\.js$/, (route) => {
      if (refused++ === 0) return route.abort();
      return route.continue();
    });
    let documents = 0;
    page.on("request", (r) => {
      if (r.resourceType() === "document") documents++;
    });
    await toSecondWoonDnaPage(page);
    const before = documents;
    await page.getByRole("button", { name: "Volgende" }).click();
    await page.getByRole("heading", { level: 1, name: "Over u" }).waitFor();
    await waitForHydration(page);
    await page.getByLabel("Wat is uw geboortejaar?").fill("1970");
    expect(refused, "the module was refused once, then fetched").toBeGreaterThanOrEqual(2);
    expect(documents, "one fresh page load").toBe(before + 1);
    expect(await page.getByRole("heading", { name: /Er ging iets mis/ }).count()).toBe(0);
  });
});

describe("resume", () => {
  test("after closing the browser, and on another device with a mailed link", async () => {
    const browser = await getBrowser();
    const page = await newPage();
    await toSecondWoonDnaPage(page);
    await page.getByRole("button", { name: "Volgende" }).click();
    await page.getByRole("heading", { level: 1, name: "Over u" }).waitFor();
    await page.getByLabel("Wat is uw geboortejaar?").fill("1988");
    await page.getByRole("button", { name: "Later verder gaan" }).click();
    await page.getByRole("heading", { level: 1, name: "Uw antwoorden zijn bewaard" }).waitFor();
    await expectAccessible(page);

    // Closing and reopening the browser: the cookie survives, the survey continues on "Over u".
    const state = await page.context().storageState();
    await page.context().close();
    const reopened = await (
      await browser.newContext({ baseURL: new URL(page.url()).origin, storageState: state })
    ).newPage();
    await reopened.goto("/enquete/woonvisie");
    expect(await heading(reopened)).toBe("Over u");
    expect(await reopened.getByLabel("Wat is uw geboortejaar?").inputValue()).toBe("1988");

    // A link by e-mail, opened in a fresh browser (another device).
    await reopened.getByRole("button", { name: "Later verder gaan" }).click();
    await reopened.getByLabel("Uw e-mailadres").fill("later@example.nl");
    await reopened.getByRole("button", { name: "Stuur mij de link" }).click();
    await reopened.getByText(/Wij hebben u een e-mail gestuurd/).waitFor();
    const mail = await latestMail("later@example.nl", "survey.resume-link");
    const other = await openPage(false);
    await other.goto(linkIn(mail.text));
    expect(await heading(other)).toBe("Over u");
    expect(await other.getByLabel("Wat is uw geboortejaar?").inputValue()).toBe("1988");
    await expectAccessible(other);
    await reopened.context().close();
  });
});

describe("the survey builder", () => {
  test("creates, previews and publishes a survey", async () => {
    const page = await newPage();
    await loginAs(page, "onderzoeker");
    await page.goto("/beheer/enquetes");
    await expectAccessible(page);
    await page.getByLabel("Titel").fill("Parkeren in het centrum");
    await page.getByLabel("Webadres").fill("parkeren-centrum");
    await page.getByLabel("Wie kan meedoen?").selectOption("anonymous");
    await page.getByRole("button", { name: "Enquête aanmaken" }).click();
    await page.getByRole("heading", { level: 1, name: "Parkeren in het centrum" }).waitFor();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Vraag toevoegen aan Vragen" }).click();
    await page.getByLabel("Wat voor vraag wilt u toevoegen?").selectOption("grade");
    await page.getByRole("button", { name: "Verder" }).click();
    await page.getByLabel("Vraag", { exact: true }).fill("Welk cijfer geeft u het parkeren in het centrum?");
    await page.getByLabel("Verplichte vraag").check();
    await page.getByLabel("Thema van de Woonvisie").selectOption("3");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Vraag opslaan" }).click();
    await page.getByText("De vraag is opgeslagen.").waitFor();

    await page.getByRole("link", { name: "Voorbeeld bekijken" }).click();
    await page.getByRole("link", { name: "Volgende pagina" }).click();
    await page.getByText("Welk cijfer geeft u het parkeren in het centrum?").waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Terug naar de editor" }).click();

    await page.getByRole("button", { name: "Versie 1 publiceren" }).click();
    await page.getByText("Versie 1 is gepubliceerd.").waitFor();
    await expectAccessible(page);

    const resident = await openPage(false);
    await resident.goto("/enquete/parkeren-centrum");
    expect(await heading(resident)).toBe("Parkeren in het centrum");
    expect(await resident.getByText(/Deze vragenlijst is anoniem/).count()).toBe(1);
    await expectAccessible(resident);
  });
});

test("/meedenken lists the Woonvisie project and its survey", async () => {
  const page = await openPage(false);
  await page.goto("/meedenken");
  await page.getByRole("heading", { name: "Woonvisie Heemstede" }).waitFor();
  expect(await page.getByRole("link", { name: /Vul de vragenlijst in: Woonvisie Heemstede/ }).count()).toBe(
    1,
  );
  await expectAccessible(page);
  const unknown = await openPage(false);
  const response = await unknown.goto("/enquete/bestaat-niet");
  expect(response?.status()).toBe(404);
  await expectAccessible(unknown);
});
