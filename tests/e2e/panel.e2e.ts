import { expect, test } from "vitest";
import { parseDefinition } from "../../app/domain/surveys/definition";
import { db, expectAccessible, latestMail, linkIn, loginAs, newPage } from "./support";

// The digipanel as a resident and a researcher use it: sign up, confirm from the mail, get an
// invitation, answer it with the personal link, and leave. Every page passes axe.

const email = `e2e-${Date.now()}@example.nl`;

/** The newest outbox mail of a kind to an address; background jobs may need a few seconds. */
/** The text of the newest mail of `kind` to `to`, waiting up to 45,000 ms. */
async function mailOf(to: string, kind: string, timeoutMs = 45_000) {
  return (await latestMail(to, kind, timeoutMs)).text;
}

async function createCodeSurvey() {
  const parsed = parseDefinition({
    title: "Digipanel proef",
    pages: [
      {
        key: "p1",
        title: "Uw mening",
        questions: [{ key: "wens", type: "open", text: "Wat wilt u ons zeggen?" }],
      },
    ],
  });
  if (!parsed.ok) throw new Error("bad definition");
  const [survey] = await db()`
    insert into surveys (slug, title, status, access_mode) values ('digipanel-proef', 'Digipanel proef', 'published', 'code')
    returning id`;
  await db()`
    insert into survey_versions (survey_id, version, definition, published_at)
    values (${survey!.id}, 1, ${db().json(parsed.definition as never)}, now())`;
}

test("a resident signs up, confirms, answers an invitation and leaves", async () => {
  // Sign up, without JavaScript: the form works as plain HTML.
  const page = await newPage({ javaScript: false });
  await page.goto("/digipanel");
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await page.getByText("Vul uw e-mailadres in.").first().waitFor();
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Geboortejaar").fill("1968");
  await page.getByLabel("Postcode").fill("2103 AB");
  await page.getByLabel("Samen, met kinderen thuis").check();
  await page.getByLabel("Particuliere huurwoning").check();
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await page.getByText("Geef toestemming om mee te doen aan het digipanel.").first().waitFor();
  expect(await page.getByLabel("E-mailadres").inputValue()).toBe(email);
  await page.getByLabel(/Ik doe mee aan het digipanel/).check();
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await page.getByRole("heading", { name: "Bijna klaar" }).waitFor();

  const browser = await newPage();
  await browser.goto("/digipanel");
  await expectAccessible(browser);

  // Confirm from the mail in the outbox.
  await browser.goto(linkIn(await mailOf(email, "panel.confirm")));
  await expectAccessible(browser);
  await browser.getByRole("button", { name: "Ja, ik doe mee" }).click();
  await browser.getByRole("heading", { name: "U doet mee aan het digipanel" }).waitFor();
  await expectAccessible(browser);

  // A researcher invites the panel for a published survey.
  await createCodeSurvey();
  const staff = await newPage();
  await loginAs(staff, "onderzoeker");
  await staff.goto("/beheer/digipanel");
  await staff.getByRole("heading", { name: "Digipanel", level: 1 }).waitFor();
  await expectAccessible(staff);
  await staff.getByRole("link", { name: "Nieuwe uitnodiging" }).click();
  await staff.getByLabel("Naam van deze uitnodiging").fill("E2E ronde");
  await staff.getByLabel("Enquête", { exact: true }).selectOption({ label: "Digipanel proef" });
  await staff.getByLabel("Onderwerp van de e-mail").fill("Wat vindt u?");
  await staff.getByLabel("Tekst van de uitnodiging").fill("Wij horen graag uw mening.");
  await staff.getByRole("button", { name: "Voorbeeld bekijken" }).click();
  await staff.getByRole("heading", { name: "Voorbeeld" }).waitFor();
  await expectAccessible(staff);
  await staff.getByRole("button", { name: "Uitnodiging inplannen" }).click();
  await staff.waitForURL(/\/beheer\/digipanel\/campagnes\/\d+$/);
  await expectAccessible(staff);

  // The invitation arrives (background job) with a personal link and an unsubscribe link.
  const invitation = await mailOf(email, "panel.invitation");
  expect(invitation).toMatch(/\/digipanel\/afmelden\//);
  const surveyLink = invitation.match(/https?:\/\/\S+\/enquete\/\S+/)![0];
  await browser.goto(surveyLink);
  await browser.getByRole("button", { name: "Start de vragenlijst" }).click();
  await browser.getByLabel(/Wat wilt u ons zeggen/).fill("Meer groen in de wijk.");
  await browser.getByRole("button", { name: "Versturen" }).click();
  await browser.waitForURL(/\/bedankt/);
  const [row] = await db()`
    select r.respondent_id, r.channel, r.status from responses r join survey_codes c on c.response_id = r.id`;
  expect(row).toMatchObject({ channel: "panel", status: "submitted" });
  expect(String(row!.respondent_id)).not.toContain("@");

  // Mijn digipanel through a magic link: the answered survey is listed; then leave in one step.
  await browser.goto("/digipanel/mijn");
  await expectAccessible(browser);
  await browser.getByLabel("E-mailadres").fill(email);
  await browser.getByRole("button", { name: "Stuur mij een link" }).click();
  await browser.getByText(/krijgt u binnen een paar minuten een e-mail/).waitFor();
  await browser.goto(linkIn(await mailOf(email, "panel.login")));
  await browser.getByRole("button", { name: "Ga naar Mijn digipanel" }).click();
  await browser.getByRole("heading", { name: "Mijn gegevens" }).waitFor();
  expect(await browser.getByText("Digipanel proef").count()).toBeGreaterThan(0);
  await expectAccessible(browser);
  await browser.getByRole("button", { name: "Stoppen met het digipanel" }).click();
  await browser.getByRole("heading", { name: "U bent gestopt met het digipanel" }).waitFor();
  await expectAccessible(browser);
  const [member] = await db()`select status, email, birth_year from panel_members where email = ${email}`;
  expect(member).toBeUndefined();
  const answers = await db()`select count(*)::int as n from responses where status = 'submitted'`;
  expect(answers[0]!.n).toBeGreaterThan(0);
});
