import "server-only";
import { stanceCountsFromVector, toneCountsFromVector } from "@/lib/analytics/label-counts";
import { quantileFromRollup } from "@/lib/analytics/sentiment-bins";
import { readDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { type DateRange, instantRange } from "@/lib/schemas/date-range";
import type { PostSummary } from "@/lib/schemas/posts";

interface Row {
  id: number;
  title: string;
  slug: string | null;
  url: string | null;
  published_at: Date | null;
  comments: number;
  commenters: number;
  scored: number;
  sentiment_sum: number;
  sentiment_bins: number[] | null;
  open_flags: number;
  open_post_flags: number;
  post_flag_reasons: string[];
  system_post_flag_notes: string[];
  tone_counts: number[] | null;
  stance_counts: number[] | null;
}

/**
 * Per-post figures for the overview, read from the per-post rollups (one row a post, whatever its comment
 * count): tone and stance are the effective labels (a person's correction first), the sentiment quartiles
 * come from the rollup's 0.01-wide histogram. With a range, only posts published within it (posts without a
 * date are left out then); with a publication, only its posts.
 */
export async function listPostSummaries(
  range: DateRange = {},
  publicationId?: number,
): Promise<PostSummary[]> {
  const { start, end } = instantRange(range);
  const rangeSql = Prisma.sql`${start ? Prisma.sql`AND p.published_at >= ${start}` : Prisma.empty}
    ${end ? Prisma.sql`AND p.published_at < ${end}` : Prisma.empty}
    ${publicationId === undefined ? Prisma.empty : Prisma.sql`AND p.publication_id = ${publicationId}`}`;
  const rows = await readDb().$queryRaw<Row[]>`
    SELECT p.id, p.title, p.slug, p.url, p.published_at,
      coalesce(r.comments, 0) AS comments, coalesce(r.commenters, 0) AS commenters, coalesce(r.scored, 0) AS scored,
      coalesce(r.sentiment_sum, 0) AS sentiment_sum, r.sentiment_bins, coalesce(r.open_flags, 0) AS open_flags,
      r.tone_counts, r.stance_counts,
      (SELECT count(*)::int FROM flag f WHERE f.status = 'OPEN' AND f.post_id = p.id) AS open_post_flags,
      (SELECT coalesce(array_agg(DISTINCT f.post_reason::text), '{}'::text[]) FROM flag f
         WHERE f.status = 'OPEN' AND f.post_id = p.id) AS post_flag_reasons,
      (SELECT coalesce(array_agg(f.note ORDER BY f.created_at DESC, f.id DESC), '{}'::text[]) FROM flag f
         WHERE f.status = 'OPEN' AND f.post_id = p.id AND f.raised_by_id IS NULL AND f.note IS NOT NULL)
        AS system_post_flag_notes
    FROM post p
    LEFT JOIN post_rollup r ON r.post_id = p.id
    WHERE true ${rangeSql}
    ORDER BY p.published_at DESC NULLS LAST, p.id DESC`;
  return rows.map((r) => {
    const stances = stanceCountsFromVector(r.stance_counts);
    const p25 = quantileFromRollup(r.sentiment_bins, 0.25);
    const p75 = quantileFromRollup(r.sentiment_bins, 0.75);
    return {
      id: r.id,
      title: r.title,
      slug: r.slug,
      url: r.url,
      publishedAt: r.published_at?.toISOString() ?? null,
      comments: r.comments,
      commenters: r.commenters,
      scored: r.scored,
      meanSentiment: r.scored > 0 ? r.sentiment_sum / r.scored : null,
      sentimentQuartiles: p25 === null || p75 === null ? null : { p25, p75 },
      openFlags: r.open_flags,
      openPostFlags: r.open_post_flags,
      postFlagReasons: r.post_flag_reasons,
      systemPostFlagNotes: r.system_post_flag_notes,
      tones: toneCountsFromVector(r.tone_counts),
      stances: {
        agree: stances.agree,
        disagree: stances.disagree,
        neutral: r.scored - stances.agree - stances.disagree,
      },
    };
  });
}
