import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { generatePool } from "/work/main/bench/generate-comments.ts";
const mod = await import(process.argv[2] as string);
const pool = generatePool(20000);
const dev = readFileSync("/work/shared/data/labeled-comments.dev.jsonl","utf8").trim().split("\n").map(l=>JSON.parse(l).body as string);
const extra = ["IDIOTS!!! You're ALL idiots", "Don’t dont DONT can't", "don&#39;t &amp; <b>Bold</b> café naïve Zürich", "1,200.5 tanks in 2024 https://x.org/a, 😂👍🏽", "USA USA usa NATO's plans; it's its", "He said \"no\" -- really? (maybe) [sure] *wow*"];
const h = createHash("sha256"); const hv = createHash("sha256");
let i=0;
for (const t of [...pool, ...dev, ...extra]) {
  const s = mod.scoreComment(t, i++ % 3 === 0 ? { isReply: true, postTitle: "Peace plan for Ukraine" } : undefined);
  const { scorerVersion, ...rest } = s;
  h.update(JSON.stringify(rest)); hv.update(scorerVersion);
}
console.log(h.digest("hex").slice(0,16), "version", hv.digest("hex").slice(0,8));
