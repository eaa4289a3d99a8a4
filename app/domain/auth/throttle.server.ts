// Login throttling in PostgreSQL (shared by all app servers). Every attempt is counted BEFORE the
// password is checked, each count in one statement, so N parallel attempts against a limit of L
// let exactly L through. Rules and numbers: policy.ts and docs/security.md.
import { sql } from "drizzle-orm";
import type { Executor } from "../../lib/db.server";
import { hit, reset } from "../../lib/rate-limit.server";
import {
  LOGIN_ADDRESS_THROTTLE,
  LOGIN_DELAY_RESET_MINUTES,
  LOGIN_FREE_ATTEMPTS,
  LOGIN_MAX_DELAY_SECONDS,
  LOGIN_THROTTLE,
} from "./policy";

export type LoginClaim = { allowed: true; attempts: number } | { allowed: false; retryAfterSeconds: number };

function keys(email: string, ip: string) {
  return { accountAddress: `login:account-ip:${email}:${ip}`, address: `login:ip:${ip}` };
}

/**
 * Claim one login attempt for this account from this address. Refused when this address tried
 * this account too often, when this address tried too many accounts, or when the account's growing
 * delay (over all addresses) has not passed yet. Refusals only hold for minutes.
 */
export async function claimLoginAttempt(email: string, ip: string, db: Executor): Promise<LoginClaim> {
  const k = keys(email, ip);
  const accountAddress = await hit(k.accountAddress, LOGIN_THROTTLE, db);
  if (!accountAddress.allowed) return { allowed: false, retryAfterSeconds: accountAddress.retryAfterSeconds };
  const address = await hit(k.address, LOGIN_ADDRESS_THROTTLE, db);
  if (!address.allowed) return { allowed: false, retryAfterSeconds: address.retryAfterSeconds };

  // One statement: count the attempt and move the account's "not before" time, but only when that
  // time has passed. Row locking makes parallel attempts wait and re-check, so one gets through.
  // clock_timestamp(), not now(): a statement that waited for another's row lock must compare with
  // the time after the wait, not with its own start.
  const next = sql`(case when login_delays.updated_at < clock_timestamp() - make_interval(mins => ${LOGIN_DELAY_RESET_MINUTES})
    then 1 else login_delays.attempts + 1 end)`;
  const rows = await db.execute<{ attempts: number }>(sql`
    insert into login_delays (email, attempts, not_before, updated_at) values (${email}, 1, clock_timestamp(), clock_timestamp())
    on conflict (email) do update set
      attempts = ${next},
      not_before = clock_timestamp() + make_interval(secs => least(${LOGIN_MAX_DELAY_SECONDS},
        case when ${next} < ${LOGIN_FREE_ATTEMPTS} then 0 else power(2, ${next} - ${LOGIN_FREE_ATTEMPTS}) end)),
      updated_at = clock_timestamp()
    where login_delays.not_before <= clock_timestamp()
    returning attempts`);
  if (rows[0]) return { allowed: true, attempts: Number(rows[0].attempts) };
  const [row] = await db.execute<{ wait: number }>(
    sql`select greatest(1, ceil(extract(epoch from not_before - clock_timestamp())))::int as wait from login_delays where email = ${email}`,
  );
  return { allowed: false, retryAfterSeconds: Number(row?.wait ?? 1) };
}

/** A right password: the account's attempts and this address's attempts on it start again. */
export async function clearLoginAttempts(email: string, ip: string, db: Executor) {
  await db.execute(
    sql`update login_delays set attempts = 0, not_before = clock_timestamp() where email = ${email}`,
  );
  await reset(keys(email, ip).accountAddress, LOGIN_THROTTLE, db);
}

/** Old rows are useless; the retention job calls this next to pruneRateLimits. */
export async function pruneLoginDelays(db: Executor) {
  await db.execute(sql`delete from login_delays where updated_at < now() - interval '1 day'`);
  await db.execute(sql`delete from staff_login_challenges where expires_at < now()`);
}
