// Bad input never gives a 500 or a stack trace (docs/security.md, issue 12 point 4): a bounded,
// deterministic fuzz run over EVERY route of the app through the whole HTTP stack (Express, the request
// guard, Remix, the real route modules, a real database with demo data), as an anonymous visitor and as a
// logged-in staff user. The routes come from the same flat-routes manifest Remix builds, so a new route
// file is fuzzed without touching this test; the parameter names come from the route file's source
// (search parameters, form fields, intents) plus a few every page may meet.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { getDb } from "../../app/lib/db.server";
import { createHttpApp } from "../../app/server/http";
import { seedDemoOnce } from "../../db/seed";
import { loginAs, resetDatabase } from "../support/db";

const appDir = path.resolve(import.meta.dirname, "../../app");
const SEED = 20261201;
const MAX_REQUESTS = 800;
/**
 * Requests in flight at once. The app runs in this process, so serial requests leave it idle while
 * PostgreSQL works; a few at a time overlap that waiting. Most of a request is CPU in this process
 * (rendering, Remix's route matching over ~100 routes), so more lanes would not help. The requests
 * themselves (and their number) are fixed by the seed before any is sent; only their order varies.
 */
const CONCURRENCY = 6;

/** mulberry32: a small seeded generator, so every run sends the same requests. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface FuzzRoute {
  id: string;
  file: string;
  /** URL pattern with :param and * segments. */
  pattern: string;
  params: string[];
  /** Search and form field names read in the route file. */
  fields: string[];
  /** Values of the "intent" field found in the route file. */
  intents: string[];
  hasAction: boolean;
}

type RouteManifestEntry = {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
  file: string;
};

async function loadManifest(): Promise<Record<string, RouteManifestEntry>> {
  // The function Remix's Vite plugin uses for app/routes (remix.config.js: v3_routeConfig off).
  const { flatRoutes } = (await import("@remix-run/dev/dist/config/flat-routes.js")) as unknown as {
    flatRoutes: (appDir: string, ignored: string[]) => Record<string, RouteManifestEntry>;
  };
  const routes = flatRoutes(appDir, ["**/*.test.*", "**/.*"]);
  return { root: { id: "root", path: "", file: "root.tsx" }, ...routes };
}

function fullPattern(manifest: Record<string, RouteManifestEntry>, id: string): string {
  const parts: string[] = [];
  for (
    let r: RouteManifestEntry | undefined = manifest[id];
    r;
    r = r.parentId ? manifest[r.parentId] : undefined
  )
    if (r.path) parts.unshift(r.path);
  return `/${parts.join("/")}`.replace(/\/+/g, "/");
}

