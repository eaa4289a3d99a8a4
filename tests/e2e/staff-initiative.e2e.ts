import type { Page } from "playwright-core";
import sharp from "sharp";
import { expect, test } from "vitest";
import {
  db,
  expectAccessible,
  expectNoSidewaysScroll,
  latestMail,
  linkIn,
  loginAs,
  newPage,
  waitForHydration,
} from "./support";

// Issue #17 points 1, 2 and 5 as journeys: a resident sends an idea with a photo and follows it;
// a civil servant handles it on the staff initiative page (triage panel beside the content).
// Every page: axe at zero WCAG 2.1 AA violations and no sideways scrolling.

async function check(page: Page, where: string) {
  await expectNoSidewaysScroll(page, where);
  await expectAccessible(page);
}

async function next(page: Page) {
  await page.getByRole("button", { name: /^(Volgende|Verstuur mijn idee)$/ }).click();
  await page.waitForLoadState("load");
}

const TITLE = "Geveltuintjes in de Binnenweg";
const EMAIL = "geveltuin@example.nl";

test("a resident sends an idea with a photo; a wrong file type is refused at the field", async () => {
  const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#3a7a3a" } })
    .png()
    .toBuffer();
  const page = await newPage();
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto("/idee/nieuw");
  await waitForHydration(page);
  await page.getByLabel("Titel van uw idee").fill(TITLE);
  await page.getByLabel("Beschrijf uw idee").fill("Smalle tuintjes tegen de gevels, samen met de buren.");
  await page.getByLabel("Groen en natuur").check();
  await page.getByLabel("Wat staat er op de foto of schets?").fill("Een kale gevel in de Binnenweg");

  // First a text file: the Dutch message at the field, everything else kept.
  await page
    .getByLabel(/^Foto of schets/)
    .setInputFiles({ name: "notities.txt", mimeType: "text/plain", buffer: Buffer.from("geen foto") });
  await next(page);
  await page.getByRole("heading", { name: /fout(en)? gevonden/ }).waitFor();
  const message = "Dit bestand is geen JPG-, PNG- of WebP-afbeelding. Kies een ander bestand.";
  expect(await page.locator("#foutmeldingen").getByText(message).count()).toBeGreaterThan(0);
  const field = page.getByLabel(/^Foto of schets/);
  const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
  const fieldMessages = await Promise.all(
    describedBy
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  expect(fieldMessages.join(" ")).toContain(message);
  expect(await page.getByLabel("Titel van uw idee").inputValue()).toBe(TITLE);
  expect(await page.getByLabel("Wat staat er op de foto of schets?").inputValue()).toBe(
    "Een kale gevel in de Binnenweg",
  );
  expect(await page.getByLabel("Groen en natuur").isChecked()).toBe(true);
  await check(page, "quickscan step 1 with a wrong file");

  // Then the photo: it is kept and shown on the next visit of step 1.
  await page.getByLabel(/^Foto of schets/).setInputFiles({
    name: "gevel.png",
    mimeType: "image/png",
    buffer: photo,
  });
  await next(page);
  await page.getByRole("heading", { level: 1, name: "Waar is uw idee?" }).waitFor();
  await page.getByLabel("In heel Heemstede").check();
  await next(page);
  await page.getByRole("heading", { level: 1, name: "Wie doen er mee?" }).waitFor();
  await page.locator('[name="partyCount"]').first().check();
  await next(page);
  for (const n of ["impact", "interests", "otherPlans"]) await page.locator(`[name="${n}"]`).first().check();
  await next(page);
  for (const n of ["publicSpace", "permit", "policy"]) await page.locator(`[name="${n}"]`).first().check();
  await next(page);
  await page.locator('[name="timing"]').first().check();
  await next(page);
  await page.getByLabel("Uw naam").fill("Sanne de Vries");
  await page.getByLabel("Uw e-mailadres").fill(EMAIL);
  await page.getByLabel(/contact met mij opneemt/).check();
  await next(page);
  await page.getByRole("heading", { level: 1, name: "Controleer uw antwoorden" }).waitFor();
  await check(page, "the check page");
  await next(page);
  await page.getByText("Uw idee is verstuurd.").waitFor();
  await check(page, "the result page");

  // The follow page (link from the mail) shows the photo with its description.
  await page.goto(linkIn((await latestMail(EMAIL, "initiative.submitted")).text));
  await page.getByRole("heading", { level: 2, name: "Uw foto of schets" }).waitFor();
  const img = page.getByRole("img", { name: "Een kale gevel in de Binnenweg" });
  expect(await img.count()).toBe(1);
  // The image may load lazily: bring it into view and wait until the browser has decoded it.
  await img.scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0,
    await img.elementHandle(),
    { timeout: 10_000 },
  );
  const src = (await img.evaluate((el) => (el as HTMLImageElement).currentSrc)) ?? "";
  const response = await page.request.get(src);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^image\//);
  await check(page, "the follow page with a photo");
}, 180_000);

