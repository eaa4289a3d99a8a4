import { bigserial, boolean, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const roles = ["beheerder", "ambtenaar", "onderzoeker", "partner"] as const;
export type Role = (typeof roles)[number];

export const staffUsers = pgTable(
  "staff_users",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    roles: text("roles").array().$type<Role[]>().notNull().default([]),
    active: boolean("active").notNull().default(true),
    isDemo: boolean("is_demo").notNull().default(false),
    /** Hash of a one-time invitation token; the invitee sets a password with it. */
    inviteTokenHash: text("invite_token_hash"),
    inviteExpiresAt: timestamp("invite_expires_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    /** TOTP secret (base32) once two-factor login is on; required for beheerders (docs/security.md). */
    totpSecret: text("totp_secret"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    /** The last accepted TOTP time step: a code is accepted once (replay protection). */
    totpLastStep: integer("totp_last_step"),
    /** A secret shown during enrolment, until the first code confirms it. */
    totpPendingSecret: text("totp_pending_secret"),
  },
  (t) => [index("staff_users_invite_idx").on(t.inviteTokenHash)],
);

export const staffSessions = pgTable("staff_sessions", {
  id: text("id").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => staffUsers.id, { onDelete: "cascade" }),
  expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
});

/** One-time recovery codes for two-factor login, stored as SHA-256 hashes (80-bit random codes). */
export const staffRecoveryCodes = pgTable(
  "staff_recovery_codes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => staffUsers.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("staff_recovery_codes_user_idx").on(t.userId)],
);

/** A password that was right, waiting for the second step (TOTP or recovery code). */
export const staffLoginChallenges = pgTable("staff_login_challenges", {
  tokenHash: text("token_hash").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => staffUsers.id, { onDelete: "cascade" }),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  attempts: integer("attempts").notNull().default(0),
});

/**
 * Login attempts per account (over all addresses) for the growing delay against spread attacks.
 * Keyed by the typed e-mail address, whether an account exists or not.
 */
export const loginDelays = pgTable("login_delays", {
  email: text("email").primaryKey(),
  attempts: integer("attempts").notNull().default(0),
  notBefore: timestamp("not_before", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
