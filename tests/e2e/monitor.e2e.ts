import fs from "node:fs";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { db, demoLogin, expectAccessible, expectNoSidewaysScroll, loginAs, newPage } from "./support";

// The prestatieafspraken monitor as its users meet it (issue 13): a corporatie partner updates two
// agreements in the open demo round, a huurdersorganisatie reacts, an ambtenaar confirms one update, sends
// the other back and finds an agreement through the list "Alle afspraken", and a resident reads the public
// overview by keyboard at 320 px and 1280 px.
// Every page passes axe; no page scrolls sideways. Screenshots go to MONITOR_SHOTS (default /tmp).

const shots = process.env.MONITOR_SHOTS ?? "/tmp/monitor-e2e";
fs.mkdirSync(shots, { recursive: true });

async function check(page: Page, name: string) {
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
}

/** Press Tab until the focused element's accessible text matches; fails after `max` presses. */
async function tabTo(page: Page, match: RegExp, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const text = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return "";
      const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
      return (label ?? el.getAttribute("aria-label") ?? el.textContent ?? "").trim();
    });
    if (match.test(text)) return;
  }
  throw new Error(`no focusable element matching ${match} on ${page.url()}`);
}

async function agreementId(number: string) {
  const [row] = await db()`select id from monitor_agreements where number = ${number} and first_year = 2024`;
  return row!.id as number;
}

