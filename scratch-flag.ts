import { readFileSync } from "node:fs";
import { parseLabelled, contextOf } from "./lib/scoring/labelled";
import { scoreComment } from "./lib/scoring";
const { records } = parseLabelled(readFileSync("/work/shared/data/labeled-comments.dev.jsonl", "utf8"));
for (const r of records) {
  const s = scoreComment(r.body, contextOf(r));
  if (r.flag || s.flag) console.log(r.flag ? "GOLD" : "    ", s.flag ? "PRED" : "    ", r.id, JSON.stringify(s.signals), s.flagReasons.join(","), s.cues.filter(c => ["insult","contempt","threat","identityGroup","dehumanizing","slur"].includes(c.signal)).map(c => c.signal + ":" + c.text).join("|"));
}
