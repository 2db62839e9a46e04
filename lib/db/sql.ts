import "server-only";
import postgres from "postgres";
import { databaseUrl } from "@/lib/env";

export type Sql = postgres.Sql;

const globalForSql = globalThis as { marginaliaSql?: Sql };

/**
 * The `postgres` client, for bulk writes (import batches, rescoring) where multi-row statements and COPY
 * beat Prisma. Everything else goes through Prisma (`db()`).
 */
export function createSql(url: string): Sql {
  return postgres(url, { max: 5, onnotice: () => {}, idle_timeout: 30, connect_timeout: 5 });
}

export function sql(): Sql {
  if (!globalForSql.marginaliaSql) {
    const url = databaseUrl();
    if (!url) throw new Error("DATABASE_URL is not set (start the app with `npm start`, which provides it)");
    globalForSql.marginaliaSql = createSql(url);
  }
  return globalForSql.marginaliaSql;
}

export function setSql(client: Sql): void {
  globalForSql.marginaliaSql = client;
}

/**
 * A transaction handle where a function takes `Sql`: postgres.js types a transaction as a narrower interface,
 * though it runs the same tagged queries, row helpers and json() as the pool.
 */
export function inTransaction(tx: postgres.TransactionSql): Sql {
  return tx as unknown as Sql;
}
