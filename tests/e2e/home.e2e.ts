import { expect, test } from "vitest";
import { expectAccessible, loginAs, newPage, waitForHydration } from "./support";

test("the home page shows the three entrances and passes axe", async () => {
  const page = await newPage();
  await page.goto("/");
  await expect(
    page.getByRole("heading", { level: 1, name: "Wij maken Heemstede" }).isVisible(),
  ).resolves.toBe(true);
  for (const name of [
    "Ik heb een idee",
    "Ik wil meedenken met de gemeente",
    "Ik wil contact met de gemeente",
  ]) {
    expect(await page.getByRole("link", { name }).count()).toBeGreaterThan(0);
  }
  await expectAccessible(page);
});

test("the skip link is the first thing the keyboard reaches and moves focus to the content", async () => {
  const page = await newPage();
  await page.goto("/");
  await waitForHydration(page);
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement?.textContent);
  expect(focused).toBe("Direct naar de inhoud");
  await page.keyboard.press("Enter");
  expect(page.url()).toMatch(/#inhoud$/);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("inhoud");
});

test("an unknown page gives a Dutch 404", async () => {
  const page = await newPage();
  const response = await page.goto("/bestaat-niet");
  expect(response?.status()).toBe(404);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Deze pagina bestaat niet");
  await expectAccessible(page);
});

test("staff log in and out", async () => {
  const page = await newPage();
  await page.goto("/beheer/inloggen");
  await expectAccessible(page);
  await page.getByLabel("E-mailadres").fill("beheerder@demo.wijmakenheemstede.nl");
  await page.getByLabel("Wachtwoord").fill("verkeerd wachtwoord");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.getByText("Het e-mailadres of het wachtwoord klopt niet.").waitFor();
  expect(await page.getByLabel("E-mailadres").inputValue()).toBe("beheerder@demo.wijmakenheemstede.nl");
  await expectAccessible(page);
  await loginAs(page, "beheerder");
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Beheer");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await page.waitForURL(/\/beheer\/inloggen/);
  await page.goto("/beheer");
  expect(page.url()).toMatch(/\/beheer\/inloggen\?terug=/);
});
