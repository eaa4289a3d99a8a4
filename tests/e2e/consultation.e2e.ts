import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import {
  db,
  expectAccessible,
  expectNoSidewaysScroll,
  latestMail,
  linkIn,
  loginAs,
  newPage,
} from "./support";

// The consultation cycle (issue 16): staff import a .docx and publish it; a resident and an organisation
// react by keyboard at 375 px and confirm from the mail; staff merge, answer and publish the reactienota;
// the resident gets the mail. Every page passes axe; no sideways scrolling at 320/375/1280 px.

const fixture = fileURLToPath(new URL("../fixtures/consultation/concept-woonvisie.docx", import.meta.url));
const shots = "/tmp/consult-shots/";
mkdirSync(shots, { recursive: true });
const slug = `inspraak-${Date.now()}`;
const resident = `bewoner-${Date.now()}@example.nl`;
const organisation = `corporatie-${Date.now()}@example.nl`;

/** The text of the newest mail of `kind` to `to`, waiting up to 60,000 ms. */
async function mailOf(to: string, kind: string, timeoutMs = 60_000) {
  return (await latestMail(to, kind, timeoutMs)).text;
}

async function widths(page: Page, name: string) {
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoSidewaysScroll(page, `${name} at ${width}px`);
    await page.screenshot({ path: `${shots}${name}-${width}.png`, fullPage: true });
  }
}

