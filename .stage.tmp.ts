import { generatePool } from "./bench/generate-comments";
import { analyze } from "./lib/scoring/analyze";
import { tokenize, newTokens } from "./lib/scoring/tokenize";
import { matchPhrases } from "./lib/scoring/phrase-matcher";
import { moderate } from "./lib/scoring/moderation-signals";
import { collectCues } from "./lib/scoring/cues";
import { extractFeatures, FEATURE_COUNT } from "./lib/scoring/features";
import { MODEL, predict } from "./lib/scoring/model";
import { scoreComment } from "./lib/scoring";
import Sentiment from "sentiment";
const pool = generatePool(20000);
const buf = newTokens();
const sent = new Sentiment();
const feat = new Float64Array(FEATURE_COUNT); const out = new Float64Array(6);
const stages: [string, (t: string) => number][] = [
  ["package", (t) => sent.analyze(t).score],
  ["tokenize", (t) => tokenize(t, buf).count],
  ["tok+match", (t) => matchPhrases(tokenize(t, buf), true).length],
  ["analyze", (t) => analyze(t, undefined, buf).wordCount],
  ["+mod", (t) => { const a = analyze(t, undefined, buf); return moderate(a).spam; }],
  ["+cues", (t) => { const a = analyze(t, undefined, buf); return moderate(a).spam + collectCues(a).length; }],
  ["+feat", (t) => { const a = analyze(t, undefined, buf); const m = moderate(a); extractFeatures(a, m, feat); return m.spam + collectCues(a).length; }],
  ["+pred", (t) => { const a = analyze(t, undefined, buf); const m = moderate(a); extractFeatures(a, m, feat); predict(MODEL.tone, feat, out); predict(MODEL.stance, feat, out); predict(MODEL.sentiment, feat, out); return m.spam + collectCues(a).length; }],
  ["score", (t) => scoreComment(t).cues.length],
];
const best = new Map<string, number>();
for (let rep = 0; rep < 5; rep++) {
  for (const [name, f] of stages) {
    let x = 0; const t0 = performance.now();
    for (const t of pool) x += f(t);
    const ms = performance.now() - t0;
    best.set(name, Math.min(best.get(name) ?? 1e9, ms));
  }
}
console.log([...best].map(([n, v]) => `${n} ${v.toFixed(0)}`).join(" | "));
