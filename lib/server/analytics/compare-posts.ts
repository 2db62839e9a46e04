import "server-only";
import { stanceCountsFromVector, toneCountsFromVector, totalOf } from "@/lib/analytics/label-counts";
import { sentimentBinsFromRollup } from "@/lib/analytics/sentiment-bins";
import { readSql } from "@/lib/db/sql";
import type { Comparison } from "@/lib/schemas/compare";

/**
 * Tone, stance and sentiment of several posts, in the order given; unknown ids are left out. Read from the
 * per-post rollups: one row a post, whatever its comment count.
 */
export async function comparePosts(postIds: number[]): Promise<Comparison> {
  const posts = await readSql()<
    {
      id: number;
      title: string;
      published_at: Date | null;
      comments: number;
      scored: number;
      sentiment_sum: number;
      tone_counts: number[] | null;
      stance_counts: number[] | null;
      sentiment_bins: number[] | null;
    }[]
  >`
    SELECT p.id, p.title, p.published_at, coalesce(r.comments, 0) AS comments, coalesce(r.scored, 0) AS scored,
      coalesce(r.sentiment_sum, 0) AS sentiment_sum, r.tone_counts, r.stance_counts, r.sentiment_bins
    FROM post p LEFT JOIN post_rollup r ON r.post_id = p.id
    WHERE p.id = ANY(${postIds}::int[])`;
  const byId = new Map(posts.map((p) => [p.id, p]));
  return {
    posts: postIds.flatMap((id) => {
      const post = byId.get(id);
      if (!post) return [];
      const tones = toneCountsFromVector(post.tone_counts);
      return [
        {
          id,
          title: post.title,
          publishedAt: post.published_at?.toISOString() ?? null,
          comments: post.comments,
          scored: totalOf(tones),
          tones,
          stances: stanceCountsFromVector(post.stance_counts),
          meanSentiment: post.scored > 0 ? post.sentiment_sum / post.scored : null,
          sentimentBins: sentimentBinsFromRollup(post.sentiment_bins),
        },
      ];
    }),
  };
}
