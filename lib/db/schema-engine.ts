import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

/**
 * Prisma's schema engine compiled to WebAssembly, driven through the pg driver adapter.
 * Why: the native engine binary is downloaded at install time, which cannot happen on our machines.
 * The traps worked around here are listed in the README (Migrations).
 */

const require = createRequire(import.meta.url);
let bindingsReady: Promise<void> | undefined;
/** The last panic message of the engine, for error reports. */
export let lastPanic: string | undefined;

function loadBindings(): Promise<void> {
  bindingsReady ??= (async () => {
    // The wasm panic hook reports through this global; without it a panic surfaces as a TypeError.
    const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
    g.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message: string) {
        lastPanic = message;
      },
    };
    const wasmPath = path.join(
      path.dirname(require.resolve("@prisma/schema-engine-wasm")),
      "schema_engine_bg.wasm",
    );
    const imports: WebAssembly.ModuleImports = { ...(bindings as unknown as WebAssembly.ModuleImports) };
    // The engine leaves a ~10 s timer after free(); unref it so CLIs and test runners can exit.
    for (const name of Object.keys(imports)) {
      if (name.startsWith("__wbg_setTimeout_")) {
        imports[name] = (fn: () => void, ms: number) => {
          const timer = setTimeout(fn, ms >>> 0);
          timer.unref();
          return timer;
        };
      }
    }
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": imports,
    });
    const exports = instance.exports as Record<string, unknown> & { __wbindgen_start?: () => void };
    bindings.__wbg_set_wasm(exports);
    exports.__wbindgen_start?.();
  })();
  return bindingsReady;
}

/**
 * adapter-pg cannot decode Postgres' internal "char" type (OID 18), which the engine's catalog queries return
 * (pg_constraint.contype and friends), and the engine reads those columns only as characters.
 * The client reports them as text and marks their names; withCharColumns() turns the marked columns back
 * into the adapter's Character type (and runs scripts whole, see executeScript below).
 */
const CHAR_MARK = "\u0000char";

class CharAsTextClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's overloaded query signature cannot be forwarded precisely.
  override query(...args: any[]): any {
    const patch = (r: pg.QueryResult | undefined) => {
      for (const field of r?.fields ?? []) {
        if (field.dataTypeID === 18) {
          field.dataTypeID = 25;
          field.name += CHAR_MARK;
        }
      }
      return r;
    };
    const last = args[args.length - 1];
    if (typeof last === "function") {
      // pg-pool calls client.query(config, callback).
      args[args.length - 1] = (err: Error | null, r: pg.QueryResult) => last(err, patch(r));
    }
    // biome-ignore lint/suspicious/noExplicitAny: see above.
    const result = (super.query as (...a: any[]) => any)(...args);
    return result && typeof result.then === "function" ? result.then(patch) : result;
  }
}

type Queryable = { queryRaw(q: unknown): Promise<{ columnNames: string[]; columnTypes: number[] }> };

function unmarkCharColumns<T extends { columnNames: string[]; columnTypes: number[] }>(result: T): T {
  result.columnNames.forEach((name, i) => {
    if (name.endsWith(CHAR_MARK)) {
      result.columnNames[i] = name.slice(0, -CHAR_MARK.length);
      result.columnTypes[i] = ColumnTypeEnum.Character;
    }
  });
  return result;
}

function withCharColumns<T extends object>(queryable: T): T {
  return new Proxy(queryable, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === "queryRaw" && typeof value === "function") {
        return async (q: unknown) =>
          unmarkCharColumns(await (value as Queryable["queryRaw"]).call(target, q));
      }
      if (prop === "executeScript") {
        // adapter-pg splits scripts on every ";", which breaks function bodies; Postgres runs a whole script itself.
        return async (script: string) => {
          const driver = (target as { underlyingDriver(): pg.Pool | pg.Client }).underlyingDriver();
          await driver.query(script);
        };
      }
      if (prop === "startTransaction" && typeof value === "function") {
        return async (...a: unknown[]) =>
          withCharColumns(await (value as (...x: unknown[]) => Promise<object>).apply(target, a));
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * A pool for the engine. Its clients may still be closing when the shadow database is dropped WITH (FORCE),
 * whose termination notice then arrives as an 'error' event with nobody left to listen: without a listener,
 * that event would crash the process. Query errors still reject their queries.
 */
function poolFor(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, Client: CharAsTextClient, max: 4 });
  const ignore = () => {};
  pool.on("error", ignore);
  pool.on("connect", (client) => client.on("error", ignore));
  return pool;
}

function shadowUrl(url: string): { adminUrl: string; shadowName: string; shadowUrl: string } {
  const u = new URL(url);
  const dbName = decodeURIComponent(u.pathname.slice(1)) || "postgres";
  const shadowName = `${dbName}_shadow`;
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const shadow = new URL(url);
  shadow.pathname = `/${shadowName}`;
  return { adminUrl: admin.toString(), shadowName, shadowUrl: shadow.toString() };
}

async function recreateDatabase(adminUrl: string, name: string, drop: boolean): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    if (!drop) await client.query(`CREATE DATABASE ${quoted}`);
  } finally {
    await client.end();
  }
}

export interface EngineHandle {
  engine: SchemaEngine;
  close(): Promise<void>;
}

/**
 * Opens the engine on a database. With `withShadow`, a `<db>_shadow` database is (re)created for the engine's
 * diffs against the migrations folder; PrismaPg's own shadow database handling drops a database its pool still holds.
 */
export async function openSchemaEngine(
  url: string,
  schema: { path: string; content: string },
  withShadow = false,
): Promise<EngineHandle> {
  await loadBindings();
  const mainPool = poolFor(url);
  const shadow = shadowUrl(url);
  let shadowPool: pg.Pool | undefined;
  if (withShadow) {
    await recreateDatabase(shadow.adminUrl, shadow.shadowName, false);
    shadowPool = poolFor(shadow.shadowUrl);
  }
  const mainFactory = new PrismaPg(mainPool);
  const factory = bindMigrationAwareSqlAdapterFactory({
    provider: "postgres",
    adapterName: mainFactory.adapterName,
    connect: async () => withCharColumns(await mainFactory.connect()),
    connectToShadowDb: async () => {
      if (!shadowPool) throw new Error("this engine was opened without a shadow database");
      return withCharColumns(await new PrismaPg(shadowPool).connect());
    },
  });
  const logs: string[] = [];
  const engine = await bindings.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    (line: string) => {
      logs.push(line);
    },
    factory,
  );
  return {
    engine,
    async close() {
      engine.free();
      await mainPool.end();
      if (shadowPool) {
        await shadowPool.end();
        await recreateDatabase(shadow.adminUrl, shadow.shadowName, true);
      }
    },
  };
}

/** Reads prisma/migrations into the engine's input shape (directories sorted by name, as the CLI does). */
export async function readMigrationsList(migrationsDir: string): Promise<MigrationList> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
  const migrationDirectories = await Promise.all(
    dirs.map(async (name) => {
      const content = await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8").then(
        (value) => ({ tag: "ok" as const, value }),
        (err: Error) => ({ tag: "error" as const, value: err.message }),
      );
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  );
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const lockContent = await readFile(lockPath, "utf8").catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    migrationDirectories,
    shadowDbInitScript: "",
  } as MigrationList;
}
