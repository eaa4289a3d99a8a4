// Every staff page, every role, and an anonymous visitor: exactly the access staffAccess gives.
// Table-driven from the files in app/routes, so a new /beheer route without an entry in
// staffAccess (or without a requireRole guard) fails here.
import fs from "node:fs";
import path from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, test } from "vitest";
import { type Role, roles, staffAccess } from "../../app/domain/auth/roles";
import { loginAs, resetDatabase } from "../support/db";
import { makeRequest, type Outcome, run } from "../support/remix";

const routesDir = path.resolve(import.meta.dirname, "../../app/routes");

interface StaffRoute {
  id: string;
  file: string;
  urlPath: string;
  paramNames: string[];
}

/** Remix flat-route file name (without extension) to a URL path with the params filled in. */
function toRoute(file: string): StaffRoute {
  const id = file.replace(/\.(tsx|ts|jsx|js)$/, "");
  const paramNames: string[] = [];
  const segments = id
    .split(".")
    .filter((s) => s !== "_index" && !s.startsWith("_"))
    .map((s) => s.replace(/_$/, ""))
    // An optional segment, e.g. ($pagina): filled in like any other.
    .map((s) => s.replace(/^\((.*)\)$/, "$1"))
    .map((s) => {
      if (s.startsWith("$")) {
        paramNames.push(s.slice(1) || "*");
        return `:${s.slice(1)}`;
      }
      return s;
    });
  return { id, file, urlPath: `/${segments.join("/")}`, paramNames };
}

const staffRoutes = fs
  .readdirSync(routesDir)
  .filter((f) => /\.(tsx|ts)$/.test(f) && !/\.test\./.test(f))
  .filter((f) => f.startsWith("beheer.") || /^beheer\.(tsx|ts)$/.test(f))
  .map(toRoute);

// A nonexistent record, in both shapes ids take in this app.
const missingIds = ["999999", "00000000-0000-0000-0000-000000000000"];

function urlFor(route: StaffRoute, value: string) {
  return route.urlPath.replace(/:[^/]+/g, value);
}

type Fn = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown;
interface RouteModule {
  loader?: Fn;
  action?: Fn;
}

const sessions = {} as Record<Role, string>;
beforeAll(async () => {
  await resetDatabase();
  for (const role of roles) sessions[role] = (await loginAs([role])).cookie;
});

test("the route list was found", () => {
  expect(staffRoutes.map((r) => r.id)).toEqual(
    expect.arrayContaining(["beheer", "beheer._index", "beheer.gebruikers", "beheer.audit"]),
  );
});

test.each(staffRoutes.map((r) => [r.id]))("%s has an entry in staffAccess", (id) => {
  expect(Object.keys(staffAccess)).toContain(id);
});

const visitors: (Role | "anoniem")[] = ["anoniem", ...roles];

function expectAccess(outcome: Outcome, allowed: boolean, visitor: Role | "anoniem", what: string) {
  const toLogin = outcome.status === 302 && (outcome.location ?? "").startsWith("/beheer/inloggen");
  if (visitor === "anoniem") {
    expect(toLogin, `${what}: anonymous goes to the login page (got ${outcome.status})`).toBe(true);
  } else if (!allowed) {
    expect(outcome.status, `${what}: ${visitor} gets 403`).toBe(403);
  } else {
    expect(toLogin, `${what}: ${visitor} is not sent to the login page`).toBe(false);
    expect(outcome.status, `${what}: ${visitor} is allowed`).not.toBe(403);
    expect(outcome.status, `${what}: ${visitor} gets no server error`).toBeLessThan(500);
  }
}

describe.each(staffRoutes.map((r) => [r.id, r] as const))("%s", (id, route) => {
  const allowedRoles: readonly Role[] = (staffAccess as Record<string, readonly Role[]>)[id] ?? [];
  const values = route.paramNames.length ? missingIds : ["-"];

  test.each(visitors.map((v) => [v]))("loader and action for %s", async (visitor) => {
    const mod = (await import(path.join(routesDir, route.file))) as RouteModule;
    expect(mod.loader ?? mod.action, `${id} has a loader or an action`).toBeTruthy();
    const cookie = visitor === "anoniem" ? undefined : sessions[visitor];
    const allowed = visitor !== "anoniem" && allowedRoles.includes(visitor);
    for (const value of values) {
      const params = Object.fromEntries(route.paramNames.map((n) => [n, value]));
      const url = urlFor(route, value);
      if (mod.loader) {
        const outcome = await run(mod.loader, makeRequest(url, { cookie }), params);
        expectAccess(outcome, allowed, visitor, `GET ${url}`);
      }
      if (mod.action) {
        const outcome = await run(mod.action, makeRequest(url, { method: "POST", form: {}, cookie }), params);
        expectAccess(outcome, allowed, visitor, `POST ${url}`);
      }
    }
  });
});
