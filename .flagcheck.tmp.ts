import { readFileSync } from "node:fs";
import { scoreComment } from "@/lib/scoring";
const rows = readFileSync("/work/shared/data/labeled-comments.dev.jsonl","utf8").trim().split("\n").map(l=>JSON.parse(l));
const showAll = process.argv.includes("--all");
for (const r of rows) {
  const s = scoreComment(r.body, { isReply: r.is_reply });
  if (r.flag || s.flag || (showAll && s.signals.identityAttack+s.signals.threat>0.25)) {
    console.log(`--- gold=${r.flag} pred=${s.flag} ${s.flagReasons} reply=${r.is_reply} sig=${JSON.stringify(s.signals)}`);
    console.log(r.body.slice(0,700));
    console.log("cues:", s.cues.filter(c=>!["positive","negative","negated-positive","negated-negative"].includes(c.signal)).map(c=>`${c.signal}:${c.text}`).join(" | "));
  }
}
