import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import postgres from "postgres";
import { databaseUrl, env } from "@/lib/env";
import { PrismaClient } from "./generated/client";

export type Db = InstanceType<typeof PrismaClient>;
export type Sql = postgres.Sql;

/** pg-boss's database adapter (its `db` option): it runs every statement through this. */
export interface JobQueueDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * One process's connections to PostgreSQL: two pools on the primary (pg, shared by Prisma and pg-boss; and
 * postgres.js), and the same two on the read replica when one is configured. Every pool opens its connections
 * on first use, so a process that never reads the replica never connects to it.
 */
export interface Connections {
  /** Prisma on the primary: model reads and writes, and every read that must see this request's own writes. */
  db: Db;
  /** postgres.js on the primary: raw and bulk SQL (tagged statements, multi-row upserts, COPY). */
  sql: Sql;
  /** Prisma on the read replica (DATABASE_REPLICA_URL); the primary's `db` when there is none. */
  readDb: Db;
  /** postgres.js on the read replica; the primary's `sql` when there is none. */
  readSql: Sql;
  /** The primary's pg pool (the one Prisma uses): Better Auth's sessions (through its own Kysely adapter). */
  pool: pg.Pool;
  /** pg-boss on the primary's pg pool (the one Prisma uses), instead of a third pool of its own. */
  jobQueueDb: JobQueueDb;
  /** True when reads go to a replica. */
  replica: boolean;
  /** Ends every pool (CLI commands, workers and tests on exit). */
  close(): Promise<void>;
}

export interface ConnectionOptions {
  /** The primary: every write, and the reads that follow them. */
  url: string;
  /** A read replica for the dashboards' reads; unset: they read the primary. */
  replicaUrl?: string;
  /** Connections of the shared pg pool (Prisma and pg-boss). */
  poolSize?: number;
  /** Connections of the postgres.js pool. */
  sqlPoolSize?: number;
}

/** A request waits at most 5 s for a connection: during an outage it gets its 503 instead of hanging. */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Sessions on the replica are read-only: a write sent there by mistake fails at once, even on a writable
 * logical-replication subscriber, instead of diverging from the primary.
 */
const READ_ONLY = "-c default_transaction_read_only=on";

function pgPool(url: string, max: number, applicationName: string, readOnly: boolean): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: applicationName,
    ...(readOnly ? { options: READ_ONLY } : {}),
  });
  // A connection the server ended (a restart, a failover, an outage): its client emits an error, idle in the
  // pool or checked out (Better Auth's Kysely holds clients between its statements). Without a listener the
  // error would end the process. Each client logs it once (the message names no secret), so a flapping
  // database shows in the logs; a statement in flight gets the error too, and the pool opens another
  // connection when asked.
  pool.on("connect", (client) => {
    client.on("error", (err) => {
      process.stderr.write(`[db] a ${applicationName} connection ended: ${err.message}\n`);
    });
  });
  // The pool re-emits an idle client's error, already logged by the client's own listener.
  pool.on("error", () => {});
  return pool;
}

/** Sees every statement a postgres.js client sends, with its parameters as passed (before serializing). */
export type QueryListener = (query: string, parameters: readonly unknown[]) => void;

function sqlPool(
  url: string,
  max: number,
  applicationName: string,
  readOnly: boolean,
  onQuery?: QueryListener,
): Sql {
  return postgres(url, {
    max,
    ...(onQuery
      ? { debug: (_connection: number, query: string, parameters: unknown[]) => onQuery(query, parameters) }
      : {}),
    onnotice: () => {},
    idle_timeout: 30,
    connect_timeout: CONNECT_TIMEOUT_MS / 1000,
    connection: {
      application_name: applicationName,
      ...(readOnly ? { default_transaction_read_only: true } : {}),
    },
  });
}

/**
 * A postgres.js client of its own on a database URL, with its own pool (another role, another server).
 * `onQuery` sees every statement it sends: tests and benchmarks capture the SQL a function really sends.
 */
export function createSql(url: string, options: { max?: number; onQuery?: QueryListener } = {}): Sql {
  return sqlPool(url, options.max ?? 5, "marginalia", false, options.onQuery);
}

/** Opens (lazily) the pools for a primary and, optionally, a read replica. */
export function openConnections(options: ConnectionOptions): Connections {
  const poolSize = options.poolSize ?? 10;
  const sqlPoolSize = options.sqlPoolSize ?? 5;
  const pool = pgPool(options.url, poolSize, "marginalia", false);
  const db: Db = new PrismaClient({ adapter: new PrismaPg(pool) });
  const sql = sqlPool(options.url, sqlPoolSize, "marginalia", false);
  const replicaPool = options.replicaUrl
    ? pgPool(options.replicaUrl, poolSize, "marginalia-replica-reads", true)
    : null;
  const readDb = replicaPool ? new PrismaClient({ adapter: new PrismaPg(replicaPool) }) : db;
  const readSql = options.replicaUrl
    ? sqlPool(options.replicaUrl, sqlPoolSize, "marginalia-replica-reads", true)
    : sql;
  let closed: Promise<void> | undefined;
  return {
    db,
    sql,
    readDb,
    readSql,
    pool,
    jobQueueDb: { executeSql: (text, values) => pool.query(text, values) },
    replica: replicaPool !== null,
    close() {
      closed ??= (async () => {
        await Promise.all([
          db.$disconnect(),
          sql.end({ timeout: 5 }),
          readDb === db ? undefined : readDb.$disconnect(),
          readSql === sql ? undefined : readSql.end({ timeout: 5 }),
        ]);
        await Promise.all([pool.end(), replicaPool?.end()]);
      })();
      return closed;
    },
  };
}

const globalForConnections = globalThis as { marginaliaConnections?: Connections };

/**
 * The process's connections: the ones a command or test installed with `installConnections`, else opened on first
 * use from DATABASE_URL and DATABASE_REPLICA_URL (the web process: `npm start` sets DATABASE_URL to the server
 * it prepared). Kept on globalThis so Next's hot reload does not open pools per edit.
 */
export function connections(): Connections {
  if (!globalForConnections.marginaliaConnections) {
    const url = databaseUrl();
    if (!url) throw new Error("DATABASE_URL is not set (start the app with `npm start`, which provides it)");
    globalForConnections.marginaliaConnections = openConnections({
      url,
      replicaUrl: env().DATABASE_REPLICA_URL,
    });
  }
  return globalForConnections.marginaliaConnections;
}

/**
 * Makes these the process's connections (CLI commands, workers, tests, benchmarks), once at start. Returns
 * them, so the caller closes what it opened.
 */
export function installConnections(next: Connections): Connections {
  globalForConnections.marginaliaConnections = next;
  return next;
}
