import "server-only";
import {
  stanceCountsFromRows,
  stanceCountsFromVector,
  toneCountsFromRows,
  toneCountsFromVector,
  totalOf,
} from "@/lib/analytics/label-counts";
import { readSql } from "@/lib/db/sql";
import type { CommentFilters } from "@/lib/schemas/comment-filters";
import type { StanceSplit, ToneDistribution } from "@/lib/schemas/post-figures";
import { commentFilterSql, unfiltered } from "./comment-filter-sql";

/** Effective tone of the post's comments that match the filters (comments with no tone are left out). */
export async function getToneDistribution(
  postId: number,
  filters: CommentFilters,
): Promise<ToneDistribution> {
  if (unfiltered(filters)) {
    const tones = toneCountsFromVector((await rollupOf(postId))?.tone_counts);
    return { postId, total: totalOf(tones), tones };
  }
  const sql = readSql();
  const rows = await sql<{ label: string | null; count: number }[]>`
    SELECT coalesce(c.corrected_tone, s.tone)::text AS label, count(*)::int AS count
    FROM comment c LEFT JOIN comment_score s ON s.comment_id = c.id
    WHERE c.post_id = ${postId} AND coalesce(c.corrected_tone, s.tone) IS NOT NULL ${commentFilterSql(sql, filters)}
    GROUP BY 1`;
  const tones = toneCountsFromRows(rows);
  return { postId, total: totalOf(tones), tones };
}

/** Effective stance of the post's comments that match the filters (comments with no stance are left out). */
export async function getStanceSplit(postId: number, filters: CommentFilters): Promise<StanceSplit> {
  if (unfiltered(filters)) {
    const stances = stanceCountsFromVector((await rollupOf(postId))?.stance_counts);
    return { postId, total: totalOf(stances), stances };
  }
  const sql = readSql();
  const rows = await sql<{ label: string | null; count: number }[]>`
    SELECT coalesce(c.corrected_stance, s.stance)::text AS label, count(*)::int AS count
    FROM comment c LEFT JOIN comment_score s ON s.comment_id = c.id
    WHERE c.post_id = ${postId} AND coalesce(c.corrected_stance, s.stance) IS NOT NULL ${commentFilterSql(sql, filters)}
    GROUP BY 1`;
  const stances = stanceCountsFromRows(rows);
  return { postId, total: totalOf(stances), stances };
}

/** The post's rollup row (none before its first comment). */
export async function rollupOf(postId: number) {
  const [row] = await readSql()<
    {
      tone_counts: number[];
      stance_counts: number[];
      sentiment_bins: number[] | null;
      scored: number;
      sentiment_sum: number;
    }[]
  >`SELECT tone_counts, stance_counts, sentiment_bins, scored, sentiment_sum FROM post_rollup WHERE post_id = ${postId}`;
  return row;
}
