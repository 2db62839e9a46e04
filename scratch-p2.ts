import { generatePool } from "./bench/generate-comments";
import { newTokens } from "./lib/scoring/tokenize";
import { analyze } from "./lib/scoring/analyze";
import { moderate } from "./lib/scoring/moderation-signals";
import { collectCues } from "./lib/scoring/cues";
import { extractFeatures, FEATURE_COUNT } from "./lib/scoring/features";
import { MODEL, predict } from "./lib/scoring/model";
import { scoreComment } from "./lib/scoring";
const pool = generatePool(20000);
const buf = newTokens();
const fb = new Float64Array(FEATURE_COUNT);
const o6 = new Float64Array(6), o3 = new Float64Array(3), o3b = new Float64Array(3);
const fns: [string, (t: string) => unknown][] = [
  ["score", (t) => scoreComment(t)],
  ["a+m+f+cues", (t) => { const a = analyze(t, undefined, buf); extractFeatures(a, moderate(a), fb); collectCues(a); }],
  ["a+m+f+c+predict", (t) => { const a = analyze(t, undefined, buf); extractFeatures(a, moderate(a), fb); collectCues(a); predict(MODEL.tone, fb, o6); predict(MODEL.stance, fb, o3); predict(MODEL.sentiment, fb, o3b); }],
  ["predict only", (t) => { predict(MODEL.tone, fb, o6); predict(MODEL.stance, fb, o3); predict(MODEL.sentiment, fb, o3b); }],
];
const tot = new Map<string, number>();
for (let round = 0; round < 8; round++) {
  for (const [name, f] of fns) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < 5000; i++) f(pool[(i + round * 5000) % pool.length]!);
    const c = process.cpuUsage(c0);
    if (round > 1) tot.set(name, (tot.get(name) ?? 0) + c.user + c.system);
  }
}
for (const [k, v] of tot) console.log(k.padEnd(18), (v / 30000).toFixed(2), "us");
