import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { connections, type Db } from "./connections";
import { PrismaClient } from "./generated/client";
import { readingOnPrimary } from "./own-writes";

export type { Db } from "./connections";

/**
 * A Prisma client of its own on a database URL, with its own pool: for a second connection beside the process's
 * (another role, another server). Code under lib/server uses `db()` and `readDb()`.
 */
export function createDb(url: string): Db {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 }),
  });
}

/** Prisma on the primary: every write, and every read that must see the writes just made (lib/db/README.md). */
export function db(): Db {
  return connections().db;
}

/**
 * Prisma for the dashboards' reads: the read replica when DATABASE_REPLICA_URL is set, else the primary. Only
 * for reads that may lag the primary by the replica's delay (figures, lists, search), never after a write. The
 * primary's again for a person just after their own write (`withReadsOnPrimary`).
 */
export function readDb(): Db {
  const c = connections();
  return c.replica && !readingOnPrimary() ? c.readDb : c.db;
}

/** Tests' seam: swaps the primary's Prisma client of the installed connections (e.g. for a logging one). */
export function setDb(client: Db): void {
  connections().db = client;
}
