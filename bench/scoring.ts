/**
 * `npm run bench:scoring -- [--comments 1000000] [--posts 1000]`
 *
 * The stored scoring path against the scorer alone, over the comments bench:import stored (run it first; the
 * database is bench/.data/pg-<posts>-<comments>, or DATABASE_URL):
 * 1. `marginalia score` over the unscored comments (scores written by COPY, the automatic rules, the rollups
 *    moved by their triggers), when there are any: the first scoring after an import;
 * 2. `marginalia score --rescore` over every stored comment (their scores marked as another version first): a
 *    new scorer version whose output is the same, so each score has its version stamped, nothing more;
 * 3. the same scorer over the same texts in this process, nothing stored: only the time inside scoreComment
 *    is counted, the texts being read from the database by a cursor (right after step 2, so that a shared
 *    machine's load changes as little as it can between the two figures of the bar's ratio);
 * 4. the same rescore again with every stored score's output changed first (a value the rollups do not count,
 *    so the digest no longer matches): a new version whose output differs for every comment, each score
 *    rewritten in full — the worst case of the rescore's writes.
 * Prints comments/s of each, the ratios rescore/in-memory (bar >= 0.5, for step 2) and each command's peak
 * memory (bar: under 600 MB).
 */
import os from "node:os";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { scoreComment } from "@/lib/scoring";
import { type CommentTextRow, scoreContextOf } from "@/lib/server/scoring/comment-text";
import { mb, openBenchDatabase, printTable, runMarginalia, writeResult } from "./support";

const { values } = parseArgs({
  options: {
    comments: { type: "string", default: "1000000" },
    posts: { type: "string", default: "1000" },
  },
});
const comments = Number(values.comments);
const posts = Number(values.posts);

const database = await openBenchDatabase(`${posts}-${comments}`);
const sql = postgres(database.url, { max: 2, onnotice: () => {} });
const [stored] = await sql<{ n: number; unscored: number }[]>`
  SELECT count(*)::int AS n, count(*) FILTER (WHERE s.comment_id IS NULL)::int AS unscored
  FROM comment c LEFT JOIN comment_score s ON s.comment_id = c.id WHERE c.body IS NOT NULL`;
if (!stored || stored.n === 0) {
  console.error(
    `no comments stored: run npm run bench:import -- --comments ${comments} --posts ${posts} first`,
  );
  process.exit(1);
}

/** The command's own time for its work (it prints it), without the process's start-up and migrations check. */
function commandSeconds(run: { stdout: string; seconds: number }): number {
  return Number(/scored \d+ comments with scorer \S+ in ([\d.]+) s/.exec(run.stdout)?.[1] ?? run.seconds);
}

/** A command's figures over `comments`: its rate, its entry in the JSON result and its row of the table. */
function commandFigures(
  command: string,
  path: string,
  comments: number,
  run: { stdout: string; seconds: number; peakRss: number },
) {
  const seconds = commandSeconds(run);
  const rate = comments / seconds;
  return {
    rate,
    result: {
      command,
      comments,
      seconds: Number(seconds.toFixed(1)),
      commentsPerSecond: Math.round(rate),
      peakRssMb: mb(run.peakRss),
    },
    row: {
      path,
      comments,
      seconds: seconds.toFixed(1),
      "comments/s": Math.round(rate),
      "peak RSS MB": mb(run.peakRss),
    },
  };
}

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" / ");

const rows: Record<string, string | number>[] = [];
const result: Record<string, unknown> = { comments: stored.n, posts };

if (stored.unscored > 0) {
  console.log(`scoring ${stored.unscored} unscored comments (marginalia score) ...`);
  const run = await runMarginalia(["score"], database);
  const first = commandFigures(
    "marginalia score",
    "marginalia score (new comments: scores, rules, rollups)",
    stored.unscored,
    run,
  );
  result.firstScoring = first.result;
  rows.push(first.row);
}

console.log(`marking ${stored.n} scores as another scorer version ...`);
await sql`UPDATE comment_score_version SET scorer_version = 'bench-previous'`;
await sql`VACUUM ANALYZE comment_score_version`;
console.log(`rescoring every comment (marginalia score --rescore), load average ${loadAverage()} ...`);
const rescore = commandFigures(
  "marginalia score --rescore",
  "marginalia score --rescore (stored)",
  stored.n,
  await runMarginalia(["score", "--rescore"], database),
);

console.log(`the scorer alone over the same texts, load average ${loadAverage()} ...`);
let inMemorySeconds = 0;
let checksum = 0;
let seen = 0;
const cursor = sql<CommentTextRow[]>`
  SELECT c.id, c.body, (c.parent_external_id IS NOT NULL) AS is_reply, p.title, p.body_html
  FROM comment c JOIN post p ON p.id = c.post_id WHERE c.body IS NOT NULL`.cursor(5000);
for await (const batch of cursor) {
  const started = performance.now();
  for (const row of batch) checksum += scoreComment(row.body, scoreContextOf(row)).toneScores.hostile;
  inMemorySeconds += (performance.now() - started) / 1000;
  seen += batch.length;
}
const inMemoryRate = seen / inMemorySeconds;

console.log(`changing the output of ${stored.n} stored scores, marked as another scorer version ...`);
await sql`UPDATE comment_score SET profanity = profanity + 1`;
await sql`UPDATE comment_score_version SET scorer_version = 'bench-previous'`;
await sql`VACUUM ANALYZE comment_score, comment_score_version`;
console.log(
  `rescoring every comment, every output changed (marginalia score --rescore), load average ${loadAverage()} ...`,
);
const rewrite = commandFigures(
  "marginalia score --rescore",
  "marginalia score --rescore, every output changed",
  stored.n,
  await runMarginalia(["score", "--rescore"], database),
);

result.rescore = rescore.result;
result.rescoreEveryOutputChanged = {
  ...rewrite.result,
  ratio: Number((rewrite.rate / inMemoryRate).toFixed(2)),
};
result.inMemory = {
  comments: seen,
  seconds: Number(inMemorySeconds.toFixed(1)),
  commentsPerSecond: Math.round(inMemoryRate),
};
result.ratio = Number((rescore.rate / inMemoryRate).toFixed(2));
result.bar = "stored path >= 0.5 of the scorer in memory; under 600 MB";
rows.push(rescore.row, rewrite.row, {
  path: "scoreComment alone, in memory",
  comments: seen,
  seconds: inMemorySeconds.toFixed(1),
  "comments/s": Math.round(inMemoryRate),
  "peak RSS MB": "",
});
printTable(`scoring ${stored.n} stored comments against the scorer alone`, rows);
console.log(`ratio stored/in-memory: ${result.ratio} (bar ${result.bar}); checksum ${checksum.toFixed(1)}`);
console.log(
  `ratio with every output changed: ${(result.rescoreEveryOutputChanged as { ratio: number }).ratio}`,
);
console.log(`written ${await writeResult(`scoring-${comments}`, result)}`);
await sql.end();
await database.stop();
