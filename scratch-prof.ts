import { generatePool } from "./bench/generate-comments";
import { scoreComment } from "./lib/scoring";
const pool = generatePool(5000);
for (let i = 0; i < 150000; i++) scoreComment(pool[i % pool.length]!);
