import { generatePool } from "./bench/generate-comments";
import { tokenize, newTokens } from "./lib/scoring/tokenize";
import Sentiment from "sentiment";
const pool = generatePool(20000);
const sa = new Sentiment();
const RE = /(<\/?[a-zA-Z!][^>]{0,500}>)|(&#?[a-zA-Z0-9]{1,8};)|(https?:\/\/[^\s<>"')\]]+|www\.[^\s<>"')\]]+)|([\p{L}\p{M}\p{N}]+(?:['’‘][\p{L}\p{M}\p{N}]+)*)|(\p{Extended_Pictographic}[\u{FE0F}\u{1F3FB}-\u{1F3FF}\u200D\p{Extended_Pictographic}]*)|([.!?;:,"'()\-\/%+\[\]*“”—–…])/gu;
function reTok(text: string) { RE.lastIndex = 0; let m; let n = 0; const out: string[] = []; while ((m = RE.exec(text)) !== null) { if (m[4] !== undefined) { out.push(m[4].toLowerCase()); } n++; } return n; }
const buf = newTokens();
const fns: [string, (t: string) => unknown][] = [["pkg", (t) => sa.analyze(t)], ["tokenize", (t) => tokenize(t, buf)], ["regex", reTok], ["split", (t)=>t.toLowerCase().split(/[^a-z0-9']+/)]];
const tot = new Map<string, number>();
for (let round = 0; round < 6; round++) for (const [name, f] of fns) { const c0 = process.cpuUsage(); for (let i = 0; i < 5000; i++) f(pool[(i + round * 5000) % pool.length]!); const c = process.cpuUsage(c0); if (round > 0) tot.set(name, (tot.get(name) ?? 0) + c.user + c.system); }
const base = tot.get("pkg")!;
for (const [k, v] of tot) console.log(k.padEnd(18), (v / 25000).toFixed(2), "us", (v / base).toFixed(2) + "x pkg");
