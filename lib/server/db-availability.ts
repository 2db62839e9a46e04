import "server-only";
import { sql } from "@/lib/db/sql";

/**
 * Error codes that mean "the database cannot be reached right now" (down, restarting, refusing connections,
 * connection lost), as Prisma, PostgreSQL, node-postgres, postgres.js and Node report them. Anything else is a
 * bug, not an outage.
 */
const UNAVAILABLE_CODES = new Set([
  // Prisma: cannot reach, timed out, operation timed out, server closed the connection, pool timeout.
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  // PostgreSQL: shutting down, crashed, starting up, too many connections; connection exceptions (class 08).
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  // Node's sockets.
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  // postgres.js.
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

/** Prisma driver adapters' error kinds for the same. */
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);

/** True when the error, or one it was caused by, says the database is unreachable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 12) {
    const e = queue.shift();
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    const fields = e as { code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown };
    for (const code of [fields.code, fields.originalCode])
      if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof fields.kind === "string" && UNAVAILABLE_KINDS.has(fields.kind)) return true;
    if (typeof fields.message === "string" && /^Connection terminated/.test(fields.message)) return true;
    // Better Auth wraps in `cause`; Prisma puts its driver adapter's error in `meta.driverAdapterError`.
    const links = e as { cause?: unknown; meta?: unknown; driverAdapterError?: unknown };
    queue.push(links.cause, links.meta, links.driverAdapterError);
  }
  return false;
}

/** Whether the database answers a trivial query now. */
export async function databaseReachable(): Promise<boolean> {
  try {
    await sql()`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
