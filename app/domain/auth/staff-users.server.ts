import { randomBytes, randomUUID } from "node:crypto";
import { and, asc, eq, gt, ne, sql } from "drizzle-orm";
import { staffUsers } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { composeMail, queueMail } from "../../lib/mail.server";
import { createToken, hashToken } from "../../lib/tokens.server";
import { type Actor, audit } from "../audit/audit.server";
import { endAllSessions } from "./auth.server";
import { hashPassword } from "./password.server";
import { type Role, roleLabels } from "./roles";

export class StaffUserError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const INVITE_DAYS = 7;

export async function listStaffUsers(db: Executor = getDb()) {
  return db
    .select({
      id: staffUsers.id,
      email: staffUsers.email,
      name: staffUsers.name,
      roles: staffUsers.roles,
      active: staffUsers.active,
      isDemo: staffUsers.isDemo,
      invited: sql<boolean>`${staffUsers.passwordHash} is null`,
      lastLoginAt: staffUsers.lastLoginAt,
    })
    .from(staffUsers)
    .orderBy(asc(staffUsers.name));
}

/** A new staff user with a password or an invitation; an address that is taken is a StaffUserError. */
async function insertStaffUser(
  input: { email: string; name: string; roles: Role[] },
  credentials: { passwordHash: string } | { inviteTokenHash: string; inviteExpiresAt: Date },
  tx: Executor,
) {
  const [row] = await tx
    .insert(staffUsers)
    .values({
      id: randomUUID(),
      email: input.email.toLowerCase(),
      name: input.name,
      roles: input.roles,
      ...credentials,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new StaffUserError("Er is al een gebruiker met dit e-mailadres.", "email");
  return row;
}

/** Create a user with a password (CLI) — generates a strong one when none is given. */
export async function createStaffUser(
  input: { email: string; name: string; roles: Role[]; password?: string },
  actor: Actor | null,
) {
  const password = input.password ?? randomBytes(18).toString("base64url");
  const passwordHash = await hashPassword(password);
  const user = await getDb().transaction(async (tx) => {
    const row = await insertStaffUser(input, { passwordHash }, tx);
    await audit(
      actor,
      {
        action: "staff_user.created",
        entityType: "staff_user",
        entityId: row.id,
        details: { email: row.email, roles: row.roles },
      },
      tx,
    );
    return row;
  });
  return { user, password };
}

/** Invite a colleague: an account without password and a mailed link to choose one (valid 7 days). */
export async function inviteStaffUser(input: { email: string; name: string; roles: Role[] }, actor: Actor) {
  const token = createToken();
  return getDb().transaction(async (tx) => {
    const row = await insertStaffUser(
      input,
      {
        inviteTokenHash: hashToken(token),
        inviteExpiresAt: new Date(Date.now() + INVITE_DAYS * 86_400_000),
      },
      tx,
    );
    const link = `${getEnv().APP_URL}/beheer/uitnodiging/${token}`;
    const mail = composeMail([
      `Beste ${row.name},`,
      `U bent uitgenodigd voor het beheer van Wij maken Heemstede, met de rol: ${row.roles.map((r) => roleLabels[r]).join(", ")}.`,
      `Kies binnen ${INVITE_DAYS} dagen een wachtwoord via deze link: ${link}`,
      "Heeft u deze uitnodiging niet verwacht? Dan kunt u deze e-mail negeren.",
    ]);
    await queueMail(
      {
        to: row.email,
        subject: "Uitnodiging voor Wij maken Heemstede",
        kind: "staff.invite",
        ...mail,
      },
      tx,
    );
    await audit(
      actor,
      {
        action: "staff_user.invited",
        entityType: "staff_user",
        entityId: row.id,
        details: { email: row.email, roles: row.roles },
      },
      tx,
    );
    return { user: row, token };
  });
}

export async function findInvite(token: string) {
  const [row] = await getDb()
    .select({ id: staffUsers.id, name: staffUsers.name, email: staffUsers.email })
    .from(staffUsers)
    .where(
      and(
        eq(staffUsers.inviteTokenHash, hashToken(token)),
        gt(staffUsers.inviteExpiresAt, new Date()),
        eq(staffUsers.active, true),
      ),
    );
  return row ?? null;
}

/** Accept an invitation: set the password once; the token is then used up. */
export async function acceptInvite(token: string, password: string): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(staffUsers)
      .set({ passwordHash, inviteTokenHash: null, inviteExpiresAt: null })
      .where(
        and(eq(staffUsers.inviteTokenHash, hashToken(token)), gt(staffUsers.inviteExpiresAt, new Date())),
      )
      .returning();
    if (!row) return false;
    await audit(
      { id: row.id, email: row.email },
      { action: "staff_user.password_set", entityType: "staff_user", entityId: row.id },
      tx,
    );
    return true;
  });
}

async function activeAdminsOtherThan(userId: string, tx: Executor): Promise<number> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(staffUsers)
    .where(
      and(
        ne(staffUsers.id, userId),
        eq(staffUsers.active, true),
        sql`'beheerder' = any(${staffUsers.roles})`,
      ),
    );
  return row?.count ?? 0;
}

export async function changeRoles(userId: string, newRoles: Role[], actor: Actor) {
  if (newRoles.length === 0) throw new StaffUserError("Kies minstens één rol.", "roles");
  await getDb().transaction(async (tx) => {
    const [user] = await tx.select().from(staffUsers).where(eq(staffUsers.id, userId)).for("update");
    if (!user) throw new StaffUserError("Deze gebruiker bestaat niet.");
    if (
      user.roles.includes("beheerder") &&
      !newRoles.includes("beheerder") &&
      (await activeAdminsOtherThan(userId, tx)) === 0
    ) {
      throw new StaffUserError("Er moet altijd minstens één actieve beheerder zijn.", "roles");
    }
    await tx.update(staffUsers).set({ roles: newRoles }).where(eq(staffUsers.id, userId));
    await audit(
      actor,
      {
        action: "staff_user.roles_changed",
        entityType: "staff_user",
        entityId: userId,
        details: { email: user.email, from: user.roles, to: newRoles },
      },
      tx,
    );
  });
  await endAllSessions(userId);
}

export async function setActive(userId: string, active: boolean, actor: Actor) {
  if (!active && userId === actor.id) throw new StaffUserError("U kunt uw eigen account niet uitzetten.");
  await getDb().transaction(async (tx) => {
    const [user] = await tx.select().from(staffUsers).where(eq(staffUsers.id, userId)).for("update");
    if (!user) throw new StaffUserError("Deze gebruiker bestaat niet.");
    if (!active && user.roles.includes("beheerder") && (await activeAdminsOtherThan(userId, tx)) === 0) {
      throw new StaffUserError("Er moet altijd minstens één actieve beheerder zijn.");
    }
    await tx.update(staffUsers).set({ active }).where(eq(staffUsers.id, userId));
    await audit(
      actor,
      {
        action: active ? "staff_user.activated" : "staff_user.deactivated",
        entityType: "staff_user",
        entityId: userId,
        details: { email: user.email },
      },
      tx,
    );
  });
  if (!active) await endAllSessions(userId);
}
