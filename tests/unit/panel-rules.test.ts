import { describe, expect, test } from "vitest";
import { composition, formatDeviation, parsePopulationCsv } from "../../app/domain/panel/composition";
import { afterFailure, allowance, backoffMs, MAX_ATTEMPTS } from "../../app/domain/panel/delivery";
import { invitationMail } from "../../app/domain/panel/mails";
import { ageGroupOf, signupSchema } from "../../app/domain/panel/profile";
import {
  allocate,
  computeQuotas,
  invitationsNeeded,
  pickRandom,
  planSample,
  toShares,
} from "../../app/domain/panel/sampling";
import { CONFIRM_VALID_MS, confirmState, expiresAt, isExpired } from "../../app/domain/panel/tokens";
import {
  postcodeDigitsOf as postcodeDigits,
  wijkOfPostcode as wijkForPostcode,
} from "../../app/domain/places/wijk-for";

describe("profile", () => {
  test.each([
    ["2101 AB", "2101"],
    ["2101ab", "2101"],
    [" 2103 ", "2103"],
    ["0101 AB", null],
    ["21011", null],
    ["abcd", null],
  ])("postcode %s -> %s", (input, expected) => expect(postcodeDigits(input)).toBe(expected));

  test("the wijk follows from the 4 postcode digits", () => {
    const wijken = [
      { code: "A", postcodes: ["2101"] },
      { code: "B", postcodes: ["2102", "2103"] },
    ];
    expect(wijkForPostcode("2103", wijken)).toBe("B");
    expect(wijkForPostcode("1011", wijken)).toBeNull();
  });

  test.each([
    [2000, "16-29"],
    [1996, "30-44"],
    [1981, "45-64"],
    [1961, "65-74"],
    [1951, "75+"],
  ])("born %i is in age group %s in 2026", (year, group) => expect(ageGroupOf(year, 2026)).toBe(group));

  test("sign-up needs consent, a plausible year and keeps only the postcode digits", () => {
    const schema = signupSchema(2026);
    const ok = schema.safeParse({
      email: "A@Example.nl",
      birthYear: "1970",
      postcode: "2101 ab",
      household: "paar",
      tenure: "koop",
      consent: "ja",
    });
    expect(ok.success && ok.data).toMatchObject({ email: "a@example.nl", birthYear: 1970, postcode: "2101" });
    const bad = schema.safeParse({
      email: "x@y.nl",
      birthYear: "2015",
      postcode: "2101",
      household: "paar",
      tenure: "koop",
    });
    expect(bad.success).toBe(false);
    const messages = bad.success ? [] : bad.error.issues.map((i) => i.message);
    expect(messages).toContain("U kunt meedoen vanaf 16 jaar. Controleer uw geboortejaar.");
    expect(messages).toContain("Geef toestemming om mee te doen aan het digipanel.");
  });
});

describe("confirmation links", () => {
  const now = new Date("2026-03-01T12:00:00Z");
  test("a confirmation link is valid for 7 days, up to the second", () => {
    const expires = expiresAt(now, CONFIRM_VALID_MS);
    expect(isExpired(expires, new Date("2026-03-08T12:00:00Z"))).toBe(false);
    expect(isExpired(expires, new Date("2026-03-08T12:00:01Z"))).toBe(true);
  });
  test.each([
    [undefined, "unknown"],
    [{ status: "pending", confirmExpiresAt: new Date("2026-03-02T00:00:00Z") }, "confirmed"],
    [{ status: "pending", confirmExpiresAt: new Date("2026-02-28T00:00:00Z") }, "expired"],
    [{ status: "active", confirmExpiresAt: null }, "already"],
    [{ status: "left", confirmExpiresAt: null }, "unknown"],
  ])("member %j -> %s", (member, state) => expect(confirmState(member, now)).toBe(state));
});