test("the follow page: status and next step on top, the contact person, messages newest first", async () => {
  const page = await newPage();
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(linkIn((await latestMail(EMAIL, "initiative.submitted")).text));
  const followUrl = page.url();
  await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();

  // The order of the sections: status first, then contact, then messages.
  const h2s = (await page.locator("main h2").allTextContents()).map((t) => t.trim());
  expect(h2s.slice(0, 3)).toEqual(["Waar staat uw idee?", "Uw contactpersoon", "Berichten"]);
  await page.getByText(/^Status: Nieuw\./).waitFor();
  expect(await page.locator('.wmh-stepper [aria-current="step"]').count()).toBe(1);
  expect(await page.locator(".wmh-stepper").getByText("U bent hier").count()).toBe(1);
  await page.getByText("Volgende stap:").waitFor();
  const contact = page.locator(".wmh-contact");
  expect(await contact.locator('a[href^="mailto:"]').count()).toBe(1);
  expect(await contact.locator('a[href^="tel:"]').count()).toBe(1);
  expect(((await contact.locator("dd").first().textContent()) ?? "").trim().length).toBeGreaterThan(0);

  // Two messages: the box is empty after each, the newest is on top.
  for (const body of ["Eerste vraag: mag het ook aan de zijkant?", "Tweede vraag: wie betaalt de tegels?"]) {
    await page.getByLabel("Stuur een bericht aan uw contactpersoon").fill(body);
    await page.getByRole("button", { name: "Verstuur bericht" }).click();
    await page.locator(".wmh-message").getByText(body).waitFor();
    expect(await page.getByLabel("Stuur een bericht aan uw contactpersoon").inputValue()).toBe("");
  }
  const messages = await page.locator(".wmh-message").allTextContents();
  expect(messages[0]).toContain("Tweede vraag");
  expect(messages[1]).toContain("Eerste vraag");
  await check(page, "the follow page with messages");

  // The civil servant's answer comes on top too.
  const staff = await newPage();
  await staff.setViewportSize({ width: 1280, height: 900 });
  await loginAs(staff, "ambtenaar");
  await staff.goto("/beheer/initiatieven?q=geveltuintjes");
  await staff.getByRole("link", { name: TITLE }).click();
  await staff.getByRole("heading", { level: 1, name: TITLE }).waitFor();
  await staff.getByLabel("Bericht aan de initiatiefnemer").fill("De tegels betaalt de gemeente.");
  await staff.getByRole("button", { name: "Verstuur bericht" }).click();
  await staff.getByText("Het bericht is verstuurd naar de initiatiefnemer.").waitFor();
  await page.goto(followUrl);
  expect(await page.locator(".wmh-message").first().textContent()).toContain(
    "De tegels betaalt de gemeente.",
  );
}, 180_000);

