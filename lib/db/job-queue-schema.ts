import { createRequire } from "node:module";
import pg from "pg";
import PgBoss from "pg-boss";
import { JOB_SCHEMA, QUEUE_OPTIONS, QUEUES } from "@/lib/jobs/queues";

/** The schema version this pg-boss expects (it migrates older ones when the owner starts it). */
const JOB_SCHEMA_VERSION = (createRequire(import.meta.url)("pg-boss/version.json") as { schema: number })
  .schema;

/** True when pg-boss's schema is at this version and every queue exists: nothing for the owner to do. */
export async function jobQueueSchemaReady(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  const schema = pg.escapeIdentifier(JOB_SCHEMA);
  try {
    await client.connect();
    const version = await client.query<{ version: number }>(`SELECT version FROM ${schema}.version`);
    if (version.rows[0]?.version !== JOB_SCHEMA_VERSION) return false;
    const queues = await client.query<{ name: string }>(`SELECT name FROM ${schema}.queue`);
    const present = new Set(queues.rows.map((q) => q.name));
    return Object.values(QUEUES).every((name) => present.has(name));
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Installs or upgrades pg-boss's schema and creates the app's queues, as the database's owner: both create
 * tables, which the app's role may not. The app then only reads and writes rows there.
 */
export async function installJobQueueSchema(ownerUrl: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: ownerUrl,
    schema: JOB_SCHEMA,
    max: 2,
    supervise: false,
    schedule: false,
  });
  boss.on("error", () => {});
  await boss.start();
  try {
    for (const name of Object.values(QUEUES)) await boss.createQueue(name, { name, ...QUEUE_OPTIONS[name] });
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
