import { generatePool } from "./bench/generate-comments";
import { scoreComment } from "./lib/scoring";
import Sentiment from "sentiment";
const sa = new Sentiment();
const pool = generatePool(20000);
let a = 0, b = 0;
for (let r = 0; r < 12; r++) {
  let c0 = process.cpuUsage(); for (let i = 0; i < 5000; i++) sa.analyze(pool[(i + r * 5000) % 20000]!); let c = process.cpuUsage(c0); if (r > 1) a += c.user;
  c0 = process.cpuUsage(); for (let i = 0; i < 5000; i++) scoreComment(pool[(i + r * 5000) % 20000]!); c = process.cpuUsage(c0); if (r > 1) b += c.user;
}
console.log("pkg us", (a / 50000).toFixed(2), "scorer us", (b / 50000).toFixed(2), "ratio", (a / b).toFixed(2));
