import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { db, expectAccessible, expectNoSidewaysScroll, loginAs, newPage, waitForHydration } from "./support";

// Typing two paper questionnaires by keyboard only (issue 15), at 1280 px, then the page at 320 px.
const shots = path.join(os.tmpdir(), "wmh-paper-screenshots");

const definition = {
  schemaVersion: 1,
  title: "Wonen op papier",
  intro: "",
  estimatedMinutes: 5,
  whatHappens: "",
  thankYou: "",
  pages: [
    {
      key: "een",
      title: "Een",
      kind: "questions",
      blocks: [],
      questions: [
        {
          key: "woon",
          type: "single",
          text: "Hoe woont u?",
          required: true,
          allowDontKnow: false,
          other: false,
          options: [
            { value: "koop", label: "Koopwoning" },
            { value: "huur", label: "Huurwoning" },
          ],
        },
        {
          key: "kamers",
          type: "number",
          text: "Hoeveel kamers heeft uw woning?",
          required: false,
          allowDontKnow: false,
          integer: true,
          min: 1,
          max: 10,
        },
      ],
    },
  ],
};

const CODES = ["PAPR-AAAA-BBB2", "PAPR-AAAA-BBB3"];
const hash = (code: string) =>
  createHash("sha256")
    .update(`survey-code:${code.replace(/-/g, "")}`)
    .digest("hex");

async function createSurvey(): Promise<number> {
  const sql = db();
  const slug = `papier-${Date.now()}`;
  const [survey] = await sql<{ id: number }[]>`
    insert into surveys (slug, title, status, access_mode) values (${slug}, 'Wonen op papier', 'published', 'code')
    returning id`;
  await sql`insert into survey_versions (survey_id, version, definition, published_at)
    values (${survey!.id}, 1, ${sql.json(definition)}, now())`;
  for (const code of CODES)
    await sql`insert into survey_codes (survey_id, code_hash, channel) values (${survey!.id}, ${hash(code)}, 'letter')
      on conflict (code_hash) do nothing`;
  return survey!.id;
}

async function focused(page: Page) {
  return page.evaluate(
    () => document.activeElement?.getAttribute("name") ?? document.activeElement?.id ?? "",
  );
}

describe("paper questionnaires", () => {
  test("two paper forms typed by keyboard only", async () => {
    fs.mkdirSync(shots, { recursive: true });
    const id = await createSurvey();
    const page = await newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await loginAs(page, "onderzoeker");
    await page.goto(`/beheer/enquetes/${id}/papier`);
    await waitForHydration(page);
    await expectAccessible(page);

    // An unknown code is refused at once, the input kept.
    await page.locator("#veld-code").focus();
    await page.keyboard.type("ZZZZ-ZZZZ-ZZZZ");
    await page.keyboard.press("Enter");
    await page.getByText("Deze code hoort niet bij deze enquête").first().waitFor();
    expect(await page.locator("#veld-code").inputValue()).toBe("ZZZZ-ZZZZ-ZZZZ");
    await expectAccessible(page);

    for (const [n, code] of CODES.entries()) {
      await page.locator("#veld-code").fill("");
      await page.locator("#veld-code").focus();
      await page.keyboard.type(code.toLowerCase());
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { name: `Vragenlijst ${code}` }).waitFor();
      // The cursor is on the first question: arrow keys choose, Tab goes on, Enter saves.
      await expect.poll(() => focused(page)).toBe("v_woon");
      if (n === 0) {
        // Saving with a wrong number shows the message at the question, input kept.
        await page.keyboard.press("Space");
        await page.keyboard.press("Tab");
        await page.keyboard.type("12");
        await page.keyboard.press("Enter");
        await page.getByText("Vul een getal in van 10 of minder.").first().waitFor();
        await expectAccessible(page);
        await page.screenshot({ path: path.join(shots, "paper-entry-error-1280.png"), fullPage: true });
        await page.locator('[name="v_kamers"]').focus();
        await page.keyboard.press("Control+A");
        await page.keyboard.type("4");
      } else {
        await page.keyboard.press("ArrowDown");
        await page.keyboard.press("Tab");
        await page.keyboard.type("3");
      }
      await page.keyboard.press("Enter");
      await page.getByText(`Vragenlijst ${code} is opgeslagen en telt mee.`).waitFor();
      await expect.poll(() => focused(page)).toBe("code");
    }
    await page.screenshot({ path: path.join(shots, "paper-entry-1280.png"), fullPage: true });

    const rows = await db()<{ channel: string; n: number }[]>`
      select channel, count(*)::int as n from responses where survey_id = ${id} group by channel`;
    expect(rows).toEqual([{ channel: "papier", n: 2 }]);
    const options = await db()<{ value_option: string; value_number: number }[]>`
      select value_option, value_number from answers where survey_id = ${id} order by value_option nulls last, value_number`;
    expect(options.map((o) => o.value_option ?? o.value_number)).toEqual(["huur", "koop", 3, 4]);

    // 320 px: no sideways scrolling on the entry screen and the print view.
    await page.setViewportSize({ width: 320, height: 800 });
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: path.join(shots, "paper-entry-320.png"), fullPage: true });
    await page.goto(`/beheer/enquetes/${id}/afdrukken`);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await page.screenshot({ path: path.join(shots, "paper-print-320.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ media: "print" });
    await page.screenshot({ path: path.join(shots, "paper-print-1280.png"), fullPage: true });
  });
});
