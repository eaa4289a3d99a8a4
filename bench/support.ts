import { randomUUID } from "node:crypto";
import { getDb } from "../app/lib/db.server";
import { staffUsers } from "../db/schema";

/** A staff user for the audit line of the bench export. */
export async function createStaffUserForBench() {
  const id = randomUUID();
  const email = `bench-${id.slice(0, 8)}@heemstede.test`;
  await getDb()
    .insert(staffUsers)
    .values({ id, email, name: "Bench", roles: ["onderzoeker"] });
  return { id, email };
}
