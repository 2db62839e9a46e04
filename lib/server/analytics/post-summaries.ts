import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { type DateRange, instantRange } from "@/lib/schemas/date-range";
import type { PostSummary } from "@/lib/schemas/posts";
import { TONES, type Tone } from "@/lib/scoring/types";

interface Row {
  id: number;
  title: string;
  slug: string | null;
  url: string | null;
  published_at: Date | null;
  comments: number;
  commenters: number;
  scored: number;
  mean_sentiment: number | null;
  p25: number | null;
  p75: number | null;
  open_flags: number;
  open_post_flags: number;
  post_flag_reasons: string[];
  system_post_flag_notes: string[];
  analytical: number;
  skeptical: number;
  dismissive: number;
  supportive: number;
  hostile: number;
  neutral: number;
  agree: number;
  disagree: number;
}

/**
 * Per-post figures for the overview, in one aggregate over the comment and score tables (never loads
 * comments into JavaScript). Tone and stance use a person's correction where there is one. With a range,
 * only posts published within it (posts without a date are left out then).
 */
export async function listPostSummaries(range: DateRange = {}): Promise<PostSummary[]> {
  const { start, end } = instantRange(range);
  const rangeSql = Prisma.sql`${start ? Prisma.sql`AND p.published_at >= ${start}` : Prisma.empty}
    ${end ? Prisma.sql`AND p.published_at < ${end}` : Prisma.empty}`;
  const rows = await db().$queryRaw<Row[]>`
    SELECT p.id, p.title, p.slug, p.url, p.published_at,
      count(c.id) FILTER (WHERE c.body IS NOT NULL)::int AS comments,
      count(DISTINCT c.commenter_id) FILTER (WHERE c.body IS NOT NULL)::int AS commenters,
      count(s.comment_id)::int AS scored,
      avg(s.sentiment_comparative)::float8 AS mean_sentiment,
      (percentile_cont(0.25) WITHIN GROUP (ORDER BY s.sentiment_comparative))::float8 AS p25,
      (percentile_cont(0.75) WITHIN GROUP (ORDER BY s.sentiment_comparative))::float8 AS p75,
      (SELECT count(*)::int FROM flag f WHERE f.status = 'OPEN'
         AND (f.post_id = p.id OR f.comment_id IN (SELECT id FROM comment WHERE post_id = p.id))) AS open_flags,
      (SELECT count(*)::int FROM flag f WHERE f.status = 'OPEN' AND f.post_id = p.id) AS open_post_flags,
      (SELECT coalesce(array_agg(DISTINCT f.post_reason::text), '{}'::text[]) FROM flag f
         WHERE f.status = 'OPEN' AND f.post_id = p.id) AS post_flag_reasons,
      (SELECT coalesce(array_agg(f.note ORDER BY f.created_at DESC, f.id DESC), '{}'::text[]) FROM flag f
         WHERE f.status = 'OPEN' AND f.post_id = p.id AND f.raised_by_id IS NULL AND f.note IS NOT NULL)
        AS system_post_flag_notes,
      count(*) FILTER (WHERE coalesce(c.corrected_tone, s.tone) = 'analytical')::int AS analytical,
      count(*) FILTER (WHERE coalesce(c.corrected_tone, s.tone) = 'skeptical')::int AS skeptical,
      count(*) FILTER (WHERE coalesce(c.corrected_tone, s.tone) = 'dismissive')::int AS dismissive,
      count(*) FILTER (WHERE coalesce(c.corrected_tone, s.tone) = 'supportive')::int AS supportive,
      count(*) FILTER (WHERE coalesce(c.corrected_tone, s.tone) = 'hostile')::int AS hostile,
      count(*) FILTER (WHERE coalesce(c.corrected_tone, s.tone) = 'neutral')::int AS neutral,
      count(s.comment_id) FILTER (WHERE coalesce(c.corrected_stance, s.stance) = 'agree')::int AS agree,
      count(s.comment_id) FILTER (WHERE coalesce(c.corrected_stance, s.stance) = 'disagree')::int AS disagree
    FROM post p
    LEFT JOIN comment c ON c.post_id = p.id
    LEFT JOIN comment_score s ON s.comment_id = c.id
    WHERE true ${rangeSql}
    GROUP BY p.id
    ORDER BY p.published_at DESC NULLS LAST, p.id DESC`;
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    slug: r.slug,
    url: r.url,
    publishedAt: r.published_at?.toISOString() ?? null,
    comments: r.comments,
    commenters: r.commenters,
    scored: r.scored,
    meanSentiment: r.mean_sentiment,
    sentimentQuartiles: r.p25 === null || r.p75 === null ? null : { p25: r.p25, p75: r.p75 },
    openFlags: r.open_flags,
    openPostFlags: r.open_post_flags,
    postFlagReasons: r.post_flag_reasons,
    systemPostFlagNotes: r.system_post_flag_notes,
    tones: Object.fromEntries(TONES.map((t) => [t, r[t]])) as Record<Tone, number>,
    stances: { agree: r.agree, disagree: r.disagree, neutral: r.scored - r.agree - r.disagree },
  }));
}
