import "server-only";
import type postgres from "postgres";
import { connections, type Sql } from "./connections";
import { readingOnPrimary } from "./own-writes";

export type { Sql } from "./connections";

/** A postgres.js client of its own on a database URL (another role, another server): see `createDb`. */
export { createSql } from "./connections";

/**
 * postgres.js on the primary: the one layer for raw and bulk SQL (tagged statements, multi-row upserts, COPY),
 * for every write and every read that must see the writes just made (lib/db/README.md).
 */
export function sql(): Sql {
  return connections().sql;
}

/**
 * postgres.js for the dashboards' reads: the read replica when DATABASE_REPLICA_URL is set, else the primary.
 * Only for reads that may lag the primary by the replica's delay, never after a write. The primary's again for a
 * person just after their own write (`withReadsOnPrimary`).
 */
export function readSql(): Sql {
  const c = connections();
  return c.replica && !readingOnPrimary() ? c.readSql : c.sql;
}

/** Tests' seam: swaps the primary's postgres.js client of the installed connections. */
export function setSql(client: Sql): void {
  connections().sql = client;
}

/**
 * A transaction handle where a function takes `Sql`: postgres.js types a transaction as a narrower interface,
 * though it runs the same tagged queries, row helpers and json() as the pool.
 */
export function inTransaction(tx: postgres.TransactionSql): Sql {
  return tx as unknown as Sql;
}

/** A piece of a statement (`sql\`…\``) for nesting in another; `sql\`\`` is the empty one. */
export type SqlFragment = postgres.Fragment;

/** A statement not yet run: awaiting it runs it; nesting it (`sql\`EXPLAIN ${q}\``) makes it a fragment. */
export type PendingSql<Row extends object> = postgres.PendingQuery<Row[]>;

/** Fragments joined by a separator (`AND`, `,`, `||`): postgres.js nests an array of fragments with spaces only. */
export function joinSql(sql: Sql, parts: readonly SqlFragment[], separator: string): SqlFragment {
  if (parts.length === 0) return sql``;
  return parts.reduce((joined, part) => sql`${joined} ${sql.unsafe(separator)} ${part}`);
}
