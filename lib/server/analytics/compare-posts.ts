import "server-only";
import { stanceCountsFromRows, toneCountsFromRows, totalOf } from "@/lib/analytics/label-counts";
import {
  SENTIMENT_BIN_COUNT,
  SENTIMENT_MAX,
  SENTIMENT_MIN,
  sentimentBins,
} from "@/lib/analytics/sentiment-bins";
import { db } from "@/lib/db/client";
import type { Comparison } from "@/lib/schemas/compare";

/** Tone, stance and sentiment of several posts, in the order given; unknown ids are left out. */
export async function comparePosts(postIds: number[]): Promise<Comparison> {
  const [posts, labels, bins] = await Promise.all([
    db().$queryRaw<
      { id: number; title: string; published_at: Date | null; comments: number; mean: number | null }[]
    >`
      SELECT p.id, p.title, p.published_at,
        count(c.id) FILTER (WHERE c.body IS NOT NULL)::int AS comments,
        avg(s.sentiment_comparative)::float8 AS mean
      FROM post p
      LEFT JOIN comment c ON c.post_id = p.id
      LEFT JOIN comment_score s ON s.comment_id = c.id
      WHERE p.id = ANY(${postIds}::int[])
      GROUP BY p.id`,
    db().$queryRaw<{ post_id: number; tone: string | null; stance: string | null; count: number }[]>`
      SELECT c.post_id, coalesce(c.corrected_tone, s.tone)::text AS tone,
        coalesce(c.corrected_stance, s.stance)::text AS stance, count(*)::int AS count
      FROM comment c LEFT JOIN comment_score s ON s.comment_id = c.id
      WHERE c.post_id = ANY(${postIds}::int[]) AND coalesce(c.corrected_tone, s.tone) IS NOT NULL
      GROUP BY 1, 2, 3`,
    db().$queryRaw<{ post_id: number; bucket: number; count: number }[]>`
      SELECT c.post_id,
        width_bucket(s.sentiment_comparative, ${SENTIMENT_MIN}::float8, ${SENTIMENT_MAX}::float8, ${SENTIMENT_BIN_COUNT}::int)::int AS bucket,
        count(*)::int AS count
      FROM comment c JOIN comment_score s ON s.comment_id = c.id
      WHERE c.post_id = ANY(${postIds}::int[])
      GROUP BY 1, 2`,
  ]);
  const byId = new Map(posts.map((p) => [p.id, p]));
  return {
    posts: postIds.flatMap((id) => {
      const post = byId.get(id);
      if (!post) return [];
      const mine = labels.filter((l) => l.post_id === id);
      const tones = toneCountsFromRows(mine.map((l) => ({ label: l.tone, count: l.count })));
      return [
        {
          id,
          title: post.title,
          publishedAt: post.published_at?.toISOString() ?? null,
          comments: post.comments,
          scored: totalOf(tones),
          tones,
          stances: stanceCountsFromRows(mine.map((l) => ({ label: l.stance, count: l.count }))),
          meanSentiment: post.mean,
          sentimentBins: sentimentBins(bins.filter((b) => b.post_id === id)),
        },
      ];
    }),
  };
}
