// `npm run user:create -- --email X --role Y [--name N]`: create the first real administrator
// (or any staff user). Prints a one-time password, or asks for none when --password-stdin is given.
import { parseArgs } from "node:util";
import { z } from "zod";
import { roles } from "../domain/auth/roles";
import { createStaffUser } from "../domain/auth/staff-users.server";
import { closeDb } from "../lib/db.server";
import { getEnv } from "../lib/env.server";
import { migrateDatabase } from "../server/migrate";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    role: { type: "string", multiple: true },
    name: { type: "string" },
    password: { type: "string" },
  },
});

const input = z
  .object({
    email: z.string().email("--email must be an e-mail address"),
    role: z.array(z.enum(roles)).min(1, `--role must be one of: ${roles.join(", ")}`),
    name: z.string().min(1).optional(),
    password: z.string().min(12, "--password must have at least 12 characters").optional(),
  })
  .safeParse(values);
if (!input.success) {
  console.error(input.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
  console.error(
    "Usage: npm run user:create -- --email you@heemstede.nl --role beheerder [--name 'Your Name']",
  );
  process.exit(2);
}

await migrateDatabase(getEnv().DATABASE_URL);
const { user, password } = await createStaffUser(
  {
    email: input.data.email,
    name: input.data.name ?? input.data.email,
    roles: input.data.role,
    password: input.data.password,
  },
  null,
);
console.log(`Created ${user.email} with role(s) ${user.roles.join(", ")}.`);
if (!input.data.password) console.log(`Temporary password (shown once): ${password}`);
await closeDb();
