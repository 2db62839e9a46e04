import "server-only";
import { toneCountsFromRows, totalOf } from "@/lib/analytics/label-counts";
import { readSql } from "@/lib/db/sql";
import type { CommentFilters } from "@/lib/schemas/comment-filters";
import type { ToneByDepth } from "@/lib/schemas/post-figures";
import { commentFilterSql } from "./comment-filter-sql";

/** Effective tone of top-level comments (depth 0) against replies (depth 1 and deeper). */
export async function getToneByDepth(postId: number, filters: CommentFilters): Promise<ToneByDepth> {
  const sql = readSql();
  const rows = await sql<{ reply: boolean; label: string | null; count: number }[]>`
    SELECT c.depth > 0 AS reply, coalesce(c.corrected_tone, s.tone)::text AS label, count(*)::int AS count
    FROM comment c LEFT JOIN comment_score s ON s.comment_id = c.id
    WHERE c.post_id = ${postId} AND coalesce(c.corrected_tone, s.tone) IS NOT NULL ${commentFilterSql(sql, filters)}
    GROUP BY 1, 2`;
  const topTones = toneCountsFromRows(rows.filter((r) => !r.reply));
  const replyTones = toneCountsFromRows(rows.filter((r) => r.reply));
  return {
    postId,
    topLevel: { total: totalOf(topTones), tones: topTones },
    replies: { total: totalOf(replyTones), tones: replyTones },
  };
}
