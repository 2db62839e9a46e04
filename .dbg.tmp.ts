import { scoreComment } from "@/lib/scoring";
for (const t of process.argv.slice(2)) { const s = scoreComment(t, {isReply:true}); console.log(s.flagReasons, s.signals, s.cues.map(c=>c.signal+":"+c.text).join(" | ")); }
