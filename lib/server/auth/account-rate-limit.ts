import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";

/**
 * Sign-in attempts per account (Better Auth already limits per address). A fixed window per normalised email
 * in Better Auth's own rate_limit table, under a key prefix of ours: `count` attempts since `last_request`,
 * which here is the window's start. A successful sign-in clears the account's count.
 */
export const ACCOUNT_SIGN_IN_LIMIT = Object.freeze({ windowSeconds: 15 * 60, max: 10 });

export function accountKey(email: string): string {
  return `account-sign-in:${email.trim().toLowerCase()}`;
}

export interface AttemptVerdict {
  allowed: boolean;
  /** Seconds until the window ends (when refused). */
  retryAfter: number;
}

/** Counts one attempt for the account, atomically, and says whether it is within the limit. */
export async function recordSignInAttempt(email: string, now: number = Date.now()): Promise<AttemptVerdict> {
  const windowMs = ACCOUNT_SIGN_IN_LIMIT.windowSeconds * 1000;
  const [row] = await db().$queryRaw<{ count: number; last_request: bigint }[]>`
    INSERT INTO rate_limit (id, key, count, last_request)
    VALUES (${randomUUID()}, ${accountKey(email)}, 1, ${BigInt(now)})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limit.last_request <= ${BigInt(now - windowMs)} THEN 1 ELSE rate_limit.count + 1 END,
      last_request = CASE WHEN rate_limit.last_request <= ${BigInt(now - windowMs)} THEN ${BigInt(now)}
                          ELSE rate_limit.last_request END
    RETURNING count, last_request`;
  if (!row) return { allowed: true, retryAfter: 0 };
  const windowEnd = Number(row.last_request) + windowMs;
  return {
    allowed: row.count <= ACCOUNT_SIGN_IN_LIMIT.max,
    retryAfter: Math.max(1, Math.ceil((windowEnd - now) / 1000)),
  };
}

/** After a successful sign-in the account starts afresh. */
export async function clearSignInAttempts(email: string): Promise<void> {
  await db().rateLimit.deleteMany({ where: { key: accountKey(email) } });
}
