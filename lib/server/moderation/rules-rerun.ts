import "server-only";
import { db } from "@/lib/db/client";
import { sql } from "@/lib/db/sql";
import { appendLog } from "@/lib/server/audit-log";
import { moderateComments } from "./auto-moderate";

/**
 * The rule re-run job's work (QUEUES.rerunRules): re-applies the automatic rules, with the current settings, to
 * the publication's comments nobody has decided on (status NONE), a chunk at a time, each chunk committed with
 * its decision rows (logged as the system's: a rule decided them). One RULES_RERUN row records who asked and
 * what came of it. Safe to run again after a kill: decided comments are no longer NONE, and a rule's open
 * flag is never raised twice.
 */
export async function runRulesRerun(publicationId: number, actorId: string | null): Promise<RerunOutcome> {
  const publication = await db().publication.findUnique({
    where: { id: publicationId },
    select: { id: true },
  });
  if (!publication) return { publicationId, checked: 0, decided: 0 };
  let checked = 0;
  let decided = 0;
  let lastId = 0;
  for (;;) {
    const rows = await sql()<{ id: number }[]>`
      SELECT id FROM comment
      WHERE publication_id = ${publicationId} AND status = 'NONE' AND body IS NOT NULL AND id > ${lastId}
      ORDER BY id LIMIT ${RERUN_CHUNK}`;
    if (rows.length === 0) break;
    const ids = rows.map((r) => r.id);
    lastId = ids[ids.length - 1] as number;
    checked += ids.length;
    decided += await moderateComments(sql(), ids);
  }
  await appendLog(db(), {
    actorId,
    action: "RULES_RERUN",
    targetType: "PUBLICATION",
    targetId: String(publicationId),
    publicationId,
    note: "moderation rules re-run on undecided comments",
    after: { checked, decided },
  });
  return { publicationId, checked, decided };
}

const RERUN_CHUNK = 5000;

export interface RerunOutcome {
  publicationId: number;
  checked: number;
  decided: number;
}
