import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrateDatabase } from "@/lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * One real PostgreSQL for the integration run: a throw-away embedded server, or, with DATABASE_URL set,
 * a fresh database created on that server (and dropped afterwards) so a developer's data is never touched.
 */
export default async function setup(project: TestProject) {
  const external = process.env.DATABASE_URL;
  let url: string;
  let teardown: () => Promise<void>;
  if (external) {
    const name = `marginalia_test_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: external });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(external);
    u.pathname = `/${name}`;
    url = u.toString();
    teardown = async () => {
      const c = new pg.Client({ connectionString: external });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const server = await startEmbeddedPostgres();
    url = server.url;
    teardown = () => server.stop();
  }
  await migrateDatabase(url);
  project.provide("databaseUrl", url);
  return teardown;
}
