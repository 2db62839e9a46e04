import { createDb, type Db, setDb } from "@/lib/db/client";
import { openDatabase } from "@/lib/db/database";
import { migrateDatabase } from "@/lib/db/migrate";
import { createSql, type Sql, setSql } from "@/lib/db/sql";

export interface CliContext {
  url: string;
  db: Db;
  sql: Sql;
}

/** Diagnostics go to stderr so that stdout carries only a command's own output. */
export function note(line: string): void {
  process.stderr.write(`${line}\n`);
}

/**
 * Runs a command against the configured database (DATABASE_URL, else the embedded server), with the
 * migrations applied first, and closes everything afterwards.
 */
export async function withDatabase<T>(
  fn: (ctx: CliContext) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const handle = await openDatabase(note);
  const db = createDb(handle.url);
  const sql = createSql(handle.url);
  setDb(db);
  setSql(sql);
  try {
    if (options.migrate !== false) {
      const applied = await migrateDatabase(handle.url);
      if (applied.length > 0) note(`applied migrations: ${applied.join(", ")}`);
    }
    return await fn({ url: handle.url, db, sql });
  } finally {
    await db.$disconnect();
    await sql.end({ timeout: 5 });
    await handle.close();
  }
}
