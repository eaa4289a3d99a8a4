import { sql } from "drizzle-orm";
import type { Executor } from "./db.server";
import { getDb } from "./db.server";

export interface RateLimitRule {
  /** Window length in seconds. */
  windowSeconds: number;
  /** Hits allowed within one window. */
  max: number;
}

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

function windowStart(now: Date, windowSeconds: number): Date {
  const ms = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

/** Whole seconds until the window that began at `start` ends (what Retry-After says). */
function secondsLeft(start: Date, rule: RateLimitRule, now: Date): number {
  return Math.ceil((start.getTime() + rule.windowSeconds * 1000 - now.getTime()) / 1000);
}

/**
 * Count one hit for `key` in a fixed window stored in PostgreSQL, so the limit holds across
 * all app servers. One upsert: parallel requests cannot both slip under the limit.
 */
export async function hit(
  key: string,
  rule: RateLimitRule,
  db: Executor = getDb(),
  now = new Date(),
): Promise<RateLimitResult> {
  const start = windowStart(now, rule.windowSeconds);
  const rows = await db.execute<{ count: number }>(sql`
    insert into rate_limits (key, window_start, count) values (${key}, ${start.toISOString()}, 1)
    on conflict (key, window_start) do update set count = rate_limits.count + 1
    returning count`);
  const count = Number(rows[0]?.count ?? 1);
  return { allowed: count <= rule.max, count, retryAfterSeconds: secondsLeft(start, rule, now) };
}

/**
 * Give back a hit counted by `hit` for work that turned out not to count (e.g. a right survey code),
 * so only failures use up the limit while every attempt is still counted before the work.
 */
export async function refund(key: string, rule: RateLimitRule, db: Executor = getDb(), now = new Date()) {
  const start = windowStart(now, rule.windowSeconds);
  await db.execute(
    sql`update rate_limits set count = greatest(count - 1, 0) where key = ${key} and window_start = ${start.toISOString()}`,
  );
}

/** Read the current count without adding a hit. */
export async function peek(
  key: string,
  rule: RateLimitRule,
  db: Executor = getDb(),
  now = new Date(),
): Promise<RateLimitResult> {
  const start = windowStart(now, rule.windowSeconds);
  const rows = await db.execute<{ count: number }>(
    sql`select count from rate_limits where key = ${key} and window_start = ${start.toISOString()}`,
  );
  const count = Number(rows[0]?.count ?? 0);
  return { allowed: count < rule.max, count, retryAfterSeconds: secondsLeft(start, rule, now) };
}

export async function reset(key: string, rule: RateLimitRule, db: Executor = getDb(), now = new Date()) {
  const start = windowStart(now, rule.windowSeconds);
  await db.execute(sql`delete from rate_limits where key = ${key} and window_start = ${start.toISOString()}`);
}

/** Old windows are useless; the retention job calls this. */
export async function pruneRateLimits(olderThanHours = 48, db: Executor = getDb()) {
  await db.execute(
    sql`delete from rate_limits where window_start < now() - make_interval(hours => ${olderThanHours})`,
  );
}
