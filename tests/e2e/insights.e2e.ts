import fs from "node:fs";
import { expect, test } from "vitest";
import { db, expectAccessible, loginAs, newPage } from "./support";

test("an onderzoeker codes open answers, adds bewonersavond input, reads the report and downloads both exports", async () => {
  const page = await newPage();
  await loginAs(page, "onderzoeker");

  // Results of the Woonvisie survey (demo responses).
  await page.getByRole("link", { name: "Resultaten", exact: true }).first().click();
  await page.getByRole("heading", { level: 1, name: "Resultaten" }).waitFor();
  await expectAccessible(page);
  // Other e2e files may have published surveys of their own: pick the Woonvisie by name.
  await page
    .locator("table")
    .getByRole("link", { name: /^Woonvisie Heemstede/ })
    .first()
    .click();
  await page.getByRole("heading", { level: 2, name: "Wie hebben gereageerd" }).waitFor();
  expect(await page.getByText("Effectieve steekproefomvang").count()).toBeGreaterThan(0);
  await expectAccessible(page);
  const resultsUrl = page.url();

  // Coding: suggestions, accept one, mark a quote.
  await page
    .getByRole("link", { name: /^Coderen/ })
    .first()
    .click();
  await page.getByRole("heading", { level: 1, name: "Open antwoorden coderen" }).waitFor();
  await page.getByRole("button", { name: "Codes voorstellen" }).click();
  await page.getByText("De voorstellen zijn gemaakt.").waitFor();
  await page
    .getByRole("button", { name: /^Accepteren/ })
    .first()
    .click();
  await page.getByText("De code is geaccepteerd.").waitFor();
  expect(await page.getByText("geaccepteerd", { exact: false }).count()).toBeGreaterThan(0);
  await page
    .getByText(/^Als citaat gebruiken/)
    .first()
    .click();
  await page.getByRole("button", { name: "Citaat opslaan" }).first().click();
  await page.getByText("Het antwoord is als citaat gemarkeerd.").waitFor();
  await expectAccessible(page);

  // Input from the bewonersavond.
  await page.getByRole("link", { name: "Woonvisie-input", exact: true }).first().click();
  await page.locator('a[href^="/beheer/woonvisie-input/"]').first().click();
  await page.getByRole("link", { name: "Inbreng uit andere sporen toevoegen" }).click();
  await page.getByRole("button", { name: "Inbreng toevoegen" }).click();
  await page.getByText("Geef de inbreng een korte titel.").first().waitFor();
  await expectAccessible(page);
  await page.getByLabel("Waar komt de inbreng vandaan?").selectOption({ label: "Bewonersavond" });
  await page.getByLabel("Thema").selectOption("3");
  await page.getByLabel("Korte titel").fill("Bomen sparen bij nieuwbouw");
  await page
    .getByLabel("Wat is er gezegd of opgehaald?")
    .fill("Aan tafel 4 vroegen bewoners om de bomen te sparen.");
  await page.getByLabel("Datum").fill("2026-10-14");
  await page.getByRole("button", { name: "Inbreng toevoegen" }).click();
  await page.getByText("De inbreng is toegevoegd.").waitFor();
  await expectAccessible(page);

  // The report, grouped by theme, ending with the account of the participation.
  await page.getByRole("link", { name: /^Naar het rapport/ }).click();
  await page.getByRole("heading", { level: 2, name: "Verantwoording van de participatie" }).waitFor();
  expect(await page.getByText("Bomen sparen bij nieuwbouw").count()).toBe(1);
  expect(await page.getByRole("cell", { name: "Adviseur (meedenken)" }).count()).toBe(2);
  await expectAccessible(page);

  // Both exports.
  await page.goto(resultsUrl);
  for (const [name, ext] of [
    ["Antwoorden downloaden als CSV", "csv"],
    [/^Antwoorden downloaden als Excel/, "xlsx"],
  ] as const) {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^antwoorden-\\d+-.*\\.${ext}$`));
    const file = await download.path();
    const bytes = fs.readFileSync(file!);
    if (ext === "csv") expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    else expect(bytes.subarray(0, 2).toString()).toBe("PK");
  }
  const audits = await db()`select action from audit_log where action like 'insights.%' order by id`;
  const actions = audits.map((a) => a.action as string);
  for (const a of [
    "insights.codes_suggested",
    "insights.code_accepted",
    "insights.quote_marked",
    "insights.input_item_created",
    "insights.exported_csv",
    "insights.exported_xlsx",
  ])
    expect(actions).toContain(a);
});
