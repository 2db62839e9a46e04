import "server-only";
import { z } from "zod";
import { stanceCountsFromVector, toneCountsFromVector } from "@/lib/analytics/label-counts";
import { quantileFromRollup } from "@/lib/analytics/sentiment-bins";
import { readSql, type Sql } from "@/lib/db/sql";
import { rowId } from "@/lib/schemas/bounds";
import { type DateRange, instantRange } from "@/lib/schemas/date-range";
import {
  defaultPostOrder,
  POST_SORTS,
  type PostListOrder,
  type PostListResponse,
  type PostSort,
  type PostSummary,
} from "@/lib/schemas/posts";
import { BadCursorError, cursorCodec } from "@/lib/server/keyset-cursor";

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

/** The columns of a summary, over `post p` and `post_rollup r`. */
function summaryColumns(sql: Sql) {
  return sql`
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
}

/**
 * Posts published within the range (posts without a date are left out then), of the publication (undefined:
 * every publication), over `post p`.
 */
function inScope(sql: Sql, range: DateRange, publicationId: number | undefined) {
  const { start, end } = instantRange(range);
  return sql`${start ? sql`AND p.published_at >= ${start}` : sql``}
    ${end ? sql`AND p.published_at < ${end}` : sql``}
    ${publicationId === undefined ? sql`` : sql`AND p.publication_id = ${publicationId}`}`;
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
  const sql = readSql();
  const rows = await sql<Row[]>`
    SELECT ${summaryColumns(sql)}
    FROM post p
    LEFT JOIN post_rollup r ON r.post_id = p.id
    WHERE true ${inScope(sql, range, publicationId)}
    ORDER BY p.published_at DESC NULLS LAST, p.id DESC`;
  return rows.map(toSummary);
}

export const POST_PAGE_SIZE = 50;
/** How many of the range's flagged posts the overview lists (most flagged first). */
export const FLAGGED_POSTS_SHOWN = 20;

/**
 * The page's last row: the sort it was on, its sort value as PostgreSQL printed it (nothing lost on the way
 * back), and its id.
 */
const pageCursor = cursorCodec(z.object({ s: z.enum(POST_SORTS), k: z.string().max(2000), i: rowId }));

/** PostgreSQL's SQLSTATEs for text that is not a value of the type it is cast to. */
const NOT_A_VALUE = new Set(["22007", "22008", "22P02", "22003"]);

/**
 * Each sort's value of a post, over `post p` and `post_rollup r`, with the type its cursor value is read back
 * as. Posts without a date sort as the oldest; without a scored comment, below every share and mean (as the
 * table shows them: no figure).
 */
function sortKey(sql: Sql, sort: PostSort) {
  switch (sort) {
    case "date":
      return { value: sql`coalesce(p.published_at, '-infinity'::timestamptz)`, type: sql`timestamptz` };
    case "title":
      return { value: sql`lower(p.title)`, type: sql`text` };
    case "comments":
      return { value: sql`coalesce(r.comments, 0)::float8`, type: sql`float8` };
    case "disagree":
      return {
        value: sql`CASE WHEN coalesce(r.scored, 0) = 0 THEN -1 ELSE r.stance_counts[2]::float8 / r.scored END`,
        type: sql`float8`,
      };
    case "sentiment":
      return {
        value: sql`CASE WHEN coalesce(r.scored, 0) = 0 THEN -99 ELSE r.sentiment_sum / r.scored END`,
        type: sql`float8`,
      };
    case "flags":
      return { value: sql`coalesce(r.open_flags, 0)::float8`, type: sql`float8` };
  }
}

export interface PostPageRequest {
  cursor?: string;
  limit?: number;
  /** Date (default): newest first. */
  sort?: PostSort;
  order?: PostListOrder;
  /** Only posts whose title contains this (any case). */
  titleContains?: string;
}

/**
 * One page of the overview's posts in the requested order (keyset on the sort value then id, so every post is
 * reached once however many there are), with how many posts match; the first page also carries the range's
 * most flagged posts (they may be on any page, and ignore the title search) and how many posts have open flags.
 */
export async function listPostSummaryPage(
  range: DateRange = {},
  publicationId?: number,
  page: PostPageRequest = {},
): Promise<PostListResponse> {
  const sql = readSql();
  const limit = page.limit ?? POST_PAGE_SIZE;
  const sort = page.sort ?? "date";
  const cursor = page.cursor ? pageCursor.decode(page.cursor) : null;
  if (cursor && cursor.s !== sort)
    throw new BadCursorError("this cursor belongs to another order of the posts");
  const key = sortKey(sql, sort);
  const descending = (page.order ?? defaultPostOrder(sort)) === "desc";
  const scope = inScope(sql, range, publicationId);
  const titled = page.titleContains?.trim()
    ? sql`strpos(lower(p.title), lower(${page.titleContains.trim()})) > 0`
    : sql`true`;
  const after = !cursor
    ? sql``
    : descending
      ? sql`AND (${key.value}, p.id) < (${cursor.k}::text::${key.type}, ${cursor.i}::int)`
      : sql`AND (${key.value}, p.id) > (${cursor.k}::text::${key.type}, ${cursor.i}::int)`;
  const direction = descending ? sql`DESC` : sql`ASC`;
  const [rows, counted, flagged] = await Promise.all([
    sql<(Row & { sort_key: string })[]>`
      SELECT ${summaryColumns(sql)}, (${key.value})::text AS sort_key
      FROM post p
      LEFT JOIN post_rollup r ON r.post_id = p.id
      WHERE ${titled} ${scope} ${after}
      ORDER BY ${key.value} ${direction}, p.id ${direction}
      LIMIT ${limit + 1}`.catch((err: unknown) => {
      // A cursor whose sort value is not a date or a number did not come from a previous page.
      if (cursor && NOT_A_VALUE.has((err as { code?: string }).code ?? ""))
        throw new BadCursorError("cursor must come from a previous page's nextCursor");
      throw err;
    }),
    sql<{ total: number; flagged: number }[]>`
      SELECT count(*) FILTER (WHERE ${titled})::int AS total,
        count(*) FILTER (WHERE r.open_flags > 0)::int AS flagged
      FROM post p LEFT JOIN post_rollup r ON r.post_id = p.id
      WHERE true ${scope}`,
    cursor
      ? Promise.resolve([])
      : // The order's flag counts per post come from one pass over the open post flags; the summaries' own
        // look-ups run for the shown posts only.
        sql<Row[]>`
          WITH post_flags AS (
            SELECT f.post_id, count(*)::int AS n FROM flag f
            WHERE f.status = 'OPEN' AND f.post_id IS NOT NULL GROUP BY f.post_id
          ), picked AS (
            SELECT p.id, coalesce(pf.n, 0) AS post_flags, r.open_flags, p.published_at
            FROM post p
            JOIN post_rollup r ON r.post_id = p.id
            LEFT JOIN post_flags pf ON pf.post_id = p.id
            WHERE r.open_flags > 0 ${scope}
            ORDER BY post_flags DESC, r.open_flags DESC, p.published_at DESC NULLS LAST, p.id DESC
            LIMIT ${FLAGGED_POSTS_SHOWN}
          )
          SELECT ${summaryColumns(sql)}
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
      rows.length > limit && last ? pageCursor.encode({ s: sort, k: last.sort_key, i: last.id }) : null,
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
