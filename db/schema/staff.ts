import { boolean, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

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
