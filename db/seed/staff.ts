import { randomUUID } from "node:crypto";
import { hashPassword } from "../../app/domain/auth/password.server";
import type { Executor } from "../../app/lib/db.server";
import { type Role, staffUsers } from "../schema";

/** Shown by `npm start` and in the README. Demo accounts only exist when SEED_DEMO is on. */
export const DEMO_PASSWORD = "heemstede-demo-2026";

/**
 * The demo beheerder's two-factor secret (base32), public like the password: beheerders must log in
 * with a code (docs/security.md), so the demo shows that step. `npm start` prints it and
 * `npm run demo:code` prints the current code. Never use demo accounts in production.
 */
export const DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPKZXW4ZLNN5SGK3LP";

export const demoStaff: { email: string; name: string; roles: Role[] }[] = [
  { email: "beheerder@demo.wijmakenheemstede.nl", name: "Bea Beheer (demo)", roles: ["beheerder"] },
  { email: "ambtenaar@demo.wijmakenheemstede.nl", name: "Arjen Ambtenaar (demo)", roles: ["ambtenaar"] },
  { email: "onderzoeker@demo.wijmakenheemstede.nl", name: "Olga Onderzoek (demo)", roles: ["onderzoeker"] },
  { email: "groen@demo.wijmakenheemstede.nl", name: "Gijs Groen (demo)", roles: ["ambtenaar"] },
  // Prestatieafspraken partners; db/seed/monitor.ts links each to its organisation.
  { email: "elan@demo.wijmakenheemstede.nl", name: "Eva Elan Wonen (demo)", roles: ["partner"] },
  { email: "pre@demo.wijmakenheemstede.nl", name: "Piet Pré Wonen (demo)", roles: ["partner"] },
  {
    email: "bewonersraad@demo.wijmakenheemstede.nl",
    name: "Bram Bewonersraad Elan Wonen (demo)",
    roles: ["partner"],
  },
  {
    email: "bewonerskern@demo.wijmakenheemstede.nl",
    name: "Kim Bewonerskern Pré (demo)",
    roles: ["partner"],
  },
];

export async function seedStaff(db: Executor) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db
    .insert(staffUsers)
    .values(
      demoStaff.map((s) => ({
        id: randomUUID(),
        ...s,
        passwordHash,
        isDemo: true,
        ...(s.roles.includes("beheerder") ? { totpSecret: DEMO_TOTP_SECRET, totpEnabledAt: new Date() } : {}),
      })),
    )
    .onConflictDoNothing();
}
