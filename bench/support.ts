/**
 * What the scale benchmarks share: the benchmark's own PostgreSQL (embedded, kept in bench/.data/pg-<size> so
 * the import, scoring and dashboard benchmarks can run one after the other on the same data, or DATABASE_URL),
 * running the `marginalia` command as a child process while sampling the peak memory of its process tree,
 * and printing a table and writing the figures as JSON under bench/results/.
 */
import { spawn } from "node:child_process";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrateDatabase } from "@/lib/db/migrate";

export const ROOT = path.resolve(import.meta.dirname, "..");

export interface BenchDatabase {
  /** The tables' owner: the benchmark's own set-up and its COPY floor. */
  url: string;
  /** The app's least-privilege role: what `marginalia` and the web server run as, as in production. */
  appUrl: string;
  stop(): Promise<void>;
}

/**
 * The benchmark database for a data set: bench/.data/pg-<name>, migrated. DATABASE_URL (the app's role) and
 * DATABASE_OWNER_URL (the owner, DATABASE_URL when unset) win when set.
 */
export async function openBenchDatabase(name: string): Promise<BenchDatabase> {
  if (process.env.DATABASE_URL) {
    const owner = process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL;
    await migrateDatabase(owner);
    return { url: owner, appUrl: process.env.DATABASE_URL, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.join(ROOT, "bench", ".data", `pg-${name}`),
    port: Number(process.env.MARGINALIA_PG_PORT ?? 54_351),
  });
  await migrateDatabase(server.url);
  return { url: server.url, appUrl: server.appUrl, stop: () => server.stop() };
}

/** Resident memory (bytes) of a process and all its descendants, read from /proc. */
export async function treeRss(root: number): Promise<number> {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of await readdir("/proc").catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = await readFile(`/proc/${entry}/status`, "utf8");
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      rss.set(Number(entry), kb * 1024);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export interface CommandRun {
  seconds: number;
  /** Peak resident memory of the command's process tree (node and tsx; the database server is not in it). */
  peakRss: number;
  stdout: string;
  stderr: string;
}

/** Runs `marginalia <args>` against the database, as the app's role; rejects when it exits non-zero. */
export async function runMarginalia(
  args: string[],
  database: BenchDatabase,
  env: Record<string, string> = {},
): Promise<CommandRun> {
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, "node_modules/tsx/dist/cli.mjs"),
      "--conditions=react-server",
      "lib/cli/bin.ts",
      ...args,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: database.appUrl, DATABASE_OWNER_URL: database.url, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => {
    stdout += d;
  });
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  let peakRss = 0;
  const started = performance.now();
  const sampler = setInterval(() => {
    void treeRss(child.pid as number).then((r) => {
      peakRss = Math.max(peakRss, r);
    });
  }, 200);
  const code = await new Promise<number>((resolve) => child.once("exit", (c) => resolve(c ?? 1)));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`marginalia ${args.join(" ")} exited ${code}:\n${stderr}`);
  return { seconds, peakRss, stdout, stderr };
}

export const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** The machine the figures were measured on, for the README's table. */
export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

/** Prints rows as an aligned table. */
export function printTable(title: string, rows: Record<string, string | number>[]): void {
  console.log(`\n${title}`);
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ");
  console.log(line(columns));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const row of rows) console.log(line(columns.map((c) => String(row[c] ?? ""))));
}

/** Writes bench/results/<name>.json (the latest run of each benchmark). */
export async function writeResult(name: string, result: unknown): Promise<string> {
  const dir = path.join(ROOT, "bench", "results");
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  await writeFile(
    file,
    `${JSON.stringify({ measuredAt: new Date().toISOString(), machine: machine(), ...(result as object) }, null, 2)}\n`,
  );
  return file;
}

/** The data set's folder, generated on first use (bench/generate.ts). */
export function dataDir(posts: number, comments: number): string {
  return path.join(ROOT, "bench", ".data", `${posts}-${comments}`);
}