describe("stratified sampling", () => {
  test("invitations needed = target / response rate, rounded up", () => {
    expect(invitationsNeeded(100, 40)).toBe(250);
    expect(invitationsNeeded(10, 30)).toBe(34);
    expect(invitationsNeeded(10, 0)).toBe(0);
  });

  test("largest remainder gives whole quotas that add up exactly", () => {
    const parts = allocate(10, { a: 1, b: 1, c: 1 });
    expect(Object.values(parts).reduce((x, y) => x + y, 0)).toBe(10);
    expect(parts).toEqual({ a: 4, b: 3, c: 3 });
  });

  test("quotas per age group × wijk follow the product of the population shares", () => {
    const quotas = computeQuotas(40, toShares({ young: 3000, old: 1000 }), toShares({ n: 1, s: 1 }));
    expect(quotas).toEqual({ "young|n": 15, "young|s": 15, "old|n": 5, "old|s": 5 });
  });

  test("a stratum with too few members is reported as a shortfall", () => {
    const plan = planSample({ a: 5, b: 3 }, { a: 10, b: 1 });
    expect(plan).toEqual({ take: { a: 5, b: 1 }, shortfall: { b: 2 }, total: 6 });
  });

  test("a random pick has no duplicates and the requested size", () => {
    const picked = pickRandom([1, 2, 3, 4, 5, 6], 4, () => 0.5);
    expect(new Set(picked).size).toBe(4);
    expect(pickRandom([1, 2], 5)).toHaveLength(2);
  });
});

describe("composition", () => {
  test("deviation in percentage points, flagged from 5 points", () => {
    const rows = composition(["a", "b", "c"], { a: 6, b: 3, c: 1 }, { a: 40, b: 40, c: 20 });
    expect(rows.map((r) => [r.panelShare, r.populationShare, r.deviation, r.flag])).toEqual([
      [60, 40, 20, "over"],
      [30, 40, -10, "under"],
      [10, 20, -10, "under"],
    ]);
    expect(formatDeviation(2.5)).toBe("+2,5");
    expect(composition(["a"], { a: 1 }, {})[0]!.deviation).toBeNull();
  });

  test("CSV with Dutch dimension names, semicolons and a header", () => {
    const known = { age: ["16-29"], wijk: ["W1"], tenure: ["koop"] };
    const ok = parsePopulationCsv(
      "dimensie;categorie;aantal\nleeftijd;16-29;4.100\nwijk;W1;300\nwoning;koop;12",
      known,
    );
    expect(ok).toEqual({
      rows: [
        { dimension: "age", category: "16-29", count: 4100 },
        { dimension: "wijk", category: "W1", count: 300 },
        { dimension: "tenure", category: "koop", count: 12 },
      ],
      errors: [],
    });
    const bad = parsePopulationCsv("inkomen,laag,3\nwijk,W9,1\nwoning,koop,-1", known);
    expect(bad.errors).toHaveLength(3);
  });
});

describe("delivery rules", () => {
  test("backoff doubles from 30 seconds and a mail fails after the last attempt", () => {
    expect([1, 2, 3].map(backoffMs)).toEqual([30_000, 60_000, 120_000]);
    const now = new Date(0);
    expect(afterFailure(1, now)).toEqual({ status: "queued", nextAttemptAt: new Date(30_000) });
    expect(afterFailure(MAX_ATTEMPTS, now).status).toBe("failed");
  });

  test("the per-minute limit is shared: sent and in-flight mails count", () => {
    expect(allowance(0, 999, 999, 200)).toBe(200);
    expect(allowance(300, 250, 20, 200)).toBe(30);
    expect(allowance(300, 300, 0, 200)).toBe(0);
  });

  test("an invitation has a personal link, an unsubscribe link and one-click headers, no images", () => {
    const mail = invitationMail({
      to: "a@b.nl",
      subject: "Uw mening",
      message: "Alinea 1\n\nAlinea 2",
      surveyLink: "https://x/enquete/w?code=ABCD-EFGH-JKMN",
      unsubscribeLink: "https://x/digipanel/afmelden/t",
      reminder: 1,
      messageId: "<m@x>",
    });
    expect(mail.subject).toBe("Herinnering: Uw mening");
    expect(mail.headers).toEqual({
      "List-Unsubscribe": "<https://x/digipanel/afmelden/t>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(mail.text).toContain("https://x/enquete/w?code=ABCD-EFGH-JKMN");
    expect(mail.html).not.toMatch(/<img/i);
  });
});
