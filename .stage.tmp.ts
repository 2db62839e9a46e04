import { generatePool } from "./bench/generate-comments";
import { analyze } from "./lib/scoring/analyze";
import { tokenize, newTokens } from "./lib/scoring/tokenize";
import { matchPhrases } from "./lib/scoring/phrase-matcher";
import { moderate } from "./lib/scoring/moderation-signals";
import { collectCues } from "./lib/scoring/cues";
import { scoreComment } from "./lib/scoring";
import Sentiment from "sentiment";
const pool = generatePool(20000);
const buf = newTokens();
const sent = new Sentiment();
const stages: [string, (t: string) => number][] = [
  ["package", (t) => sent.analyze(t).score],
  ["tokenize", (t) => tokenize(t, buf).count],
  ["tok+match", (t) => matchPhrases(tokenize(t, buf), true).length],
  ["analyze", (t) => analyze(t, undefined, buf).wordCount],
  ["analyze+moderate+cues", (t) => { const a = analyze(t, undefined, buf); return moderate(a).spam + collectCues(a).length; }],
  ["score", (t) => scoreComment(t).cues.length],
];
for (let rep = 0; rep < 3; rep++) {
  const out: string[] = [];
  for (const [name, f] of stages) {
    let x = 0; const t0 = performance.now();
    for (let r = 0; r < 2; r++) for (const t of pool) x += f(t);
    out.push(`${name} ${(performance.now() - t0).toFixed(0)}ms`);
  }
  console.log(out.join(" | "));
}
