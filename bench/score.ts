/**
 * `npm run bench:score [-- --comments 200000] [--pool 20000] [--report-every 200000]`
 *
 * Throughput of the full scorer vs the `sentiment` package alone over the same generated stream, measured
 * in one run, and heap used at intervals (memory must stay flat on long streams, e.g. --comments 1000000).
 */
import { parseArgs } from "node:util";
import Sentiment from "sentiment";
import { scoreComment } from "@/lib/scoring";
import { commentStream, generatePool } from "./generate-comments";

const { values } = parseArgs({
  options: {
    comments: { type: "string", default: "200000" },
    pool: { type: "string", default: "20000" },
    "report-every": { type: "string" },
  },
});
const total = Number(values.comments);
const reportEvery = Number(values["report-every"] ?? Math.max(1, Math.floor(total / 5)));
const pool = generatePool(Number(values.pool));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function run(name: string, score: (text: string) => number, reportHeap: boolean): number {
  let checksum = 0;
  let done = 0;
  const started = process.hrtime.bigint();
  for (const text of commentStream(pool, total)) {
    checksum += score(text);
    done++;
    if (reportHeap && done % reportEvery === 0) {
      console.log(`  ${name}: ${done} comments, heap used ${mb(process.memoryUsage().heapUsed)}`);
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rate = total / seconds;
  console.log(`${name}: ${total} comments in ${seconds.toFixed(2)} s = ${Math.round(rate)} comments/s (checksum ${checksum.toFixed(1)})`);
  return rate;
}

const sentiment = new Sentiment();
const words = pool.reduce((s, t) => s + t.split(/\s+/).length, 0) / pool.length;
console.log(`stream: ${total} comments cycling over a pool of ${pool.length} (mean ${words.toFixed(1)} words)`);
console.log(`heap used before: ${mb(process.memoryUsage().heapUsed)}`);

// Warm both paths up so the JIT has compiled them before timing.
for (const text of commentStream(pool, 5000)) {
  sentiment.analyze(text);
  scoreComment(text);
}
const packageRate = run("sentiment package alone", (t) => sentiment.analyze(t).score, false);
const scorerRate = run("full scorer", (t) => scoreComment(t).toneScores.hostile, true);
console.log(`ratio full scorer / sentiment package: ${(scorerRate / packageRate).toFixed(2)} (target >= 0.5)`);
console.log(`heap used after: ${mb(process.memoryUsage().heapUsed)}`);
