import "server-only";
import { toneCountsFromRows } from "@/lib/analytics/label-counts";
import { BUCKET_MS, chooseTimelineBucket } from "@/lib/analytics/timeline";
import { readSql } from "@/lib/db/sql";
import type { CommentFilters } from "@/lib/schemas/comment-filters";
import type { Timeline } from "@/lib/schemas/post-figures";
import { commentFilterSql } from "./comment-filter-sql";

/**
 * Comments per time bucket since publication, by effective tone. The start and the bucket size come from the
 * whole thread (not the filtered part), so the time axis stays put while the filters change.
 */
export async function getCommentTimeline(postId: number, filters: CommentFilters): Promise<Timeline> {
  const sql = readSql();
  const [span] = await sql<{ start: Date | null; last: Date | null }[]>`
    SELECT least(p.published_at, min(c.posted_at)) AS start, max(c.posted_at) AS last
    FROM post p LEFT JOIN comment c ON c.post_id = p.id
    WHERE p.id = ${postId}
    GROUP BY p.id`;
  const start = span?.start ?? new Date(0);
  const bucket = chooseTimelineBucket((span?.last?.getTime() ?? start.getTime()) - start.getTime());
  const seconds = BUCKET_MS[bucket] / 1000;
  const rows = await sql<{ index: number; label: string | null; count: number }[]>`
    SELECT floor(extract(epoch FROM c.posted_at - ${start}::timestamptz) / ${seconds}::float8)::int AS index,
      coalesce(c.corrected_tone, s.tone)::text AS label, count(*)::int AS count
    FROM comment c LEFT JOIN comment_score s ON s.comment_id = c.id
    WHERE c.post_id = ${postId} AND coalesce(c.corrected_tone, s.tone) IS NOT NULL ${commentFilterSql(sql, filters)}
    GROUP BY 1, 2
    ORDER BY 1`;
  const byIndex = new Map<number, { label: string | null; count: number }[]>();
  for (const row of rows) byIndex.set(row.index, [...(byIndex.get(row.index) ?? []), row]);
  return {
    postId,
    start: start.toISOString(),
    bucket,
    buckets: [...byIndex.entries()].map(([index, group]) => ({ index, tones: toneCountsFromRows(group) })),
  };
}
