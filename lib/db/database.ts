import { env } from "@/lib/env";
import { type EmbeddedServer, startEmbeddedPostgres } from "./embedded";
import { installJobQueueSchema, jobQueueSchemaReady } from "./job-queue-schema";
import { migrateDatabase, migrationsUpToDate } from "./migrate";
import { grantAppRole } from "./roles";

export interface DatabaseHandle {
  /** The app's connection (least privilege when an owner is separate): web process, workers, CLI commands. */
  url: string;
  /** The tables' owner: migrations and owner-only commands. */
  ownerUrl: string;
  /** The embedded server started for this process, if any. */
  embedded: EmbeddedServer | null;
  close(): Promise<void>;
}

/**
 * The database a CLI command or `npm start` works on: DATABASE_URL (with DATABASE_OWNER_URL as its owner when
 * set; nothing is started), else the embedded server with its data in MARGINALIA_DATA_DIR, whose superuser
 * owns the tables and whose `marginalia_app` role is the app's.
 */
export async function openDatabase(log: (line: string) => void = () => {}): Promise<DatabaseHandle> {
  const config = env();
  if (config.DATABASE_URL) {
    return {
      url: config.DATABASE_URL,
      ownerUrl: config.DATABASE_OWNER_URL ?? config.DATABASE_URL,
      embedded: null,
      close: async () => {},
    };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: config.MARGINALIA_DATA_DIR,
    port: config.MARGINALIA_PG_PORT,
    onLog: (line) => {
      if (config.LOG_LEVEL === "debug") log(line);
    },
  });
  return { url: embedded.appUrl, ownerUrl: embedded.url, embedded, close: () => embedded.stop() };
}

export interface PreparedDatabase {
  appliedMigrations: string[];
  /** False when the app connects as the tables' owner (no separate role to grant). */
  separateAppRole: boolean;
}

/**
 * Everything the owner does before the app may run: apply migrations, install pg-boss's schema and queues,
 * and grant the app's role its privileges (lib/db/roles.ts).
 */
export async function prepareDatabase(
  handle: Pick<DatabaseHandle, "url" | "ownerUrl">,
): Promise<PreparedDatabase> {
  const appliedMigrations = (await migrationsUpToDate(handle.ownerUrl))
    ? []
    : await migrateDatabase(handle.ownerUrl);
  if (!(await jobQueueSchemaReady(handle.ownerUrl))) await installJobQueueSchema(handle.ownerUrl);
  const separateAppRole = await grantAppRole(handle.ownerUrl, handle.url);
  return { appliedMigrations, separateAppRole };
}

export const SAME_ROLE_WARNING =
  "warning: the app connects as the owner of the tables, so only a trigger keeps the moderation log " +
  "append-only; give it its own role (DATABASE_URL) and set DATABASE_OWNER_URL for migrations (SECURITY.md).";
