import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { prepareDatabase } from "@/lib/db/database";
import { type EmbeddedServer, findFreePort, startEmbeddedPostgres } from "@/lib/db/embedded";

export interface OwnPostgres {
  /** The running server (a new handle after every start; same port, data and passwords). */
  readonly server: EmbeddedServer;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/**
 * A PostgreSQL of the test file's own, which the test may stop and start under the code it tests: a data
 * folder that survives restarts, a fixed port, prepared as `npm start` prepares one (owner and app roles).
 */
export function useOwnPostgres(): OwnPostgres {
  let dir = "";
  let dataDir = "";
  let port = 0;
  let current: EmbeddedServer | undefined;
  const own: OwnPostgres = {
    get server() {
      if (!current) throw new Error("the file's PostgreSQL is not running");
      return current;
    },
    async stop() {
      await current?.stop();
    },
    async start() {
      current = await startEmbeddedPostgres({ dataDir, port });
    },
  };
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "marginalia-own-pg-"));
    chmodSync(dir, 0o755);
    dataDir = path.join(dir, "postgres");
    port = await findFreePort();
    await own.start();
    await prepareDatabase({ url: own.server.appUrl, ownerUrl: own.server.url });
  }, 120_000);
  afterAll(async () => {
    await current?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return own;
}
