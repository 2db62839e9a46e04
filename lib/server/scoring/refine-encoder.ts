import "server-only";
import type { Sql } from "@/lib/db/sql";
import { ENCODER_VERSION, refineWithEmbedding, scoreComment } from "@/lib/scoring/shipped-model";
import { type CommentTextRow, commentTextColumns, scoreContextOf } from "./comment-text";
import type { RefinedLabels } from "./labels";
import { storeRefinements } from "./labels";
import { currentRefinerVersions } from "./refiners";
import { embedTexts } from "./sentence-encoder";

/** Comments embedded and written per round trip: a few seconds of encoder work. */
const BATCH = 64;

export interface RefineRunResult {
  refined: number;
  version: string;
  /** Comments whose shown flag the refiner turned on (the caller may run the moderation rules on them). */
  newlyFlagged: number[];
}

/**
 * Refines scored comments with the sentence encoder: those without an encoder refinement at the current
 * version (or only `commentIds`), in id order, a batch at a time, until none is left or `limit` is reached.
 * Safe to run in several workers at once: a batch is claimed with SKIP LOCKED, so no comment is refined twice
 * in one pass, and a killed run leaves its batch to the next one.
 */
export async function refineWithEncoder(
  sql: Sql,
  options: { commentIds?: number[]; limit?: number; onProgress?: (done: number) => void } = {},
): Promise<RefineRunResult> {
  const only = options.commentIds;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const newlyFlagged: number[] = [];
  let refined = 0;
  let lastId = 0;
  while (refined < limit) {
    const done = await sql.begin(async (tx) => {
      const rows = await tx<(CommentTextRow & { flag: boolean })[]>`
        SELECT ${commentTextColumns(tx)}, s.flag
        FROM comment c
        JOIN post p ON p.id = c.post_id
        JOIN comment_score s ON s.comment_id = c.id
        WHERE c.id > ${lastId} AND c.body IS NOT NULL
          ${only ? tx`AND c.id = ANY(${only}::int[])` : tx``}
          AND NOT EXISTS (SELECT 1 FROM comment_refinement r
                          WHERE r.comment_id = c.id AND r.refiner = 'ENCODER' AND r.version = ${ENCODER_VERSION})
        ORDER BY c.id
        LIMIT ${Math.min(BATCH, limit - refined)}
        FOR UPDATE OF s SKIP LOCKED`;
      if (rows.length === 0) return 0;
      lastId = rows[rows.length - 1]!.id;
      const embeddings = await embedTexts(rows.map((r) => r.body));
      const labels: RefinedLabels[] = rows.map((r, i) => {
        const context = scoreContextOf(r);
        const fast = scoreComment(r.body, context);
        return {
          commentId: r.id,
          ...refineWithEmbedding(r.body, context, fast, embeddings[i] as Float32Array),
        };
      });
      await storeRefinements(tx, "ENCODER", ENCODER_VERSION, labels, currentRefinerVersions());
      const flagged = await tx<{ comment_id: number }[]>`
        SELECT comment_id FROM comment_score
        WHERE comment_id = ANY(${rows.filter((r) => !r.flag).map((r) => r.id)}::int[]) AND flag`;
      for (const f of flagged) newlyFlagged.push(f.comment_id);
      return rows.length;
    });
    if (done === 0) break;
    refined += done;
    options.onProgress?.(refined);
  }
  return { refined, version: ENCODER_VERSION, newlyFlagged };
}
