import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseUrl } from "@/lib/env";
import { PrismaClient } from "./generated/client";

export type Db = InstanceType<typeof PrismaClient>;

/** Creates a client for a database URL (CLI, tests, jobs). The web app uses `db()`. */
export function createDb(url: string): Db {
  // A request waits at most 5 s for a connection: during an outage it gets its 503 instead of hanging.
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 }),
  });
}

const globalForDb = globalThis as { marginaliaDb?: Db };

/**
 * The process-wide client, kept on globalThis so Next's hot reload does not open a pool per edit.
 * The web process always has DATABASE_URL: `npm start` sets it to the embedded server it started.
 */
export function db(): Db {
  if (!globalForDb.marginaliaDb) {
    const url = databaseUrl();
    if (!url) throw new Error("DATABASE_URL is not set (start the app with `npm start`, which provides it)");
    globalForDb.marginaliaDb = createDb(url);
  }
  return globalForDb.marginaliaDb;
}

/** Lets CLI commands and tests point `db()` at the database they opened. */
export function setDb(client: Db): void {
  globalForDb.marginaliaDb = client;
}
