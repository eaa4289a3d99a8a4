// Bad input never gives a 500: the whole HTTP stack (Express + Remix) with a fake build whose
// routes fail the way the real ones did (PostgreSQL errors), plus the request guard's own refusals.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { ServerBuild } from "@remix-run/node";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { getDb } from "../../app/lib/db.server";
import { createHttpApp } from "../../app/server/http";

let base = "";
let close = () => {};

// One real query per route that breaks the way real routes broke on bad input.
const failing: Record<string, () => Promise<unknown>> = {
  overflow: () => getDb().execute(sql`select ${"99999999999"}::int`),
  unique: () => getDb().execute(sql`select 1 from (values (1)) v where (select raise_unique())`),
  plain: async () => "ok",
};

beforeAll(async () => {
  await getDb().execute(sql`create or replace function raise_unique() returns boolean language plpgsql as
    $$ begin raise unique_violation using message = 'duplicate key'; end $$`);
  const route = (id: string, path: string, run: () => Promise<unknown>) => ({
    id,
    parentId: "root",
    path,
    index: undefined,
    caseSensitive: undefined,
    module: {
      loader: async () => {
        await run();
        return new Response("ok");
      },
      action: async ({ request }: { request: Request }) => {
        await request.formData();
        await run();
        return new Response("ok");
      },
    },
  });
  const build = {
    mode: "production",
    entry: { module: { default: () => new Response("page") } },
    routes: {
      root: { id: "root", path: "", module: { default: () => null } },
      ...Object.fromEntries(Object.entries(failing).map(([k, f]) => [k, route(k, k, f)])),
    },
    assets: { routes: {}, entry: { module: "", imports: [] }, url: "", version: "1" },
    publicPath: "/",
    assetsBuildDirectory: "",
    future: {},
    isSpaMode: false,
  } as unknown as ServerBuild;
  const app = createHttpApp({ getBuild: async () => build });
  const server = app.listen(0);
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

const form = { "Content-Type": "application/x-www-form-urlencoded" };

test.each([
  ["DELETE", "/plain", {}, undefined, 405],
  ["PUT", "/plain", form, "a=1", 405],
  ["POST", "/plain", {}, "a=1", 400],
  ["POST", "/plain", { "Content-Type": "application/json" }, '{"a":1}', 400],
  ["POST", "/plain", { "Content-Type": "text/plain" }, "a=1", 400],
  ["POST", "/plain", form, "name=a%00b", 400],
  ["GET", "/plain?filter=%00", {}, undefined, 400],
  ["GET", "/plain/%E2%82", {}, undefined, 400],
  ["GET", "/%", {}, undefined, 400],
  ["GET", "/overflow?pagina=99999999999", {}, undefined, 400],
  ["GET", "/unique", {}, undefined, 409],
  ["POST", "/plain", form, "name=gewoon", 200],
] as const)("%s %s %j → %s", async (method, path, headers, body, status) => {
  const res = await fetch(`${base}${path}`, { method, headers, body });
  expect(res.status).toBe(status);
  if (status !== 200) {
    const text = await res.text();
    expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
  }
  if (status === 405) expect(res.headers.get("Allow")).toBe("GET, HEAD, POST");
});

test("TRACE gets a Dutch 405 (fetch cannot send TRACE, so a raw request)", async () => {
  const { port } = new URL(base);
  const status = await new Promise<number>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: "/plain", method: "TRACE" }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
  expect(status).toBe(405);
});
