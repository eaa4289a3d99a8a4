import { describe, expect, test } from "vitest";
import { staffAccess } from "../../app/domain/auth/roles";
import { pathOf, SiteWalk } from "./site-walk";
import { loginAs, newPage } from "./support";

// Every staff page of the one staff-access table (app/domain/auth/roles.ts), not a hand-kept list:
// a new /beheer route is visited here as soon as it is in the table. Pages with an id are reached
// through the first link on the page above them in the demo data (site-walk.ts); downloads (JSON,
// .lss, exports, templates, photos, print views) are left out because they are not pages. Each page
// must answer below 400, raise no page error, pass axe (WCAG 2.1 AA) and not scroll sideways, at
// 1024 px (a laptop) and at 320 px (a civil servant or partner on a phone: WCAG 1.4.10 applies to
// staff pages too).

const NOT_PAGES = /\.(json|lss)$|export\.|sjabloon\.|foto\.|afdrukken$/;
const templates = [
  ...new Set(
    Object.keys(staffAccess)
      .filter((id) => !NOT_PAGES.test(id))
      .map(pathOf),
  ),
];

const options = {
  via: [[/\/coderen$/, (list: string) => list.replace(/\/coderen$/, "/resultaten")]] as [
    RegExp,
    (list: string) => string,
    string?,
  ][],
  // Empty in a fresh demo until someone sends mail or a campaign; their items are covered by
  // tests/integration/outbox.test.ts and tests/e2e/panel.e2e.ts.
  mayBeEmpty: new Set(["/beheer/uitgaande-mail/:id", "/beheer/digipanel/campagnes/:id"]),
};

describe("every page of the staff-access table", () => {
  test("as beheerder at 1024 px and at 320 px", async () => {
    const page = await newPage();
    await loginAs(page, "beheerder");
    const walk = new SiteWalk(page, options);
    const wide = await walk.check(templates, 1024);
    const narrow = await walk.check(templates, 320);
    expect([...wide.problems, ...narrow.problems]).toEqual([]);
    // Nothing was skipped quietly: every template was visited or is a list that may be empty.
    expect(wide.visited.length).toBeGreaterThanOrEqual(templates.length - options.mayBeEmpty.size);
  }, 900_000);

  test("as a partner at 320 px: their start page, the agreement list and one agreement", async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 320, height: 720 });
    await loginAs(page, "partner");
    const partnerPages = ["/beheer", "/beheer/prestatieafspraken", "/beheer/prestatieafspraken/:id"];
    const { visited, problems } = await new SiteWalk(page).check(partnerPages, 320);
    expect(problems).toEqual([]);
    expect(visited).toHaveLength(3);
  }, 300_000);
});
