// Who is using the monitor (gemeente staff or a partner and their organisation) and the helpers every
// monitor write shares: audit entries with their Dutch description, organisations (docs/monitor.md).
import { asc, eq } from "drizzle-orm";
import { monitorOrganisations, monitorPartners } from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import { auditActions } from "../audit/actions";
import type { Actor } from "../audit/audit.server";
import type { Role } from "../auth/roles";
import type { Writer } from "./rules";
import type { MonitorAuditAction } from "./vocabulary";

export const GEMEENTE_ID = "gemeente-heemstede";

export interface MonitorUser {
  id: string;
  email: string;
  name: string;
  roles: readonly Role[];
}

/** Who is writing: gemeente staff speak for the gemeente, a partner for their own organisation. */
export interface MonitorViewer {
  user: MonitorUser;
  isGemeente: boolean;
  writer: Writer | null;
  organisationName: string | null;
}

export async function monitorViewer(user: MonitorUser, db: Executor): Promise<MonitorViewer> {
  const isGemeente = user.roles.includes("ambtenaar") || user.roles.includes("beheerder");
  if (isGemeente)
    return {
      user,
      isGemeente,
      writer: { organisationId: GEMEENTE_ID, organisationKind: "municipality" },
      organisationName: "Gemeente Heemstede",
    };
  const [row] = await db
    .select({ id: monitorOrganisations.id, name: monitorOrganisations.name, kind: monitorOrganisations.kind })
    .from(monitorPartners)
    .innerJoin(monitorOrganisations, eq(monitorOrganisations.id, monitorPartners.organisationId))
    .where(eq(monitorPartners.userId, user.id));
  return {
    user,
    isGemeente: false,
    writer: row ? { organisationId: row.id, organisationKind: row.kind } : null,
    organisationName: row?.name ?? null,
  };
}

export function auditEntry(
  action: MonitorAuditAction,
  entityType: string,
  entityId: string | number,
  details: object,
) {
  return { action, entityType, entityId, details: { omschrijving: auditActions[action], ...details } };
}

export function actorOf(user: MonitorUser): Actor {
  return { id: user.id, email: user.email };
}

// ---- Reading ----

export async function listOrganisations(db: Executor) {
  return db
    .select()
    .from(monitorOrganisations)
    .orderBy(asc(monitorOrganisations.kind), asc(monitorOrganisations.name));
}
