import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { sql } from "@/lib/db/sql";

/**
 * Sign-in limits per account, beside Better Auth's per-address limit (keyed on the address lib/web/server.ts
 * determined, never on a header a client can set). Two counters in Better Auth's own rate_limit table, each a
 * fixed window of `windowSeconds` keyed by the normalised email:
 * - per account AND address, a hard limit: that address may not guess that account's password any more
 *   (429 until the window ends), whatever the password;
 * - per account, a slow-down: after `freeAttempts` failures from anywhere, every further attempt waits longer
 *   (doubling up to `maxDelayMs`) but is never refused, so guessing from many addresses is slow and the owner,
 *   from their own address, still gets in.
 * A successful sign-in clears the account's counters.
 */
export const SIGN_IN_LIMITS = Object.freeze({
  windowSeconds: 15 * 60,
  perAccountAndAddress: 10,
  freeAttempts: 5,
  firstDelayMs: 500,
  maxDelayMs: 8000,
});

const normalise = (email: string) => email.trim().toLowerCase();
export const accountKey = (email: string) => `sign-in:account:${normalise(email)}`;
export const accountAddressKey = (email: string, address: string) =>
  `sign-in:account-address:${normalise(email)}|${address}`;

/** How long an attempt waits, given the account's attempts so far in the window (this one included). */
export function slowdownMs(attempts: number): number {
  const over = attempts - SIGN_IN_LIMITS.freeAttempts;
  if (over <= 0) return 0;
  return Math.min(SIGN_IN_LIMITS.maxDelayMs, SIGN_IN_LIMITS.firstDelayMs * 2 ** (over - 1));
}

export interface AttemptVerdict {
  allowed: boolean;
  /** Seconds until the account-and-address window ends (when refused). */
  retryAfter: number;
  /** How long to hold the attempt before checking the password. */
  delayMs: number;
}

/** Counts one attempt in a window, atomically; returns the count and the window's start. */
async function countAttempt(key: string, now: number): Promise<{ count: number; windowStart: number }> {
  const windowStart = now - SIGN_IN_LIMITS.windowSeconds * 1000;
  // last_request is int8 (milliseconds): postgres.js hands int8 back as a string.
  const [row] = await sql()<{ count: number; last_request: string }[]>`
    INSERT INTO rate_limit (id, key, count, last_request)
    VALUES (${randomUUID()}, ${key}, 1, ${now}::int8)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limit.last_request <= ${windowStart}::int8 THEN 1 ELSE rate_limit.count + 1 END,
      last_request = CASE WHEN rate_limit.last_request <= ${windowStart}::int8 THEN ${now}::int8
                          ELSE rate_limit.last_request END
    RETURNING count, last_request`;
  return { count: row?.count ?? 1, windowStart: Number(row?.last_request ?? now) };
}

/** Counts one attempt for the account from `address` and says whether, and after how long, it may proceed. */
export async function recordSignInAttempt(
  email: string,
  address: string,
  now: number = Date.now(),
): Promise<AttemptVerdict> {
  const pair = await countAttempt(accountAddressKey(email, address), now);
  if (pair.count > SIGN_IN_LIMITS.perAccountAndAddress) {
    const windowEnd = pair.windowStart + SIGN_IN_LIMITS.windowSeconds * 1000;
    return { allowed: false, retryAfter: Math.max(1, Math.ceil((windowEnd - now) / 1000)), delayMs: 0 };
  }
  const account = await countAttempt(accountKey(email), now);
  return { allowed: true, retryAfter: 0, delayMs: slowdownMs(account.count) };
}

/** After a successful sign-in the account starts afresh, from everywhere. */
export async function clearSignInAttempts(email: string): Promise<void> {
  await db().rateLimit.deleteMany({
    where: {
      OR: [
        { key: accountKey(email) },
        { key: { startsWith: `sign-in:account-address:${normalise(email)}|` } },
      ],
    },
  });
}

/** Holds an attempt; a seam so tests can record the delays instead of waiting them out. */
export const signInDelay = {
  wait: (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms)),
};