test("partners update and react, the gemeente confirms and sends back, a resident reads it by keyboard", async () => {
  const k14 = await agreementId("K 1.4");
  const k16 = await agreementId("K 1.6");

  // 1. A corporatie partner (Elan Wonen) updates two agreements in the open round.
  const elan = await newPage();
  await elan.setViewportSize({ width: 1280, height: 900 });
  await loginAs(elan, "partner");
  await elan.goto("/beheer/prestatieafspraken");
  await elan.getByText("U werkt namens").waitFor();
  await check(elan, "01-partner-start-1280");
  for (const [id, stoplicht, text] of [
    [k14, /^Groen/, "Twee projecten met kleine appartementen zijn gestart."],
    [k16, /^Geel/, "De regeling voor woningruil loopt nog niet; overleg in het voorjaar."],
  ] as const) {
    await elan.goto(`/beheer/prestatieafspraken/${id}`);
    // Without a choice and explanation: messages at the fields, nothing stored.
    await elan.getByRole("button", { name: "Update opslaan" }).click();
    await elan.getByText("Schrijf een toelichting bij het stoplicht.").first().waitFor();
    await check(elan, `02-partner-errors-${id}`);
    await elan.getByLabel(stoplicht).check();
    await elan.getByLabel("Toelichting").fill(text);
    await elan.getByRole("button", { name: "Update opslaan" }).click();
    await elan.getByText("Uw update is opgeslagen.").waitFor();
  }
  await check(elan, "03-partner-saved-1280");
  await elan.setViewportSize({ width: 320, height: 800 });
  await check(elan, "03-partner-saved-320");

  // 2. A huurdersorganisatie reacts to one of them.
  const raad = await newPage();
  await raad.setViewportSize({ width: 320, height: 800 });
  await loginAs(raad, "huurdersorganisatie");
  await raad.goto(`/beheer/prestatieafspraken/${k14}`);
  await raad.getByLabel("Uw reactie").fill("Goed nieuws; wij vragen aandacht voor betaalbare huur.");
  await raad.getByRole("button", { name: "Reactie opslaan" }).click();
  await raad.getByText("Uw reactie is opgeslagen").waitFor();
  await check(raad, "04-huurders-reactie-320");

  // 3. An ambtenaar confirms one update and sends the other back with a note.
  const gemeente = await newPage();
  await gemeente.setViewportSize({ width: 1280, height: 900 });
  await loginAs(gemeente, "ambtenaar");
  await gemeente.goto("/beheer/prestatieafspraken");
  await check(gemeente, "05-gemeente-start-1280");
  await gemeente.goto(`/beheer/prestatieafspraken/${k14}`);
  await gemeente.getByRole("button", { name: /^Bevestigen/ }).click();
  await gemeente.getByText("De update is bevestigd").waitFor();
  await check(gemeente, "06-gemeente-bevestigd-1280");
  await gemeente.goto(`/beheer/prestatieafspraken/${k16}`);
  await gemeente.getByRole("button", { name: /^Terugsturen/ }).click();
  await gemeente.getByText("Schrijf waarom u de update terugstuurt.").first().waitFor();
  await check(gemeente, "07-gemeente-terugsturen-fout-1280");
  await gemeente
    .getByLabel("Waarom stuurt u de update van Elan Wonen terug?")
    .fill("Graag het aantal geruilde woningen noemen.");
  await gemeente.getByRole("button", { name: /^Terugsturen/ }).click();
  await gemeente.getByText("De update is teruggestuurd").waitFor();
  await gemeente.setViewportSize({ width: 320, height: 800 });
  await check(gemeente, "08-gemeente-teruggestuurd-320");
  const [mail] =
    await db()`select text from outbox where "to" = ${demoLogin.partner} and kind = 'monitor.sent_back'`;
  expect(mail!.text).toContain("Graag het aantal geruilde woningen noemen.");

  // 3b. The gemeente finds an agreement without a waiting update through "Alle afspraken": filters in a GET
  // form without JavaScript, at 320 px, then opens the agreement.
  const lijst = await newPage({ javaScript: false });
  await lijst.setViewportSize({ width: 320, height: 800 });
  await loginAs(lijst, "ambtenaar");
  await lijst.goto("/beheer/prestatieafspraken");
  await lijst.getByRole("heading", { name: "Alle afspraken" }).waitFor();
  await lijst.getByLabel("Thema", { exact: true }).selectOption("1");
  await lijst.getByLabel("Organisatie (trekker of partij)").selectOption("elan-wonen");
  await lijst.getByLabel("Stoplicht", { exact: true }).selectOption("groen");
  await lijst.getByRole("button", { name: "Toon afspraken" }).click();
  await lijst.waitForURL(/organisatie=elan-wonen/);
  await check(lijst, "08b-gemeente-alle-afspraken-320");
  const row = lijst.locator(".wmh-agreement-list li", {
    has: lijst.getByRole("link", { name: /^K 1\.4: / }),
  });
  expect(await row.getByText("Er wacht een update op bevestiging").count()).toBe(0);
  await row.getByRole("link", { name: /^K 1\.4: / }).click();
  await lijst.waitForURL(new RegExp(`/beheer/prestatieafspraken/${k14}$`));
  await lijst.getByRole("heading", { level: 1, name: /^K 1\.4: / }).waitFor();
  await check(lijst, "08c-gemeente-afspraak-320");
  await lijst.context().close();

  // 4. A resident reads the public overview by keyboard, at 320 px and at 1280 px.
  for (const width of [320, 1280]) {
    const resident = await newPage();
    await resident.setViewportSize({ width, height: width === 320 ? 800 : 900 });
    await resident.goto("/prestatieafspraken");
    await resident.getByRole("heading", { level: 1 }).waitFor();
    await check(resident, `09-overzicht-${width}`);
    // Theme 1 with the keyboard: focus the select, choose, then the submit button.
    await tabTo(resident, /^Thema/);
    await resident.keyboard.press("ArrowDown");
    await tabTo(resident, /^Toon afspraken$/);
    await resident.keyboard.press("Enter");
    await resident.waitForURL(/thema=1/);
    await check(resident, `10-overzicht-thema-${width}`);
    await tabTo(resident, /^K 1\.4: /, 200);
    await resident.keyboard.press("Enter");
    await resident.waitForURL(new RegExp(`/prestatieafspraken/${k14}$`));
    const main = resident.locator("main");
    await main.getByText("Twee projecten met kleine appartementen zijn gestart.").waitFor();
    await main.getByText("Goed nieuws; wij vragen aandacht voor betaalbare huur.").waitFor();
    await check(resident, `11-afspraak-${width}`);
    // The sent-back update is not public.
    await resident.goto(`/prestatieafspraken/${k16}`);
    expect(await main.getByText("De regeling voor woningruil loopt nog niet").count()).toBe(0);
    await resident.context().close();
  }
}, 300_000);
