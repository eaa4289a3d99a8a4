import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { parsePoint } from "../../app/domain/initiatives/address.server";
import { getDb } from "../../app/lib/db.server";
import { resetEnvForTests } from "../../app/lib/env.server";
import * as quickscanRoute from "../../app/routes/idee.nieuw";
import { initiatives, wijken } from "../../db/schema";
import { resetDatabase } from "../support/db";
import { makeRequest, run } from "../support/remix";

// PDOK is never called for real: fetch is replaced by a stub that answers like the Locatieserver.
const pdokAnswer = {
  response: {
    docs: [
      {
        weergavenaam: "Binnenweg 1, 2101JA Heemstede",
        centroide_ll: "POINT(4.62283 52.35791)",
        postcode: "2101JA",
      },
    ],
  },
};

beforeEach(async () => {
  await resetDatabase();
  await getDb()
    .insert(wijken)
    .values({ code: "W1", name: "Centrum", postcodes: ["2101"] });
  process.env.PDOK_LOCATIESERVER_URL = "https://pdok.test/locatieserver/v3_1";
  resetEnvForTests();
});
afterEach(() => {
  delete process.env.PDOK_LOCATIESERVER_URL;
  resetEnvForTests();
  vi.unstubAllGlobals();
});

const cookieOf = (h: Headers) => h.get("Set-Cookie")!.match(/wmh_quickscan=[^;]+/)![0];

describe("address search through the PDOK Locatieserver", () => {
  test("reads a WKT point", () => {
    expect(parsePoint("POINT(4.62 52.35)")).toEqual({ lat: 52.35, lng: 4.62 });
    expect(parsePoint("POLYGON((1 2))")).toBeNull();
  });

  test("suggestions are shown without JavaScript, and the chosen one gives the point and the wijk", async () => {
    const fetchStub = vi.fn(async () => new Response(JSON.stringify(pdokAnswer), { status: 200 }));
    vi.stubGlobal("fetch", fetchStub);
    const post = (form: Record<string, string | string[]>, cookie?: string) =>
      run<{ suggestions: { label: string; lat: number }[] }>(
        quickscanRoute.action,
        makeRequest("/idee/nieuw", { form, cookie }),
      );
    const first = await post({ stap: "idee", title: "Bankje", description: "Een bankje", theme: "groen" });
    const cookie = cookieOf(first.headers);
    await post({ stap: "waar", locationKind: "address" }, cookie);
    const search = await post({ stap: "plek", intent: "search", address: "Binnenweg 1" }, cookie);
    expect(String((fetchStub.mock.calls[0] as unknown[])[0])).toMatch(
      /^https:\/\/pdok\.test\/locatieserver\/v3_1\/free\?q=Binnenweg\+1/,
    );
    expect(search.data.suggestions).toEqual([
      { label: "Binnenweg 1, 2101JA Heemstede", lat: 52.35791, lng: 4.62283, postcode: "2101JA" },
    ]);

    const choice = "52.35791;4.62283;2101JA;Binnenweg 1, 2101JA Heemstede";
    await post({ stap: "plek", address: "Binnenweg 1", addressChoice: choice }, cookie);
    await post({ stap: "wie", partyCount: "alone" }, cookie);
    await post({ stap: "gevolgen", impact: "none", interests: "none", otherPlans: "no" }, cookie);
    await post({ stap: "regels", publicSpace: "yes", permit: "no", policy: "fits" }, cookie);
    await post({ stap: "bijdrage", timing: "soon" }, cookie);
    await post({ stap: "gegevens", name: "An", email: "an@example.nl", consentContact: "ja" }, cookie);
    const done = await post({ stap: "controleren" }, cookie);
    expect(done.status).toBe(302);
    const [row] = await getDb().select().from(initiatives);
    expect(row).toMatchObject({
      lat: 52.35791,
      lng: 4.62283,
      wijkCode: "W1",
      address: "Binnenweg 1, 2101JA Heemstede",
    });
  });

  test("when PDOK fails the resident can go on with the typed address", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("kapot", { status: 503 })),
    );
    const first = await run(
      quickscanRoute.action,
      makeRequest("/idee/nieuw", { form: { stap: "idee", title: "B", description: "B", theme: "groen" } }),
    );
    await run(
      quickscanRoute.action,
      makeRequest("/idee/nieuw", {
        form: { stap: "waar", locationKind: "address" },
        cookie: cookieOf(first.headers),
      }),
    );
    const res = await run<{ suggestions: unknown }>(
      quickscanRoute.action,
      makeRequest("/idee/nieuw", {
        form: { stap: "plek", intent: "search", address: "Binnenweg 1" },
        cookie: cookieOf(first.headers),
      }),
    );
    expect(res.status).toBe(200);
    expect(res.data.suggestions).toBeNull();
  });
});
