import { type Db, installConnections, openConnections, type Sql } from "@/lib/db/connections";
import { openDatabase, prepareDatabase, SAME_ROLE_WARNING } from "@/lib/db/database";
import { env } from "@/lib/env";

export interface CliContext {
  /** The app's connection (least privilege): what commands run as. */
  url: string;
  /** The tables' owner, for the commands that change structure or the log (db migrate, diff, unseed-demo). */
  ownerUrl: string;
  db: Db;
  sql: Sql;
}

/** Diagnostics go to stderr so that stdout carries only a command's own output. */
export function note(line: string): void {
  process.stderr.write(`${line}\n`);
}

/**
 * Runs a command against the configured database (DATABASE_URL, else the embedded server), prepared first
 * (migrations, job queue schema, the app role's privileges), as the app's role, and closes everything after.
 */
export async function withDatabase<T>(
  fn: (ctx: CliContext) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const handle = await openDatabase(note);
  try {
    if (options.migrate !== false) {
      const prepared = await prepareDatabase(handle);
      if (prepared.appliedMigrations.length > 0)
        note(`applied migrations: ${prepared.appliedMigrations.join(", ")}`);
      if (!prepared.separateAppRole && handle.embedded === null) note(SAME_ROLE_WARNING);
    }
    // The process's connections, for everything the command calls (lib/db/README.md).
    const connections = installConnections(
      openConnections({ url: handle.url, replicaUrl: env().DATABASE_REPLICA_URL }),
    );
    try {
      return await fn({
        url: handle.url,
        ownerUrl: handle.ownerUrl,
        db: connections.db,
        sql: connections.sql,
      });
    } finally {
      await connections.close();
    }
  } finally {
    await handle.close();
  }
}
