import { and, desc, eq, gte, ilike, lt, sql } from "drizzle-orm";
import { auditLog, staffUsers } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import type { AuditAction } from "./actions";

export interface Actor {
  id: string;
  email: string;
}

export interface AuditEntry {
  /** A code from the audit vocabulary (actions.ts): each has its Dutch description for /beheer/audit. */
  action: AuditAction;
  entityType: string;
  entityId?: string | number | null;
  details?: Record<string, unknown>;
}

/**
 * The one function every staff write passes. Call it inside the same transaction as the change,
 * so a change without its audit line cannot be committed.
 */
export async function audit(actor: Actor | null, entry: AuditEntry, db: Executor) {
  await db.insert(auditLog).values({
    actorId: actor?.id ?? null,
    actorEmail: actor?.email ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    details: entry.details ?? {},
  });
}

export interface AuditFilter {
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  /** Exclusive upper bound. */
  until?: Date;
  page: number;
  pageSize: number;
}

export async function listAudit(filter: AuditFilter, db: Executor = getDb()) {
  const where = and(
    filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
    filter.action ? ilike(auditLog.action, `${filter.action.replace(/[%_\\]/g, "\\$&")}%`) : undefined,
    filter.entityType ? eq(auditLog.entityType, filter.entityType) : undefined,
    filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
    filter.from ? gte(auditLog.at, filter.from) : undefined,
    filter.until ? lt(auditLog.at, filter.until) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actorEmail: auditLog.actorEmail,
        actorName: staffUsers.name,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        details: auditLog.details,
      })
      .from(auditLog)
      .leftJoin(staffUsers, eq(staffUsers.id, auditLog.actorId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ count: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ]);
  return { rows, total: total?.count ?? 0 };
}

export async function listAuditActions(db: Executor = getDb()): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}
