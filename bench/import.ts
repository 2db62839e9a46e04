/**
 * `npm run bench:import -- [--comments 1000000] [--posts 1000] [--source jsonl|substack]`
 *
 * `marginalia import file` of the generated publication into an empty database (scoring excluded: it is the
 * scoring benchmark's), against the same rows loaded with PostgreSQL's own COPY into the same table (its
 * indexes and foreign keys, the rollup triggers off) in the same run: comments/s of both, their ratio, and
 * the importer's peak memory. Leaves the database imported for bench:scoring and bench:dashboard.
 */

import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { generate } from "./generate";
import { dataDir, mb, openBenchDatabase, printTable, runMarginalia, writeResult } from "./support";

const { values } = parseArgs({
  options: {
    comments: { type: "string", default: "1000000" },
    posts: { type: "string", default: "1000" },
    source: { type: "string", default: "jsonl" },
  },
});
const comments = Number(values.comments);
const posts = Number(values.posts);
const source = values.source === "substack" ? "substack" : "jsonl";

const dir = dataDir(posts, comments);
const input = source === "jsonl" ? path.join(dir, "comments.jsonl") : path.join(dir, "substack");
if (!existsSync(input)) {
  console.log(`generating ${comments} comments on ${posts} posts into ${dir} ...`);
  await generate({ posts, comments, out: dir, format: "both" });
}

const database = await openBenchDatabase(`${posts}-${comments}`);
const sql = postgres(database.url, { max: 2, onnotice: () => {} });

/** Empties every table of the app (the log refuses TRUNCATE by trigger; as its owner we switch that off). */
async function emptyDatabase() {
  const tables = await sql<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  await sql.begin(async (tx) => {
    await tx.unsafe('ALTER TABLE "moderation_action" DISABLE TRIGGER USER');
    await tx.unsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
    await tx.unsafe('ALTER TABLE "moderation_action" ENABLE TRIGGER USER');
  });
  await sql`VACUUM ANALYZE`;
}

await emptyDatabase();
console.log(`importing ${input} ...`);
const imported = await runMarginalia(
  ["import", "file", input, "--publication", "Bench", "--no-score"],
  database,
);
const [stored] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM comment`;
const storedComments = stored?.n ?? 0;
const storeSeconds = Number(
  /stored \d+ comments in ([\d.]+) s/.exec(imported.stdout)?.[1] ?? imported.seconds,
);

// The floor: the same rows, as stored, written back with COPY into the same table.
const dump = path.join(os.tmpdir(), `marginalia-bench-comments-${process.pid}.copy`);
// Its own connection, closed after: postgres.js 3.4 can leave a connection's socket paused when a COPY TO's
// last data and its end arrive together (porsager/postgres#1016), and the next query on it would hang.
const dumper = postgres(database.url, { max: 1, onnotice: () => {} });
await pipeline(await dumper`COPY comment TO STDOUT`.readable(), createWriteStream(dump));
await dumper.end();
await sql.begin(async (tx) => {
  await tx.unsafe('ALTER TABLE "moderation_action" DISABLE TRIGGER USER');
  await tx.unsafe("TRUNCATE comment CASCADE");
  await tx.unsafe('ALTER TABLE "moderation_action" ENABLE TRIGGER USER');
});
// The rollups already hold these rows (TRUNCATE does not touch them): the triggers stay off for the copy.
await sql.unsafe('ALTER TABLE "comment" DISABLE TRIGGER USER');
const copyStarted = performance.now();
const target = await sql`COPY comment FROM STDIN`.writable();
await pipeline(createReadStream(dump), target);
const copySeconds = (performance.now() - copyStarted) / 1000;
await sql.unsafe('ALTER TABLE "comment" ENABLE TRIGGER USER');
await rm(dump, { force: true });
await sql`VACUUM ANALYZE comment`;

const importRate = storedComments / storeSeconds;
const copyRate = storedComments / copySeconds;
const result = {
  comments: storedComments,
  posts,
  source,
  import: {
    command: `marginalia import file ${path.relative(process.cwd(), input)} --publication Bench --no-score`,
    seconds: Number(storeSeconds.toFixed(1)),
    commentsPerSecond: Math.round(importRate),
    peakRssMb: mb(imported.peakRss),
  },
  copy: { seconds: Number(copySeconds.toFixed(1)), commentsPerSecond: Math.round(copyRate) },
  ratio: Number((importRate / copyRate).toFixed(2)),
  bar: ">= 0.5 of COPY; import under 600 MB",
};
printTable(`import of ${storedComments} comments (${source}) against COPY of the same rows`, [
  {
    path: "marginalia import file (store)",
    seconds: result.import.seconds,
    "comments/s": result.import.commentsPerSecond,
    "peak RSS MB": result.import.peakRssMb,
  },
  {
    path: "COPY into comment",
    seconds: result.copy.seconds,
    "comments/s": result.copy.commentsPerSecond,
    "peak RSS MB": "",
  },
]);
console.log(`ratio import/COPY: ${result.ratio} (bar ${result.bar})`);
console.log(`written ${await writeResult(`import-${comments}`, result)}`);
await sql.end();
await database.stop();
