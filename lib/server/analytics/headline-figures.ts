import "server-only";
import { toneCountsFromVector, totalOf } from "@/lib/analytics/label-counts";
import { readDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { type DateRange, type InstantRange, instantRange, previousRange } from "@/lib/schemas/date-range";
import type { Headline, RangeFigures } from "@/lib/schemas/overview";

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Comment, commenter and tone figures of the comments posted within [start, end), from the per-day rollups
 * (ranges are whole UTC days): comments and tones per post and day, distinct commenters per day.
 */
async function rangeFigures(range: InstantRange, publicationId: number | undefined): Promise<RangeFigures> {
  const days = Prisma.sql`${range.start ? Prisma.sql`AND day >= ${utcDay(range.start)}::date` : Prisma.empty}
    ${range.end ? Prisma.sql`AND day < ${utcDay(range.end)}::date` : Prisma.empty}
    ${publicationId === undefined ? Prisma.empty : Prisma.sql`AND publication_id = ${publicationId}`}`;
  const [counts, tones, commenters] = await Promise.all([
    readDb().$queryRaw<{ comments: number }[]>`
      SELECT coalesce(sum(comments), 0)::int AS comments FROM post_day_rollup WHERE true ${days}`,
    readDb().$queryRaw<{ i: number; n: number }[]>`
      SELECT t.i::int AS i, sum(t.n)::int AS n
      FROM post_day_rollup r, unnest(r.tone_counts) WITH ORDINALITY AS t(n, i)
      WHERE true ${days} GROUP BY t.i`,
    readDb().$queryRaw<{ commenters: number }[]>`
      SELECT count(DISTINCT commenter_id)::int AS commenters FROM commenter_day_rollup WHERE comments > 0 ${days}`,
  ]);
  const vector: number[] = [];
  for (const t of tones) vector[t.i - 1] = t.n;
  const toneCounts = toneCountsFromVector(vector);
  return {
    comments: counts[0]?.comments ?? 0,
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