test("a civil servant handles the idea on the staff initiative page", async () => {
  const staff = await newPage();
  await staff.setViewportSize({ width: 1280, height: 900 });
  await loginAs(staff, "ambtenaar");
  await staff.goto("/beheer/initiatieven?q=geveltuintjes");
  await staff.getByRole("link", { name: TITLE }).click();
  await staff.getByRole("heading", { level: 1, name: TITLE }).waitFor();
  await waitForHydration(staff);
  await check(staff, "the staff initiative page at 1280 px");

  // The triage panel stands beside the content (to its right), not below it.
  const content = await staff.locator(".wmh-triage__content").boundingBox();
  const panel = await staff.getByRole("region", { name: "Behandelen" }).boundingBox();
  expect(content && panel).toBeTruthy();
  expect(panel!.x).toBeGreaterThanOrEqual(content!.x + content!.width - 1);
  expect(panel!.y).toBeLessThan(content!.y + 200);
  // The resident chose "in heel Heemstede" (no point); with a point on the map the page shows a small map.
  await db()`update initiatives set lat = 52.3531, lng = 4.6208 where title = ${TITLE}`;
  await staff.reload();
  await waitForHydration(staff);
  const map = staff.getByRole("region", { name: /De plek die de initiatiefnemer gaf, op een kaart/ });
  await map.locator(".leaflet-container").waitFor();
  const mapBox = await map.boundingBox();
  expect(mapBox!.x + mapBox!.width).toBeLessThanOrEqual(content!.x + content!.width + 1);

  // A message: the box is empty afterwards and the page returns to the message section.
  await staff.getByLabel("Bericht aan de initiatiefnemer").fill("Wij komen volgende week kijken.");
  await staff.getByRole("button", { name: "Verstuur bericht" }).click();
  await staff.getByText("Het bericht is verstuurd naar de initiatiefnemer.").waitFor();
  expect(staff.url()).toMatch(/#bericht-titel$/);
  expect(await staff.getByLabel("Bericht aan de initiatiefnemer").inputValue()).toBe("");
  const inView = await staff.locator("#bericht-titel").evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  });
  expect(inView).toBe(true);
  await check(staff, "the staff page after a message");

  // A status change.
  await staff.getByLabel("Nieuwe status").selectOption({ label: "In behandeling" });
  await staff.getByRole("button", { name: "Status wijzigen" }).click();
  await staff.getByText("De status is gewijzigd.", { exact: false }).waitFor();
  expect(staff.url()).toMatch(/#status-titel$/);
  expect(await staff.locator(".wmh-triage__summary dd").first().textContent()).toBe("In behandeling");
  const mail = await latestMail(EMAIL);
  expect(mail.text).toContain("In behandeling");

  // Narrower windows: no sideways scrolling.
  for (const width of [1024, 375]) {
    await staff.setViewportSize({ width, height: 800 });
    await staff.reload();
    await staff.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await check(staff, `the staff initiative page at ${width} px`);
  }

  // At 320 px with the small map loaded and a long e-mail address among the quickscan answers (an
  // unbreakable word that made the page scroll 86 px sideways), the page still fits.
  const longEmail = "initiatiefnemer.geveltuinen@demo.wijmakenheemstede.nl";
  await db()`update initiatives set answers = jsonb_set(answers, '{email}', to_jsonb(${longEmail}::text))
    where title = ${TITLE}`;
  await staff.setViewportSize({ width: 320, height: 800 });
  await staff.reload();
  await waitForHydration(staff);
  await staff.locator(".leaflet-container .leaflet-tile-loaded").first().waitFor();
  await staff.getByText(longEmail).waitFor();
  await staff.screenshot({ path: "/tmp/staff-initiative-e2e/staff-initiative-320.png", fullPage: true });
  await expectNoSidewaysScroll(staff, "the staff initiative page at 320 px with its map loaded");
}, 180_000);
