import { generatePool } from "./bench/generate-comments";
import { tokenize } from "./lib/scoring/tokenize";
import { matchPhrases } from "./lib/scoring/phrase-matcher";
import { analyzeSentiment } from "./lib/scoring/sentiment";
import { analyze } from "./lib/scoring/analyze";
import { moderate } from "./lib/scoring/moderation-signals";
import { collectCues } from "./lib/scoring/cues";
import { extractFeatures } from "./lib/scoring/features";
import { scoreComment } from "./lib/scoring";
import Sentiment from "sentiment";
const sa = new Sentiment();
const pool = generatePool(20000);
const fns: [string, (t: string) => unknown][] = [
  ["pkg", (t) => sa.analyze(t)],
  ["tokenize", tokenize],
  ["tok+match", (t) => matchPhrases(tokenize(t))],
  ["tok+match+sent", (t) => { const k = tokenize(t); analyzeSentiment(k, matchPhrases(k)); }],
  ["analyze", (t) => analyze(t)],
  ["analyze+moderate", (t) => moderate(analyze(t))],
  ["a+m+features", (t) => extractFeatures(analyze(t), moderate(analyze(t)))],
  ["analyze+cues", (t) => collectCues(analyze(t))],
  ["score", (t) => scoreComment(t)],
];
const tot = new Map<string, number>();
for (let round = 0; round < 6; round++) {
  for (const [name, f] of fns) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < 5000; i++) f(pool[(i + round * 5000) % pool.length]!);
    const c = process.cpuUsage(c0);
    if (round > 0) tot.set(name, (tot.get(name) ?? 0) + c.user + c.system);
  }
}
const base = tot.get("pkg")!;
for (const [k, v] of tot) console.log(k.padEnd(18), (v / 25000).toFixed(2), "us", (v / base).toFixed(2) + "x pkg");
