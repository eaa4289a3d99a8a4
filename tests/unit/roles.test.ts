import { describe, expect, test } from "vitest";
import { authorize } from "../../app/domain/auth/guard";
import { hasAnyRole, type Role, staffAccess } from "../../app/domain/auth/roles";

describe("role guard", () => {
  test.each([
    [["beheerder"], ["beheerder"], true],
    [["ambtenaar"], ["beheerder"], false],
    [["ambtenaar", "onderzoeker"], ["onderzoeker"], true],
    [[], ["beheerder", "ambtenaar", "onderzoeker"], false],
  ] as const)("roles %j against %j -> %s", (userRoles, allowed, expected) => {
    expect(hasAnyRole(userRoles, allowed)).toBe(expected);
  });

  test("only a beheerder manages users and reads the audit log and outgoing mail", () => {
    expect(staffAccess["beheer.gebruikers"]).toEqual(["beheerder"]);
    expect(staffAccess["beheer.audit"]).toEqual(["beheerder"]);
    expect(staffAccess["beheer.uitgaande-mail"]).toEqual(["beheerder"]);
  });

  test("an anonymous visitor is sent to the login page, with the way back", () => {
    const thrown = (() => {
      try {
        authorize(null, ["beheerder"], "http://x/beheer/audit?x=1");
      } catch (e) {
        return e;
      }
    })() as Response;
    expect(thrown.status).toBe(302);
    expect(thrown.headers.get("Location")).toBe("/beheer/inloggen?terug=%2Fbeheer%2Faudit%3Fx%3D1");
  });

  test("a user without the role gets 403", () => {
    const user = { roles: ["ambtenaar"] as Role[] };
    const thrown = (() => {
      try {
        authorize(user, ["beheerder"], "http://x/beheer/audit");
      } catch (e) {
        return e;
      }
    })() as Response;
    expect(thrown.status).toBe(403);
  });

  test("a user with the role passes and is returned", () => {
    const user = { roles: ["onderzoeker"] as Role[], name: "O" };
    expect(authorize(user, ["beheerder", "onderzoeker"], "http://x/beheer")).toBe(user);
  });
});
