import "server-only";
import { toneCountsFromVector, totalOf } from "@/lib/analytics/label-counts";
import { readSql, type Sql, type SqlFragment } from "@/lib/db/sql";
import { type DateRange, type InstantRange, instantRange, previousRange } from "@/lib/schemas/date-range";
import type { Headline, RangeFigures } from "@/lib/schemas/overview";
import { TONES } from "@/lib/scoring/types";

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Distinct commenters of the range, exactly: the commenter bitmaps of the range's whole UTC months and of its
 * days outside them, OR-ed, then the bits set. A few dozen rows whatever the range, not one per (day, commenter).
 */
function distinctCommenters(sql: Sql, start: string | null, end: string | null, publication: SqlFragment) {
  const month = sql`date_trunc('month', r.day)::date`;
  const wholeMonths = sql`${start ? sql`AND r.month >= ${start}::date` : sql``}
    ${end ? sql`AND (r.month + interval '1 month')::date <= ${end}::date` : sql``}`;
  const days = sql`${start ? sql`AND r.day >= ${start}::date` : sql``}
    ${end ? sql`AND r.day < ${end}::date` : sql``}`;
  const outsideWholeMonths =
    start || end
      ? sql`AND (${start ? sql`${month} < ${start}::date` : sql`false`}
          OR ${end ? sql`(${month} + interval '1 month')::date > ${end}::date` : sql`false`})`
      : sql`AND false`;
  // A bitmap's length is a multiple of 65,536 bits past its highest id. Shorter ones are padded with zeros to
  // the widest in the range (the widest XOR itself: no zeros built from text) so that they OR together.
  // `|| B''` reads each bitmap out of TOAST once, here, not at each use below.
  return sql<{ commenters: number }[]>`
    WITH p AS MATERIALIZED (
      SELECT r.commenters || B'' AS commenters FROM commenter_month_bitmap r WHERE true ${wholeMonths} ${publication}
      UNION ALL
      SELECT r.commenters || B'' FROM commenter_day_bitmap r WHERE true ${days} ${outsideWholeMonths} ${publication}
    ), widest AS (
      SELECT max(length(p.commenters)) AS n FROM p
    ), zeros AS (
      SELECT p.commenters # p.commenters AS z FROM p, widest w WHERE length(p.commenters) = w.n LIMIT 1
    )
    SELECT coalesce(bit_count(bit_or(CASE WHEN length(p.commenters) = w.n THEN p.commenters
      ELSE p.commenters || substring(zeros.z FROM 1 FOR w.n - length(p.commenters)) END)), 0)::int AS commenters
    FROM p, widest w, zeros`;
}

/**
 * Comment, commenter and tone figures of the comments posted within [start, end), from the per-day rollups
 * (ranges are whole UTC days), of one publication or every one: comments and tones in one pass over the posts' days (the tone vectors summed
 * element by element), distinct commenters from the commenter bitmaps.
 */
async function rangeFigures(range: InstantRange, publicationId: number | undefined): Promise<RangeFigures> {
  const sql = readSql();
  const start = range.start ? utcDay(range.start) : null;
  const end = range.end ? utcDay(range.end) : null;
  const days = sql`${start ? sql`AND r.day >= ${start}::date` : sql``}
    ${end ? sql`AND r.day < ${end}::date` : sql``}`;
  const publication = publicationId === undefined ? sql`` : sql`AND r.publication_id = ${publicationId}`;
  const [totals, commenters] = await Promise.all([
    sql<{ comments: number; tones: number[] }[]>`
      SELECT coalesce(sum(r.comments), 0)::int AS comments,
        ARRAY[${sql.unsafe(TONES.map((_, i) => `coalesce(sum(r.tone_counts[${i + 1}]), 0)::int`).join(", "))}] AS tones
      FROM post_day_rollup r WHERE true ${days} ${publication}`,
    distinctCommenters(sql, start, end, publication),
  ]);
  const toneCounts = toneCountsFromVector(totals[0]?.tones);
  return {
    comments: totals[0]?.comments ?? 0,
    commenters: commenters[0]?.commenters ?? 0,
    scored: totalOf(toneCounts),
    tones: toneCounts,
  };
}

/**
 * The overview's headline figures for a range and for the range of equal length before it, of one publication
 * or (undefined) all.
 */
export async function getHeadline(range: DateRange, publicationId?: number): Promise<Headline> {
  const current = instantRange(range);
  const before = previousRange(current);
  const [figures, previousFigures] = await Promise.all([
    rangeFigures(current, publicationId),
    before ? rangeFigures(before, publicationId) : Promise.resolve(null),
  ]);
  return {
    from: range.from ?? null,
    to: range.to ?? null,
    current: figures,
    previous:
      before?.start && before.end && previousFigures
        ? {
            from: utcDay(before.start),
            to: utcDay(new Date(before.end.getTime() - 86_400_000)),
            figures: previousFigures,
          }
        : null,
  };
}
