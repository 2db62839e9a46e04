import { afterAll, inject } from "vitest";
import { type Db, installConnections, openConnections, type Sql } from "@/lib/db/connections";
import { createSql } from "@/lib/db/sql";

/**
 * The integration tests' database. The process-wide clients, which lib/server code under test uses, and `db`
 * connect as the app's least-privilege role, as the app does. `sql` connects as the tables' owner, the way an
 * operator would: for fixtures, resets and what the app itself may not do. All are closed after the file.
 */
export function useTestDatabase(): { url: string; ownerUrl: string; db: Db; sql: Sql } {
  const url = inject("databaseUrl");
  const ownerUrl = inject("ownerDatabaseUrl");
  // Commands spawned by a test (the CLI) run as `npm start` would: the app's role, the owner for migrations.
  process.env.DATABASE_URL = url;
  process.env.DATABASE_OWNER_URL = ownerUrl;
  // The process's connections, as a CLI command or the web process has them (no replica here: every read is
  // the primary's, as without DATABASE_REPLICA_URL).
  const connections = installConnections(openConnections({ url }));
  const sql = createSql(ownerUrl);
  afterAll(async () => {
    // Code under test may have started the job queue's client (a correction queues a refit).
    if ((globalThis as { marginaliaBoss?: unknown }).marginaliaBoss)
      await (await import("@/lib/server/jobs/queue")).stopQueue();
    await connections.close();
    await sql.end({ timeout: 5 });
  });
  return { url, ownerUrl, db: connections.db, sql };
}

/**
 * Empties every table of the app (the one TRUNCATE helper), with the owner's connection. The moderation log
 * refuses TRUNCATE by trigger; its owner may switch its triggers off inside the transaction, so no other
 * session ever sees them off.
 */
export async function resetDatabase(sql: Sql): Promise<void> {
  const tables = await sql<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  const list = tables.map((t) => `"${t.tablename}"`).join(", ");
  await sql.begin(async (tx) => {
    await tx.unsafe('ALTER TABLE "moderation_action" DISABLE TRIGGER USER');
    await tx.unsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
    await tx.unsafe('ALTER TABLE "moderation_action" ENABLE TRIGGER USER');
  });
}
