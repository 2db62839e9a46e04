/**
 * `npm run bench:score [-- --comments 200000] [--pool 20000] [--chunk 10000] [--report-every 200000]`
 *
 * Throughput of the full scorer vs the `sentiment` package alone over the same generated stream, in one
 * run. The two alternate chunk by chunk over the stream so a busy machine slows both alike and the ratio
 * stays meaningful. Heap used is printed at intervals: it must stay flat (try --comments 1000000).
 */
import { parseArgs } from "node:util";
import Sentiment from "sentiment";
import { scoreComment } from "@/lib/scoring";
import { generatePool } from "./generate-comments";

const { values } = parseArgs({
  options: {
    comments: { type: "string", default: "200000" },
    pool: { type: "string", default: "20000" },
    chunk: { type: "string", default: "10000" },
    "report-every": { type: "string" },
  },
});
const total = Number(values.comments);
const chunk = Math.max(1, Number(values.chunk));
const reportEvery = Number(values["report-every"] ?? Math.max(chunk, Math.floor(total / 5)));
const pool = generatePool(Number(values.pool));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const sentiment = new Sentiment();

/** Scores comments [from, to) of the stream (cycling over the pool); returns seconds and a checksum. */
function timeChunk(
  score: (text: string) => number,
  from: number,
  to: number,
): { seconds: number; checksum: number } {
  let checksum = 0;
  const started = process.hrtime.bigint();
  for (let i = from; i < to; i++) checksum += score(pool[i % pool.length] as string);
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, checksum };
}

const packageScore = (t: string) => sentiment.analyze(t).score;
const scorerScore = (t: string) => {
  const s = scoreComment(t);
  return s.toneScores.hostile + s.cues.length;
};

const words = pool.reduce((s, t) => s + t.split(/\s+/).length, 0) / pool.length;
console.log(
  `stream: ${total} comments cycling over a pool of ${pool.length} (mean ${words.toFixed(1)} words), chunks of ${chunk}`,
);
timeChunk(packageScore, 0, 5000);
timeChunk(scorerScore, 0, 5000);
console.log(`heap used after warm-up: ${mb(process.memoryUsage().heapUsed)}`);

let packageSeconds = 0;
let scorerSeconds = 0;
let checksum = 0;
let nextReport = reportEvery;
for (let from = 0; from < total; from += chunk) {
  const to = Math.min(total, from + chunk);
  const p = timeChunk(packageScore, from, to);
  const s = timeChunk(scorerScore, from, to);
  packageSeconds += p.seconds;
  scorerSeconds += s.seconds;
  checksum += p.checksum + s.checksum;
  if (to >= nextReport || to === total) {
    console.log(`  ${to} comments: heap used ${mb(process.memoryUsage().heapUsed)}`);
    nextReport += reportEvery;
  }
}
const packageRate = total / packageSeconds;
const scorerRate = total / scorerSeconds;
console.log(
  `sentiment package alone: ${Math.round(packageRate)} comments/s (${packageSeconds.toFixed(2)} s)`,
);
console.log(`full scorer:             ${Math.round(scorerRate)} comments/s (${scorerSeconds.toFixed(2)} s)`);
console.log(
  `ratio full scorer / package: ${(scorerRate / packageRate).toFixed(2)} (target >= 0.50); checksum ${checksum.toFixed(1)}`,
);
