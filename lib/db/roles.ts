import pg from "pg";
import { JOB_SCHEMA } from "@/lib/jobs/queues";

/**
 * The privileges the app's role gets from the tables' owner: rows, not structure. It reads and writes the app's
 * tables, but may only SELECT and INSERT the moderation log (no UPDATE, DELETE or TRUNCATE, and, not owning the
 * table, no ALTER TABLE ... DISABLE TRIGGER either), and never sees the migrations table. In pg-boss's schema it
 * reads and writes rows and calls its functions. Idempotent: run after every migration.
 */
export const APP_ROLE_GRANTS = (role: string, owner: string) => {
  const r = pg.escapeIdentifier(role);
  const o = pg.escapeIdentifier(owner);
  const jobs = pg.escapeIdentifier(JOB_SCHEMA);
  return [
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    `REVOKE ALL ON TABLE "_prisma_migrations" FROM ${r}`,
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE "moderation_action" FROM ${r}`,
    `GRANT USAGE ON SCHEMA ${jobs} TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${jobs} TO ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${jobs} TO ${r}`,
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${jobs} TO ${r}`,
    // Tables pg-boss adds later (a queue is a partition table) come with the same rights.
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${o} IN SCHEMA ${jobs} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
  ];
};

export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * Grants the app's role (DATABASE_URL's user) what it needs, as the owner (the migrations' user). Returns
 * false, doing nothing, when both are the same role: the app then owns the tables, and only the trigger keeps
 * the log append-only (start-up warns about it).
 */
export async function grantAppRole(ownerUrl: string, appUrl: string): Promise<boolean> {
  const owner = roleOf(ownerUrl);
  const app = roleOf(appUrl);
  if (owner === app) return false;
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (const statement of APP_ROLE_GRANTS(app, owner)) await client.query(statement);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return true;
}
