/**
 * `npm run bench:score [-- --comments 200000] [--pool 20000] [--chunk 10000] [--report-every 200000]`
 *   `[--refine 400]`
 *
 * Throughput of the full scorer vs the `sentiment` package alone over the same generated stream, in one
 * run. The two alternate chunk by chunk over the stream so a busy machine slows both alike and the ratio
 * stays meaningful; rates are per second of this process's CPU time (waiting for a core is not counted). Heap used is printed at intervals: it must stay flat (try --comments 1000000).
 * Then the background refiner's rate (sentence encoder + stacked heads) over `--refine` comments, printed
 * on its own: it runs in a job after scoring, never on the fast path.
 */
import { parseArgs } from "node:util";
import Sentiment from "sentiment";
import { scoreComment } from "@/lib/scoring";
import { refineWithEmbedding } from "@/lib/scoring/shipped-model";
import { embedTexts } from "@/lib/server/scoring/sentence-encoder";
import { generatePool } from "./generate-comments";

const { values } = parseArgs({
  options: {
    comments: { type: "string", default: "200000" },
    pool: { type: "string", default: "20000" },
    chunk: { type: "string", default: "10000" },
    "report-every": { type: "string" },
    refine: { type: "string", default: "400" },
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
  // CPU time of this process, not wall time: on a shared machine waiting for a core is not the scorer's cost.
  const started = process.cpuUsage();
  for (let i = from; i < to; i++) checksum += score(pool[i % pool.length] as string);
  const used = process.cpuUsage(started);
  return { seconds: (used.user + used.system) / 1e6, checksum };
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

const refineCount = Math.min(Number(values.refine), pool.length);
if (refineCount > 0) {
  const texts = pool.slice(0, refineCount);
  await embedTexts(texts.slice(0, 16)); // load the encoder outside the timing
  const started = process.hrtime.bigint();
  const embeddings = await embedTexts(texts);
  let refinedChecksum = 0;
  texts.forEach((t, i) => {
    const refined = refineWithEmbedding(t, undefined, scoreComment(t), embeddings[i] as Float32Array);
    refinedChecksum += refined.toneScores.hostile;
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    `background refiner (sentence encoder + stacked heads): ${(refineCount / seconds).toFixed(1)} comments/s ` +
      `over ${refineCount} comments (${seconds.toFixed(1)} s); checksum ${refinedChecksum.toFixed(1)}`,
  );
}
