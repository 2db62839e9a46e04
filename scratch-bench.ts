import { generatePool } from "./bench/generate-comments";
import { tokenize, newTokens } from "./lib/scoring/tokenize";
import { matchPhrases } from "./lib/scoring/phrase-matcher";
import { analyzeSentiment } from "./lib/scoring/sentiment";
import { analyze } from "./lib/scoring/analyze";
import { moderate } from "./lib/scoring/moderation-signals";
import { collectCues } from "./lib/scoring/cues";
import { extractFeatures, FEATURE_COUNT } from "./lib/scoring/features";
import { scoreComment } from "./lib/scoring";
import Sentiment from "sentiment";
const sa = new Sentiment();
const pool = generatePool(20000);
const buf = newTokens();
const fb = new Float64Array(FEATURE_COUNT);
const fns: [string, (t: string) => unknown][] = [
  ["pkg", (t) => sa.analyze(t)],
  ["tokenize", (t) => tokenize(t, buf)],
  ["tok+match", (t) => matchPhrases(tokenize(t, buf))],
  ["tok+match+sent", (t) => { const k = tokenize(t, buf); analyzeSentiment(k, matchPhrases(k)); }],
  ["analyze", (t) => analyze(t, undefined, buf)],
  ["analyze+moderate", (t) => moderate(analyze(t, undefined, buf))],
  ["a+m+features", (t) => { const a = analyze(t, undefined, buf); extractFeatures(a, moderate(a), fb); }],
  ["a+m+f+cues", (t) => { const a = analyze(t, undefined, buf); extractFeatures(a, moderate(a), fb); collectCues(a); }],
  ["score", (t) => scoreComment(t)],
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
const base = tot.get("pkg")!;
for (const [k, v] of tot) console.log(k.padEnd(18), (v / 30000).toFixed(2), "us", (v / base).toFixed(2) + "x pkg");