/** Names the route reads: searchParams.get("x"), form.get("x"), name="x", and the intents. */
function namesIn(source: string) {
  const fields = new Set<string>();
  for (const m of source.matchAll(/\.(?:get|getAll|has)\(\s*"([A-Za-z0-9_.[\]-]{1,40})"\s*\)/g))
    fields.add(m[1]!);
  for (const m of source.matchAll(/\bname=["{]"?([A-Za-z0-9_.[\]-]{1,40})"/g)) fields.add(m[1]!);
  const intents = new Set<string>();
  for (const m of source.matchAll(/name="intent"\s+value="([^"]{1,40})"/g)) intents.add(m[1]!);
  for (const m of source.matchAll(/intent\s*===?\s*"([^"]{1,40})"/g)) intents.add(m[1]!);
  for (const m of source.matchAll(/case\s+"([a-z][a-z0-9-]{0,39})":/g)) intents.add(m[1]!);
  return { fields: [...fields], intents: [...intents] };
}

// Malformed values (issue 12: NUL bytes, overflowing numbers, overlong text, odd encodings).
const badValues = [
  "",
  "0",
  "-1",
  "1",
  "2",
  "99999999999",
  "9223372036854775808",
  "1e308",
  "NaN",
  "1.5",
  "a\u0000b",
  "x".repeat(5000),
  "ø".repeat(300),
  "<script>alert(1)</script>",
  "' or 1=1 --",
  "00000000-0000-0000-0000-000000000000",
  "../../etc/passwd",
  "%",
  "\uD800",
  "2026-13-45",
  "[]",
  "true",
];
const paramValues = [
  "1",
  "2",
  "999999",
  "99999999999",
  "9223372036854775808",
  "-1",
  "0",
  "abc",
  "00000000-0000-0000-0000-000000000000",
  "x".repeat(300),
  "%25",
  "%E2%82",
  "a%00b",
  "csv",
  "xlsx",
  "json",
  "woonvisie",
];

interface Sent {
  method: string;
  url: string;
  as: string;
  status: number;
  problem?: string;
  ms: number;
}

let base = "";
let server: http.Server | undefined;
let staffCookie = "";
/** A second session for the logout page, so the staff user stays logged in for the other routes. */
let logoutCookie = "";
let routes: FuzzRoute[] = [];
const results: Sent[] = [];

/** Setup phases and request times, printed with FUZZ_STATS=1 (to see where the time goes). */
const timings: Record<string, number> = {};
async function timed<T>(name: string, work: Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await work;
  timings[name] = Math.round(performance.now() - started);
  return value;
}

beforeAll(async () => {
  // The database (reset, demo data, two logins) and the route modules (transformed and imported) are
  // independent: prepare them side by side.
  const database = timed(
    "database",
    (async () => {
      await resetDatabase();
      await seedDemoOnce(getDb());
      const [staff, logout] = await Promise.all([
        loginAs(["beheerder", "ambtenaar", "onderzoeker"]),
        loginAs(["ambtenaar"]),
      ]);
      staffCookie = staff.cookie;
      logoutCookie = logout.cookie;
    })(),
  );
  const manifest = await loadManifest();
  const modules: Record<string, Record<string, unknown>> = {};
  const [entry] = await timed(
    "modules",
    Promise.all([
      import(path.join(appDir, "entry.server.tsx")) as Promise<Record<string, unknown>>,
      ...Object.entries(manifest).map(async ([id, r]) => {
        modules[id] = (await import(path.join(appDir, r.file))) as Record<string, unknown>;
      }),
    ]),
  );
  await database;

  const buildRoutes: Record<string, unknown> = {};
  const assetRoutes: Record<string, unknown> = {};
  for (const [id, r] of Object.entries(manifest)) {
    const m = modules[id]!;
    const common = { id, parentId: r.parentId, path: r.path, index: r.index, caseSensitive: r.caseSensitive };
    buildRoutes[id] = { ...common, module: m };
    assetRoutes[id] = {
      ...common,
      module: `/assets/${id}.js`,
      imports: [],
      hasAction: !!m.action,
      hasLoader: !!m.loader,
      hasClientAction: false,
      hasClientLoader: false,
      hasErrorBoundary: !!m.ErrorBoundary,
    };
  }
  const build = {
    mode: "production",
    entry: { module: entry },
    routes: buildRoutes,
    assets: {
      routes: assetRoutes,
      entry: { module: "/assets/entry.client.js", imports: [] },
      url: "/assets/manifest.js",
      version: "fuzz",
    },
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    future: {
      v3_fetcherPersist: true,
      v3_relativeSplatPath: true,
      v3_throwAbortReason: true,
      v3_singleFetch: true,
      v3_lazyRouteDiscovery: true,
    },
    isSpaMode: false,
  } as unknown as ServerBuild;

  routes = Object.entries(manifest)
    .filter(([id]) => id !== "root")
    .map(([id, r]) => {
      const pattern = fullPattern(manifest, id);
      const source = fs.readFileSync(path.join(appDir, r.file), "utf8");
      return {
        id,
        file: r.file,
        pattern,
        params: [...pattern.matchAll(/:([A-Za-z0-9_]+)\??|\*/g)].map((m) => m[1] ?? "*"),
        ...namesIn(source),
        hasAction: !!modules[id]!.action,
      };
    });

  const app = createHttpApp({ getBuild: async () => build });
  server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server!.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(() => {
  server?.close();
});

function fill(pattern: string, pick: () => string): string {
  return pattern
    .replace(/\/:[A-Za-z0-9_]+\?/g, () => (pick().length % 2 ? `/${encodeURIComponent(pick())}` : ""))
    .replace(/:[A-Za-z0-9_]+/g, () => pick())
    .replace(/\*/g, () => pick());
}

/** A stack trace or a source path in a page means an error escaped to the visitor. */
function leak(body: string): string | undefined {
  const m =
    body.match(/\n\s+at [^\n]*:\d+:\d+/) ??
    body.match(
      /node_modules|\/app\/(domain|routes|lib)\/|\.server\.ts|PostgresError|TypeError:|ReferenceError:/,
    );
  return m?.[0];
}

/** One request through node:http (fetch refuses methods like TRACE); the status and body. */
function request(method: string, url: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(`${base}${url}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function send(
  method: string,
  url: string,
  as: "anoniem" | "medewerker",
  init: { body?: string | URLSearchParams; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.body instanceof URLSearchParams) headers["Content-Type"] = "application/x-www-form-urlencoded";
  if (as === "medewerker") headers.Cookie = url.includes("uitloggen") ? logoutCookie : staffCookie;
  if (method === "POST") headers.Origin = base;
  let status = 0;
  let problem: string | undefined;
  const started = performance.now();
  try {
    const res = await request(method, url, headers, init.body?.toString());
    status = res.status;
    const leaked = leak(res.body);
    if (status >= 500) problem = `status ${status}`;
    else if (leaked) problem = `stack trace or source path in the body: ${leaked}`;
  } catch (error) {
    problem = `request failed: ${(error as Error).message}`;
  }
  results.push({ method, url: url.slice(0, 200), as, status, problem, ms: performance.now() - started });
}

test("every route is found in the manifest", () => {
  expect(routes.length).toBeGreaterThan(80);
  expect(routes.map((r) => r.pattern)).toEqual(
    expect.arrayContaining(["/beheer/inloggen", "/enquete/:slug", "/idee/nieuw", "/beheer/gebruikers"]),
  );
});

test("fuzzed requests over every route and parameter never give a 500 or a stack trace", async () => {
  // React Router warns on the console for every unknown URL outside production; that is not a failure.
  const warnings: string[] = [];
  vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => {
    const text = args.map(String).join(" ");
    if (!text.startsWith("No routes matched location")) warnings.push(text);
  });
  const rnd = random(SEED);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const genericFields = ["pagina", "q", "id", "status", "intent", "index"];
  const plans: (() => Promise<void>)[] = [];

  for (const route of routes) {
    const fields = [...new Set([...route.fields, ...genericFields])];
    const url = () => fill(route.pattern, () => pick(paramValues));
    const query = () =>
      new URLSearchParams(fields.filter(() => rnd() < 0.5).map((f) => [f, pick(badValues)])).toString();
    const form = (intent?: string) => {
      const body = new URLSearchParams();
      for (const f of fields) if (rnd() < 0.7) body.append(f, pick(badValues));
      if (intent) body.set("intent", intent);
      return body;
    };
    // The staff user skips intents that would end its own session.
    const intents = route.intents.filter((i) => !/uitlog|logout|disable|uitzetten/i.test(i));
    for (const as of ["anoniem", "medewerker"] as const) {
      // A GET with malformed parameters: the page, or its single-fetch data request.
      const u = url();
      const data = rnd() < 0.3 ? `${u === "/" ? "/_root" : u}.data` : u;
      plans.push(() => send("GET", `${data}?${query()}`, as));
      // A POST with a malformed form, with one of the route's intents.
      const body = form(intents.length ? pick(intents) : undefined);
      const u2 = url();
      plans.push(() => send("POST", u2, as, { body }));
    }
    // A POST without a form: wrong or missing Content-Type, or a broken multipart body.
    const u3 = url();
    const as3 = pick(["anoniem", "medewerker"] as const);
    const type = pick([
      "application/json",
      "text/plain",
      "multipart/form-data",
      "multipart/form-data; boundary=x",
      "",
    ]);
    const raw = pick(['{"a":1}', "a=1", "\u0000", "--x\r\nbroken"]);
    plans.push(() => send("POST", u3, as3, { body: raw, headers: type ? { "Content-Type": type } : {} }));
    // An unexpected method.
    const u4 = url();
    const method = pick(["PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "HEAD"]);
    plans.push(() => send(method, u4, pick(["anoniem", "medewerker"] as const)));
  }
  // Malformed URLs.
  for (const u of ["/%", "/%E2%82", "/beheer/%00", `/${"a".repeat(9000)}`, "/enquete/%ZZ", "/..%2f..%2fetc"])
    plans.push(() => send("GET", u, "anoniem"));

  expect(plans.length).toBeGreaterThan(300);
  expect(plans.length).toBeLessThan(MAX_REQUESTS);
  let next = 0;
  const lane = async () => {
    while (next < plans.length) await plans[next++]!();
  };
  await timed("requests", Promise.all(Array.from({ length: CONCURRENCY }, lane)));

  if (process.env.FUZZ_STATS) {
    const tally: Record<string, number> = {};
    for (const r of results)
      tally[`${r.as} ${r.method} ${r.status}`] = (tally[`${r.as} ${r.method} ${r.status}`] ?? 0) + 1;
    const slowest = [...results].sort((a, b) => b.ms - a.ms).slice(0, 10);
    process.stdout.write(
      `${results.length} requests, ${CONCURRENCY} at a time: ${JSON.stringify(tally)}\n` +
        `timings (ms): ${JSON.stringify(timings)}; sum of request times ${Math.round(results.reduce((t, r) => t + r.ms, 0))}\n` +
        `slowest: ${slowest.map((r) => `${Math.round(r.ms)} ms ${r.method} ${r.url.slice(0, 80)}`).join("\n  ")}\n`,
    );
  }
  const failures = results.filter((r) => r.problem);
  expect(failures.map((f) => `${f.as} ${f.method} ${f.url} → ${f.status}: ${f.problem}`)).toEqual([]);
  expect(warnings).toEqual([]);
  // The fuzz reached the routes: not everything was refused at the door.
  expect(results.filter((r) => r.status === 200).length).toBeGreaterThan(50);
  // The staff user was logged in to the end, so every staff request really ran as staff.
  expect((await request("GET", "/beheer", { Cookie: staffCookie })).status).toBe(200);
}, 240_000);
