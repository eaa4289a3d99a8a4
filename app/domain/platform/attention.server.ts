// What needs attention, for the /beheer start page: counts per role, each with the link to the
// filtered list that shows exactly those items.
import { and, count, eq, isNull, lt } from "drizzle-orm";
import { contactMessages, initiatives, surveys } from "../../../db/schema";
import type { Role } from "../../../db/schema/staff";
import { type Executor, getDb } from "../../lib/db.server";
import { todayInHeemstede } from "../initiatives/rules";

export interface AttentionItem {
  key: "unassigned" | "overdue" | "contact" | "openSurveys";
  label: string;
  count: number;
  to: string;
}

const forStaff = (roles: readonly Role[], ...allowed: Role[]) => roles.some((r) => allowed.includes(r));

export async function attentionFor(roles: readonly Role[], db: Executor = getDb()): Promise<AttentionItem[]> {
  const items: Promise<AttentionItem>[] = [];
  const total = async (q: Promise<{ n: number }[]>) => (await q)[0]?.n ?? 0;
  if (forStaff(roles, "beheerder", "ambtenaar")) {
    items.push(
      total(
        db
          .select({ n: count() })
          .from(initiatives)
          .where(and(eq(initiatives.status, "new"), isNull(initiatives.accountManagerId))),
      ).then((n) => ({
        key: "unassigned" as const,
        label: "Nieuwe initiatieven zonder accounthouder",
        count: n,
        to: "/beheer/initiatieven?status=new&accounthouder=geen",
      })),
      total(
        db
          .select({ n: count() })
          .from(initiatives)
          .where(and(eq(initiatives.status, "new"), lt(initiatives.respondBy, todayInHeemstede()))),
      ).then((n) => ({
        key: "overdue" as const,
        label: "Initiatieven die te laat zijn met een antwoord",
        count: n,
        to: "/beheer/initiatieven?te-laat=ja",
      })),
      total(db.select({ n: count() }).from(contactMessages).where(eq(contactMessages.handled, false))).then(
        (n) => ({
          key: "contact" as const,
          label: "Contactberichten die nog open staan",
          count: n,
          to: "/beheer/contact?status=open",
        }),
      ),
    );
  }
  if (forStaff(roles, "beheerder", "onderzoeker"))
    items.push(
      total(db.select({ n: count() }).from(surveys).where(eq(surveys.status, "published"))).then((n) => ({
        key: "openSurveys" as const,
        label: "Enquêtes die open staan",
        count: n,
        to: "/beheer/enquetes",
      })),
    );
  return Promise.all(items);
}
