import { afterAll, inject } from "vitest";
import { createDb, type Db, setDb } from "@/lib/db/client";
import { createSql, type Sql, setSql } from "@/lib/db/sql";

/**
 * The integration tests' database: clients bound to the run's PostgreSQL, set as the process-wide clients
 * so lib/server code under test uses them, closed after the file.
 */
export function useTestDatabase(): { url: string; db: Db; sql: Sql } {
  const url = inject("databaseUrl");
  process.env.DATABASE_URL = url;
  const db = createDb(url);
  const sql = createSql(url);
  setDb(db);
  setSql(sql);
  afterAll(async () => {
    // Code under test may have started the job queue's client (a correction queues a refit).
    if ((globalThis as { marginaliaBoss?: unknown }).marginaliaBoss)
      await (await import("@/lib/server/jobs/queue")).stopQueue();
    await db.$disconnect();
    await sql.end({ timeout: 5 });
  });
  return { url, db, sql };
}

/**
 * Empties every table of the app (the one TRUNCATE helper). The moderation log refuses TRUNCATE by trigger;
 * the table's owner may switch its triggers off inside the transaction, so no other session ever sees them off.
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
