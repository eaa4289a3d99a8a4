// Rules for delivering panel mail (issue 7), without I/O.

/** SMTP attempts per mail before it is marked failed. */
export const MAX_ATTEMPTS = 5;

/** Wait before the next attempt after `attempts` failures: 30 s, 1, 2, 4 min … capped at 1 hour. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

/** What happens to a mail after a failed attempt. */
export function afterFailure(
  attempts: number,
  now: Date,
): { status: "queued" | "failed"; nextAttemptAt: Date } {
  const next = attempts;
  return next >= MAX_ATTEMPTS
    ? { status: "failed", nextAttemptAt: now }
    : { status: "queued", nextAttemptAt: new Date(now.getTime() + backoffMs(next)) };
}

/**
 * How many mails may be claimed now under a per-minute limit shared by all workers: the limit
 * minus what was sent in the last minute and what is being sent. 0 means no limit.
 */
export function allowance(
  perMinute: number,
  sentLastMinute: number,
  inFlight: number,
  batch: number,
): number {
  if (perMinute <= 0) return batch;
  return Math.max(0, Math.min(batch, perMinute - sentLastMinute - inFlight));
}
