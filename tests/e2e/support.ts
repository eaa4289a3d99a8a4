import { createRequire } from "node:module";
import { generate } from "otplib";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import postgres from "postgres";
import { afterAll, expect, inject } from "vitest";

const require = createRequire(import.meta.url);
const axeSource: string = require("axe-core").source;

export const baseUrl = inject("baseUrl");
const databaseUrl = inject("e2eDatabaseUrl");

export const DEMO_PASSWORD = "heemstede-demo-2026";
export { DEMO_TOTP_SECRET } from "../../db/seed/staff";

import { DEMO_TOTP_SECRET } from "../../db/seed/staff";
export const demoLogin = {
  beheerder: "beheerder@demo.wijmakenheemstede.nl",
  ambtenaar: "ambtenaar@demo.wijmakenheemstede.nl",
  onderzoeker: "onderzoeker@demo.wijmakenheemstede.nl",
  /** A corporatie (Elan Wonen) on the prestatieafspraken monitor. */
  partner: "elan@demo.wijmakenheemstede.nl",
  /** A huurdersorganisatie (the Bewonersraad) on the monitor. */
  huurdersorganisatie: "bewonersraad@demo.wijmakenheemstede.nl",
} as const;

let browser: Browser | undefined;
const contexts: BrowserContext[] = [];
const withoutJavaScript = new WeakSet<Page>();

/** Debian's Chromium, never a downloaded browser; flags as this machine needs them. */
export async function getBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return browser;
}

/** A fresh browser context (own cookies); with or without JavaScript. Only localhost is reachable. */
export async function newPage(options: { javaScript?: boolean } = {}): Promise<Page> {
  const context = await (await getBrowser()).newContext({
    baseURL: baseUrl,
    javaScriptEnabled: options.javaScript ?? true,
    locale: "nl-NL",
  });
  contexts.push(context);
  await context.route(/^https?:\/\/(?!localhost|127\.0\.0\.1)/, (route) => route.abort());
  const page = await context.newPage();
  if (options.javaScript === false) withoutJavaScript.add(page);
  page.on("pageerror", (error) => {
    throw new Error(`Page error: ${error.message}`);
  });
  return page;
}

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  browser = undefined;
  await sql?.end();
});

/**
 * Run axe-core with the WCAG 2.1 A and AA rules; the test fails on any violation. Axe needs
 * JavaScript (timers), so a page opened without it is checked as a copy: the same HTML, minus
 * scripts, served at the same URL in a page with JavaScript (stylesheets load as usual).
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  let target = page;
  if (withoutJavaScript.has(page)) {
    const url = page.url();
    const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
    target = await newPage({ javaScript: true });
    await target.route(
      (u) => u.href === url,
      (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
    );
    await target.goto(url);
  }
  // The CSP blocks an inline script tag; evaluating from the test is allowed.
  await target.addScriptTag({ content: axeSource }).catch(() => {});
  // biome-ignore lint/suspicious/noExplicitAny: axe is injected at run time
  if (!(await target.evaluate(() => !!(window as any).axe))) await target.evaluate(axeSource);
  const results = await target.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected at run time
    const axe = (window as any).axe;
    return axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
  });
  if (target !== page) await target.context().close();
  const violations = (
    results.violations as { id: string; help: string; nodes: { target: string[] }[] }[]
  ).map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  return violations;
}

/** Fails the test on any axe violation (see accessibilityViolations). */
export async function expectAccessible(page: Page) {
  const violations = await accessibilityViolations(page);
  expect(violations, `axe violations on ${page.url()}`).toEqual([]);
}

export async function loginAs(page: Page, role: keyof typeof demoLogin) {
  await page.goto("/beheer/inloggen");
  await page.getByLabel("E-mailadres").fill(demoLogin[role]);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  // The demo beheerder logs in with two-factor login (demo secret from the seed).
  if (role === "beheerder") {
    await page.getByLabel("Code").fill(await nextDemoCode(demoLogin[role]));
    await page.getByRole("button", { name: "Inloggen" }).click();
  }
  await page.getByRole("button", { name: "Uitloggen" }).waitFor();
}

/**
 * A TOTP code the server has not accepted yet: each code works once, so a second login within
 * the same 30 seconds uses the next period's code (the server allows one period of clock drift),
 * and waits when that one is used too.
 */
export async function nextDemoCode(email: string): Promise<string> {
  const [row] = await db()`select totp_last_step from staff_users where email = ${email}`;
  const last = (row?.totp_last_step as number | null) ?? 0;
  let epoch = Math.max(Math.floor(Date.now() / 1000), (last + 1) * 30);
  const wait = epoch - 30 - Math.floor(Date.now() / 1000);
  if (wait > 0) await new Promise((r) => setTimeout(r, (wait + 1) * 1000));
  epoch = Math.max(Math.floor(Date.now() / 1000), (last + 1) * 30);
  return generate({ secret: DEMO_TOTP_SECRET, epoch });
}

let sql: postgres.Sql | undefined;
/** Direct database access for assertions and for reading mails from the outbox. */
export function db(): postgres.Sql {
  sql ??= postgres(databaseUrl, { max: 2, onnotice: () => {} });
  return sql;
}

/** The newest outbox mail to this address (optionally of a kind), waiting briefly for it. */
/** The newest mail to `to` (of `kind`) in the outbox, waiting for it up to `timeoutMs`. */
export async function latestMail(to: string, kind?: string, timeoutMs = 5_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const rows = await db()`
      select * from outbox where "to" = ${to} ${kind ? db()`and kind = ${kind}` : db()``}
      order by id desc limit 1`;
    if (rows[0]) return rows[0] as { subject: string; text: string; kind: string };
    if (Date.now() > end) throw new Error(`no ${kind ?? ""} mail to ${to}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The first link in a mail's text that starts with the base URL. */
export function linkIn(text: string): string {
  const match = text.match(/https?:\/\/\S+/);
  if (!match) throw new Error("no link in mail");
  return match[0];
}

/** Wait until React has hydrated the page (set in app/root.tsx), before keyboard input. */
export async function waitForHydration(page: Page) {
  await page.waitForSelector('html[data-js="ready"]', { state: "attached" });
}

/**
 * WCAG 1.4.10 (reflow): null when the page does not scroll sideways, else a message naming the
 * page, the width and up to eight elements past the right edge (or whose content, a long word,
 * overflows them), so a failure says where to look. Tables inside .wmh-table-scroll may scroll.
 */
export async function sidewaysScroll(page: Page, where = page.url()): Promise<string | null> {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
  }));
  if (scroll <= width) return null;
  const culprits = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter(
        (el) =>
          (el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 ||
            (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === "visible")) &&
          !el.parentElement?.closest(".wmh-table-scroll"),
      )
      .slice(0, 8)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)})`,
      ),
  );
  return `${where}: ${scroll - width} px sideways scrolling at ${width} px; widest: ${culprits.join(", ")}`;
}

/** Fails the test when the page scrolls sideways (see sidewaysScroll). */
export async function expectNoSidewaysScroll(page: Page, where?: string) {
  const problem = await sidewaysScroll(page, where);
  expect(problem, problem ?? "").toBeNull();
}