/** Amsterdam wall-clock time for a datetime-local field. */
function local(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Amsterdam",
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Type into a field reached by keyboard focus, the way a keyboard user does. */
async function typeInto(page: Page, label: string | RegExp, text: string) {
  await page.getByLabel(label).focus();
  await page.keyboard.type(text);
}

async function reactByKeyboard(
  page: Page,
  who: { email: string; name: string; organisation?: string; text: string },
) {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`/meedenken/${slug}/document`);
  await page.getByRole("heading", { name: "Alinea 1.2" }).waitFor();
  await expectNoSidewaysScroll(page, "document at 375px");
  // Keyboard: Tab through the document until the link for paragraph 1.2 has focus, then Enter.
  const target = page.getByRole("link", { name: "Reageer op alinea 1.2" });
  for (let i = 0; i < 80 && !(await target.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  expect(await target.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Reageren op alinea 1.2" }).waitFor();
  await expectNoSidewaysScroll(page, "reaction form at 375px");
  // Submit empty first: errors at the fields, nothing lost.
  await page.getByRole("button", { name: "Reactie versturen" }).focus();
  await page.keyboard.press("Enter");
  await page.getByText("Schrijf uw reactie in minstens 5 tekens.").first().waitFor();
  await typeInto(page, "Uw reactie", who.text);
  if (who.organisation) {
    await page.getByLabel(/Namens een organisatie/).focus();
    await page.keyboard.press("Space");
  } else {
    await page.getByLabel("Als inwoner").focus();
    await page.keyboard.press("Space");
  }
  await typeInto(page, "Uw naam", who.name);
  await typeInto(page, "Uw e-mailadres", who.email);
  if (who.organisation) {
    await typeInto(page, /Naam van de organisatie/, who.organisation);
    await page.getByLabel(/Rol van de organisatie/).selectOption("adviseur");
  }
  await page.getByRole("button", { name: "Reactie versturen" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Bijna klaar: bevestig uw reactie" }).waitFor();
  // Confirm from the mail.
  await page.goto(linkIn(await mailOf(who.email, "consultation.confirm")));
  await expectAccessible(page);
  await page.getByRole("button", { name: "Ja, bevestig mijn reactie" }).focus();
  await page.keyboard.press("Enter");
  await page.getByText("Uw reactie is bevestigd en telt mee.").waitFor();
}

test("staff import a .docx, residents and an organisation react, staff publish the reactienota", async () => {
  await db()`insert into projects (slug, title, summary, status) values (${slug}, 'Woonvisie E2E', 'Proef', 'active')`;

  // Staff: create the document, import the Word file, set the period, publish.
  const staff = await newPage();
  await loginAs(staff, "ambtenaar");
  await staff.goto("/beheer/inspraak");
  await expectAccessible(staff);
  await staff.getByLabel("Project").selectOption({ label: "Woonvisie E2E" });
  await staff.getByLabel("Titel van het document").fill("Concept-Woonvisie E2E");
  await staff.getByRole("button", { name: "Document aanmaken" }).click();
  await staff.getByRole("heading", { name: "Concept-Woonvisie E2E" }).waitFor();
  const staffDocument = staff.url();
  await staff.getByLabel(/Word-bestand \(.docx/).setInputFiles(fixture);
  await staff.getByRole("button", { name: "Word-bestand inlezen" }).click();
  await staff.getByText(/Het Word-bestand is ingelezen: 4 alinea's/).waitFor();
  expect(await staff.getByLabel("Tekst van het document").inputValue()).toContain(
    "# Passend wonen voor iedereen",
  );
  await staff.getByLabel("Reageren kan vanaf").fill(local(new Date(Date.now() - 3_600_000)));
  await staff.getByLabel("Reageren kan tot").fill(local(new Date(Date.now() + 86_400_000)));
  await staff.getByRole("button", { name: "Periode opslaan" }).click();
  await staff.getByText("De reactieperiode is opgeslagen.").waitFor();
  await staff.getByRole("button", { name: "Versie 1 publiceren" }).click();
  await staff.getByText("Versie 1 is gepubliceerd.").waitFor();
  await expectAccessible(staff);
  await widths(staff, "staff-document");

  // The project page shows the document and the period.
  const visitor = await newPage();
  await visitor.goto(`/meedenken/${slug}`);
  await visitor.getByRole("link", { name: /Lees het document en reageer/ }).waitFor();
  await expectAccessible(visitor);

  // A resident and an organisation react by keyboard at 375 px.
  const page = await newPage();
  await reactByKeyboard(page, {
    email: resident,
    name: "Anna Bewoner",
    text: "Graag meer aandacht voor sociale huur voor starters.",
  });
  await reactByKeyboard(page, {
    email: organisation,
    name: "Contactpersoon Corporatie",
    organisation: "Woonstichting Proef",
    text: "Dertig procent sociale huur is haalbaar met goedkope grond.",
  });
  await page.goto(`/meedenken/${slug}/document`);
  await page
    .getByRole("button", { name: "2 reacties lezen" })
    .or(page.getByText("2 reacties lezen"))
    .first()
    .click();
  await page.getByText("Woonstichting Proef (Adviseur (meedenken))").waitFor();
  expect(await page.content()).not.toContain("Anna Bewoner");
  await expectAccessible(page);
  await widths(page, "document");
  await page.goto(`/meedenken/${slug}/reageren`);
  await expectAccessible(page);
  await widths(page, "reageren");

  // Staff: close the period, merge both reactions into one point, answer, publish the nota.
  await staff.goto(`/beheer/inspraak`);
  await staff.getByRole("link", { name: "Concept-Woonvisie E2E" }).click();
  await staff.getByLabel("Reageren kan vanaf").fill(local(new Date(Date.now() - 2 * 86_400_000)));
  await staff.getByLabel("Reageren kan tot").fill(local(new Date(Date.now() - 60_000)));
  await staff.getByRole("button", { name: "Periode opslaan" }).click();
  await staff.getByText("De reactieperiode is opgeslagen.").waitFor();
  await staff.getByRole("link", { name: "Reacties sorteren, samenvoegen en beantwoorden" }).click();
  await staff.getByRole("heading", { name: /Reacties die nog niet in een punt staan \(2\)/ }).waitFor();
  await expectAccessible(staff);
  await staff.getByRole("button", { name: "Thema's voorstellen voor reacties zonder thema" }).click();
  await staff.getByText(/kregen een voorgesteld thema/).waitFor();
  for (const box of await staff.getByRole("checkbox").all()) await box.check();
  await staff.getByLabel("Samenvatting van het punt").fill("Meer sociale huur, ook voor starters.");
  await staff.getByRole("button", { name: "Samenvoegen tot één punt" }).click();
  await staff.getByText("2 reacties staan nu in één punt.").waitFor();
  await staff
    .getByLabel("Antwoord")
    .fill("De gemeente houdt vast aan 30 procent sociale huur bij nieuwbouw.");
  await staff.getByLabel("Niet overgenomen").check();
  await staff.getByLabel("Reden van het besluit").fill("Het voorstel staat al in alinea 1.2.");
  await staff.getByRole("button", { name: "Antwoord opslaan" }).click();
  await staff.getByText("Het antwoord en het besluit zijn opgeslagen.").waitFor();
  await expectAccessible(staff);
  await widths(staff, "staff-reacties");
  await staff.getByRole("link", { name: "Terug naar het document" }).click();
  await staff.getByRole("link", { name: "Reactienota bekijken en publiceren" }).click();
  await staff.getByRole("button", { name: "Reactienota publiceren" }).click();
  await staff.getByText(/De reactienota is gepubliceerd. 2 mensen krijgen een e-mail./).waitFor();
  await expectAccessible(staff);

  // The resident receives the mail (bulk delivery path) and reads the nota: anonymous, the organisation named.
  const mail = await mailOf(resident, "consultation.nota");
  const notaUrl = linkIn(mail);
  expect(notaUrl).toContain(`/meedenken/${slug}/reactienota/1`);
  await page.goto(notaUrl);
  await page.getByRole("heading", { name: /Reactienota: Concept-Woonvisie E2E/ }).waitFor();
  await page.getByText("Woonstichting Proef (Adviseur (meedenken)), 1 inwoner").waitFor();
  const html = await page.content();
  expect(html).not.toContain("Anna Bewoner");
  expect(html).not.toContain(resident);
  await expectAccessible(page);
  await widths(page, "reactienota");
  await visitor.goto(`/meedenken/${slug}`);
  await visitor.getByRole("link", { name: /Reactienota bij versie 1/ }).waitFor();

  // After the reactions staff make version 2 with one paragraph changed; residents see what changed,
  // on a phone and on a laptop.
  await staff.goto(staffDocument);
  await staff.getByRole("button", { name: "Nieuwe versie maken" }).click();
  const text = staff.getByLabel("Tekst van het document");
  await text.waitFor();
  const before = await text.inputValue();
  expect(before).toContain("# Passend wonen voor iedereen");
  await text.fill(`${before.trimEnd()}\n\nNieuw: wij bouwen ook voor jongeren die alleen wonen.`);
  await staff.getByRole("button", { name: "Tekst opslaan" }).click();
  await staff.getByText(/De tekst is opgeslagen/).waitFor();
  await staff.getByRole("button", { name: "Versie 2 publiceren" }).click();
  await staff.getByText("Versie 2 is gepubliceerd.").waitFor();
  await visitor.goto(`/meedenken/${slug}/document`);
  await visitor.getByRole("link", { name: "Wat is er veranderd in versie 2?" }).click();
  await visitor.getByRole("heading", { level: 1, name: /veranderd/ }).waitFor();
  await visitor.getByText("Nieuw: wij bouwen ook voor jongeren die alleen wonen.").first().waitFor();
  await expectAccessible(visitor);
  await widths(visitor, "wijzigingen");
}, 300_000);

test("the demo concept-Woonvisie reads without JavaScript and holds back a reaction with personal data", async () => {
  const page = await newPage({ javaScript: false });
  await page.goto("/meedenken/woonvisie/document");
  await page.getByRole("heading", { name: /Concept-Woonvisie Heemstede/ }).waitFor();
  expect(await page.content()).not.toContain("06-12345678");
  await page
    .getByText("Deze reactie wordt eerst nagekeken op persoonsgegevens.")
    .first()
    .waitFor({ state: "attached" });
  await expectAccessible(page);
  await widths(page, "demo-document");
});
