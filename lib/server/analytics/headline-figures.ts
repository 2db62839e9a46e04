import "server-only";
import { toneCountsFromRows, totalOf } from "@/lib/analytics/label-counts";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { type DateRange, type InstantRange, instantRange, previousRange } from "@/lib/schemas/date-range";
import type { Headline, RangeFigures } from "@/lib/schemas/overview";

/** Comment, commenter and tone figures of the comments posted within [start, end). */
async function rangeFigures(range: InstantRange): Promise<RangeFigures> {
  const where = Prisma.sql`${range.start ? Prisma.sql`AND c.posted_at >= ${range.start}` : Prisma.empty}
    ${range.end ? Prisma.sql`AND c.posted_at < ${range.end}` : Prisma.empty}`;
  const [counts, tones] = await Promise.all([
    db().$queryRaw<{ comments: number; commenters: number }[]>`
      SELECT count(*)::int AS comments, count(DISTINCT c.commenter_id)::int AS commenters
      FROM comment c WHERE c.body IS NOT NULL ${where}`,
    db().$queryRaw<{ label: string | null; count: number }[]>`
      SELECT coalesce(c.corrected_tone, s.tone)::text AS label, count(*)::int AS count
      FROM comment c LEFT JOIN comment_score s ON s.comment_id = c.id
      WHERE coalesce(c.corrected_tone, s.tone) IS NOT NULL ${where}
      GROUP BY 1`,
  ]);
  const toneCounts = toneCountsFromRows(tones);
  return {
    comments: counts[0]?.comments ?? 0,
    commenters: counts[0]?.commenters ?? 0,
    scored: totalOf(toneCounts),
    tones: toneCounts,
  };
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The overview's headline figures for a range and for the range of equal length before it. */
export async function getHeadline(range: DateRange): Promise<Headline> {
  const current = instantRange(range);
  const before = previousRange(current);
  const [figures, previousFigures] = await Promise.all([
    rangeFigures(current),
    before ? rangeFigures(before) : Promise.resolve(null),
  ]);
  return {
    from: range.from ?? null,
    to: range.to ?? null,
    current: figures,
    previous:
      before?.start && before.end && previousFigures
        ? {
            from: day(before.start),
            to: day(new Date(before.end.getTime() - 86_400_000)),
            figures: previousFigures,
          }
        : null,
  };
}
