import "server-only";
import {
  SENTIMENT_BIN_COUNT,
  SENTIMENT_MAX,
  SENTIMENT_MIN,
  sentimentBins,
  sentimentBinsFromRollup,
} from "@/lib/analytics/sentiment-bins";
import { readSql } from "@/lib/db/sql";
import type { CommentFilters } from "@/lib/schemas/comment-filters";
import type { SentimentHistogram } from "@/lib/schemas/post-figures";
import { commentFilterSql, unfiltered } from "./comment-filter-sql";
import { rollupOf } from "./tone-distribution";

/** Histogram of the comparative sentiment of the post's scored comments that match the filters. */
export async function getSentimentHistogram(
  postId: number,
  filters: CommentFilters,
): Promise<SentimentHistogram> {
  if (unfiltered(filters)) {
    const rollup = await rollupOf(postId);
    const scored = rollup?.scored ?? 0;
    return {
      postId,
      total: scored,
      mean: scored === 0 ? null : (rollup?.sentiment_sum ?? 0) / scored,
      bins: sentimentBinsFromRollup(rollup?.sentiment_bins),
    };
  }
  const sql = readSql();
  const rows = await sql<{ bucket: number; count: number; sum: number }[]>`
    SELECT width_bucket(s.sentiment_comparative, ${SENTIMENT_MIN}::float8, ${SENTIMENT_MAX}::float8, ${SENTIMENT_BIN_COUNT}::int)::int AS bucket,
      count(*)::int AS count, sum(s.sentiment_comparative)::float8 AS sum
    FROM comment c JOIN comment_score s ON s.comment_id = c.id
    WHERE c.post_id = ${postId} ${commentFilterSql(sql, filters)}
    GROUP BY 1`;
  const total = rows.reduce((n, r) => n + r.count, 0);
  const sum = rows.reduce((n, r) => n + r.sum, 0);
  return { postId, total, mean: total === 0 ? null : sum / total, bins: sentimentBins(rows) };
}
