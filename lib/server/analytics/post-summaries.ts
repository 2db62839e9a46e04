import "server-only";
import { z } from "zod";
import { stanceCountsFromVector, toneCountsFromVector } from "@/lib/analytics/label-counts";
import { quantileFromRollup } from "@/lib/analytics/sentiment-bins";
import { readDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { rowId } from "@/lib/schemas/bounds";
import { type DateRange, instantRange } from "@/lib/schemas/date-range";
import type { PostListResponse, PostSummary } from "@/lib/schemas/posts";
import { cursorCodec } from "@/lib/server/keyset-cursor";

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

const SUMMARY_COLUMNS = Prisma.sql`
  p.id, p.title, p.slug, p.url, p.published_at,
  coalesce(r.comments, 0) AS comments, coalesce(r.commenters, 0) AS commenters, coalesce(r.scored, 0) AS scored,
  coalesce(r.sentiment_sum, 0) AS sentiment_sum, r.sentiment_bins, coalesce(r.open_flags, 0) AS open_flags,
  r.tone_counts, r.stance_counts,
  (SELECT count(*)::int FROM flag f WHERE f.status = 'OPEN' AND f.post_id = p.id) AS open_post_flags,
  (SELECT coalesce(array_agg(DISTINCT f.post_reason::text), '{}'::text[]) FROM flag f
     WHERE f.status = 'OPEN' AND f.post_id = p.id) AS post_flag_reasons,
  (SELECT coalesce(array_agg(f.note ORDER BY f.created_at DESC, f.id DESC), '{}'::text[]) FROM flag f
     WHERE f.status = 'OPEN' AND f.post_id = p.id AND f.raised_by_id IS NULL AND f.note IS NOT NULL)
    AS system_post_flag_notes`;

/**
 * Posts published within the range (posts without a date are left out then), of the publication (undefined:
 * every publication), over `post p`.
 */
function inScope(range: DateRange, publicationId: number | undefined): Prisma.Sql {
  const { start, end } = instantRange(range);
  return Prisma.sql`${start ? Prisma.sql`AND p.published_at >= ${start}` : Prisma.empty}
    ${end ? Prisma.sql`AND p.published_at < ${end}` : Prisma.empty}
    ${publicationId === undefined ? Prisma.empty : Prisma.sql`AND p.publication_id = ${publicationId}`}`;
}

/**
 * Per-post figures for the overview, read from the per-post rollups (one row a post, whatever its comment
 * count): tone and stance are the effective labels (a person's correction first), the sentiment quartiles
 * come from the rollup's 0.01-wide histogram. With a range, only posts published within it; with a publication,
 * only its posts. Every post, newest first: for lists that need them all (the compare page's picker); the
 * overview pages (`listPostSummaryPage`).
 */
export async function listPostSummaries(
  range: DateRange = {},
  publicationId?: number,
): Promise<PostSummary[]> {
  const rows = await readDb().$queryRaw<Row[]>`
    SELECT ${SUMMARY_COLUMNS}
    FROM post p
    LEFT JOIN post_rollup r ON r.post_id = p.id
    WHERE true ${inScope(range, publicationId)}
    ORDER BY p.published_at DESC NULLS LAST, p.id DESC`;
  return rows.map(toSummary);
}

export const POST_PAGE_SIZE = 50;
/** How many of the range's flagged posts the overview lists (most flagged first). */
export const FLAGGED_POSTS_SHOWN = 20;

const pageCursor = cursorCodec(z.object({ d: z.iso.datetime().nullable(), i: rowId }));

/**
 * One page of the overview's posts, newest first (keyset on published_at then id; undated posts last), with
 * how many posts the range holds; the first page also carries the range's most flagged posts (they may be on
 * any page) and how many posts have open flags.
 */
export async function listPostSummaryPage(
  range: DateRange = {},
  publicationId?: number,
  page: { cursor?: string; limit?: number } = {},
): Promise<PostListResponse> {
  const limit = page.limit ?? POST_PAGE_SIZE;
  const cursor = page.cursor ? pageCursor.decode(page.cursor) : null;
  const after = !cursor
    ? Prisma.empty
    : cursor.d === null
      ? Prisma.sql`AND p.published_at IS NULL AND p.id < ${cursor.i}`
      : Prisma.sql`AND (p.published_at < ${new Date(cursor.d)}
          OR p.published_at = ${new Date(cursor.d)} AND p.id < ${cursor.i} OR p.published_at IS NULL)`;
  const [rows, counted, flagged] = await Promise.all([
    readDb().$queryRaw<Row[]>`
      SELECT ${SUMMARY_COLUMNS}
      FROM post p
      LEFT JOIN post_rollup r ON r.post_id = p.id
      WHERE true ${inScope(range, publicationId)} ${after}
      ORDER BY p.published_at DESC NULLS LAST, p.id DESC
      LIMIT ${limit + 1}`,
    readDb().$queryRaw<{ total: number; flagged: number }[]>`
      SELECT count(*)::int AS total, count(*) FILTER (WHERE r.open_flags > 0)::int AS flagged
      FROM post p LEFT JOIN post_rollup r ON r.post_id = p.id
      WHERE true ${inScope(range, publicationId)}`,
    cursor
      ? Promise.resolve([])
      : // The order's flag counts per post come from one pass over the open post flags; the summaries' own
        // look-ups run for the shown posts only.
        readDb().$queryRaw<Row[]>`
          WITH post_flags AS (
            SELECT f.post_id, count(*)::int AS n FROM flag f
            WHERE f.status = 'OPEN' AND f.post_id IS NOT NULL GROUP BY f.post_id
          ), picked AS (
            SELECT p.id, coalesce(pf.n, 0) AS post_flags, r.open_flags, p.published_at
            FROM post p
            JOIN post_rollup r ON r.post_id = p.id
            LEFT JOIN post_flags pf ON pf.post_id = p.id
            WHERE r.open_flags > 0 ${inScope(range, publicationId)}
            ORDER BY post_flags DESC, r.open_flags DESC, p.published_at DESC NULLS LAST, p.id DESC
            LIMIT ${FLAGGED_POSTS_SHOWN}
          )
          SELECT ${SUMMARY_COLUMNS}
          FROM picked x
          JOIN post p ON p.id = x.id
          JOIN post_rollup r ON r.post_id = p.id
          ORDER BY x.post_flags DESC, x.open_flags DESC, x.published_at DESC NULLS LAST, x.id DESC`,
  ]);
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    posts: shown.map(toSummary),
    nextCursor:
      rows.length > limit && last
        ? pageCursor.encode({ d: last.published_at?.toISOString() ?? null, i: last.id })
        : null,
    total: counted[0]?.total ?? 0,
    flagged: cursor ? null : { posts: flagged.map(toSummary), total: counted[0]?.flagged ?? 0 },
  };
}

function toSummary(r: Row): PostSummary {
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
}
