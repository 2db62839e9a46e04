/**
 * `npm run bench:import -- [--mb 200]`: writes a CSV export of the given size (our documented format, generated
 * text), imports it into a throw-away embedded PostgreSQL, and prints throughput and peak memory sampled every
 * 250 ms. Memory must stay flat however large the file (the import streams it in batches).
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDb, setDb } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrateDatabase } from "@/lib/db/migrate";
import { createSql, setSql } from "@/lib/db/sql";
import { importFile } from "@/lib/server/ingest/file-import";

const mbArg = process.argv.indexOf("--mb");
const targetMb = mbArg > 0 ? Number(process.argv[mbArg + 1]) : 50;
if (!Number.isFinite(targetMb) || targetMb <= 0) throw new Error("--mb must be a positive number");

const WORDS =
  "the grain deal sanctions ceasefire because given that rail capacity ports winter doubt clearly evidence history treaty".split(
    " ",
  );

async function writeCsv(file: string, bytes: number): Promise<number> {
  const out = createWriteStream(file);
  out.write("post_id,post_title,post_date,comment_id,parent_id,author,date,body,author_id\n");
  let written = 0;
  let n = 0;
  while (written < bytes) {
    const post = Math.floor(n / 200);
    const parent = n % 200 > 0 && n % 3 === 0 ? `c${n - 1}` : "";
    const len = 10 + (n % 110);
    const body = Array.from({ length: len }, (_, i) => WORDS[(n * 7 + i * 13) % WORDS.length]).join(" ");
    const line = `p${post},Post ${post},2026-01-01T00:00:00Z,c${n},${parent},Reader ${n % 5000},2026-01-02T00:00:00Z,"${body}",u${n % 5000}\n`;
    written += Buffer.byteLength(line);
    n += 1;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return n;
}

const dir = await mkdtemp(path.join(os.tmpdir(), "marginalia-bench-"));
const file = path.join(dir, "comments.csv");
const rows = await writeCsv(file, targetMb * 1024 * 1024);
const size = (await stat(file)).size;
const server = await startEmbeddedPostgres();
await migrateDatabase(server.url);
const db = createDb(server.url);
const sql = createSql(server.url);
setDb(db);
setSql(sql);
let peakRss = 0;
const baseline = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 250);
const started = performance.now();
const result = await importFile({ db, sql }, { path: file, publication: "Bench" });
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
console.log(`file: ${mb(size)} MB, ${rows} comments`);
console.log(
  `import: ${result.status}, ${seconds.toFixed(1)} s, ${(rows / seconds).toFixed(0)} comments/s, ${(size / 1024 / 1024 / seconds).toFixed(2)} MB/s`,
);
console.log(
  `memory: baseline RSS ${mb(baseline)} MB, peak RSS ${mb(peakRss)} MB, peak/file ${(peakRss / size).toFixed(2)}`,
);
await db.$disconnect();
await sql.end();
await server.stop();
await rm(dir, { recursive: true, force: true });
process.exit(0);
