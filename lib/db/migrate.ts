import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { openSchemaEngine, readMigrationsList } from "./schema-engine";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const SCHEMA_PATH = path.join(ROOT, "prisma/schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma/migrations");
const NO_FILTER = { externalTables: [], externalEnums: [] };

async function readSchema() {
  return { path: SCHEMA_PATH, content: await readFile(SCHEMA_PATH, "utf8") };
}

/**
 * True when every migration of prisma/migrations is applied and unchanged (the checksum Prisma recorded is the
 * file's SHA-256): then nothing is left for the schema engine, whose start costs a second or two on every
 * command. Anything else (a pending or edited migration, no migrations table yet) is left to migrateDatabase.
 */
export async function migrationsUpToDate(url: string): Promise<boolean> {
  const list = await readMigrationsList(MIGRATIONS_DIR);
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      "SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const applied = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    return list.migrationDirectories.every((dir) => {
      const file = dir.migrationFile;
      if (file.content.tag !== "ok") return false;
      return applied.get(dir.path) === createHash("sha256").update(file.content.value).digest("hex");
    });
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Applies every migration of prisma/migrations not yet applied (recorded in `_prisma_migrations`). */
export async function migrateDatabase(url: string): Promise<string[]> {
  const handle = await openSchemaEngine(url, await readSchema());
  try {
    const result = await handle.engine.applyMigrations({
      migrationsList: await readMigrationsList(MIGRATIONS_DIR),
      filters: NO_FILTER,
    });
    return result.appliedMigrationNames;
  } finally {
    await handle.close();
  }
}

/**
 * The SQL that would take the migrations folder to schema.prisma; empty when they agree.
 * Runs the migrations in a `<db>_shadow` database next to `url`.
 */
export async function diffMigrationsToSchema(url: string, schemaContent?: string): Promise<string> {
  const schema =
    schemaContent === undefined ? await readSchema() : { path: SCHEMA_PATH, content: schemaContent };
  const handle = await openSchemaEngine(url, schema, true);
  try {
    const result = await handle.engine.diff({
      from: { tag: "migrations", ...(await readMigrationsList(MIGRATIONS_DIR)) },
      to: { tag: "schemaDatamodel", files: [schema] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    const script = result.stdout ?? "";
    return /^\s*(-- This is an empty migration\.)?\s*$/.test(script) ? "" : script;
  } finally {
    await handle.close();
  }
}

/** Writes a new migration folder from the difference between the migrations and schema.prisma. */
export async function createMigration(url: string, name: string): Promise<string | null> {
  const script = await diffMigrationsToSchema(url);
  if (script === "") return null;
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name.replace(/\W+/g, "_")}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), script);

  return dir;
}
