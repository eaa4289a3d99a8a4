import { z } from "zod";

/** Staff passwords: long rather than complex (NCSC advice). */
export const passwordSchema = z
  .string()
  .min(12, "Kies een wachtwoord van minstens 12 tekens.")
  .max(200, "Een wachtwoord mag hoogstens 200 tekens hebben.");

/**
 * Login throttling (docs/security.md). Attempts are counted before the password is checked:
 * - per account AND address: 10 in 5 minutes, so wrong passwords from one address never lock the
 *   real user out when they log in from another address;
 * - per address over all accounts: 30 in 5 minutes (password spraying from one address);
 * - per account over all addresses: a growing delay after LOGIN_FREE_ATTEMPTS (spread attacks),
 *   never longer than LOGIN_MAX_DELAY_SECONDS.
 */
export const LOGIN_THROTTLE = { windowSeconds: 5 * 60, max: 10 } as const;
export const LOGIN_ADDRESS_THROTTLE = { windowSeconds: 5 * 60, max: 30 } as const;
export const LOGIN_FREE_ATTEMPTS = 5;
export const LOGIN_MAX_DELAY_SECONDS = 3 * 60;
/** Attempts on one account after which the account holder gets a warning mail (once per episode). */
export const LOGIN_ALERT_AFTER = 10;
/** An account's attempt count starts again after this much quiet. */
export const LOGIN_DELAY_RESET_MINUTES = 15;

/** Seconds to wait before the next attempt on an account after `attempts` attempts. */
export function loginDelaySeconds(attempts: number): number {
  if (attempts < LOGIN_FREE_ATTEMPTS) return 0;
  return Math.min(2 ** (attempts - LOGIN_FREE_ATTEMPTS), LOGIN_MAX_DELAY_SECONDS);
}

/** "over 3 minuten" / "over 40 seconden": how long to wait, in words. */
export function waitInWords(seconds: number): string {
  if (seconds <= 60) return `over ${Math.max(1, Math.ceil(seconds))} seconden`;
  const minutes = Math.ceil(seconds / 60);
  return `over ${minutes} ${minutes === 1 ? "minuut" : "minuten"}`;
}

export const loginSchema = z.object({
  email: z
    .string({ required_error: "Vul uw e-mailadres in." })
    .trim()
    .min(1, "Vul uw e-mailadres in.")
    .email("Vul een geldig e-mailadres in, bijvoorbeeld naam@heemstede.nl.")
    .transform((v) => v.toLowerCase()),
  password: z.string({ required_error: "Vul uw wachtwoord in." }).min(1, "Vul uw wachtwoord in."),
  terug: z.string().optional(),
});

export const LOGIN_FAILED_MESSAGE = "Het e-mailadres of het wachtwoord klopt niet.";
export function loginBlockedMessage(retryAfterSeconds: number): string {
  return `Er is te vaak geprobeerd in te loggen. Probeer het ${waitInWords(retryAfterSeconds)} opnieuw.`;
}
