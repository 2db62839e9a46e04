import { TONES, type Tone } from "@/lib/scoring/types";

export type TimelineBucket = "hour" | "day" | "week";

export const BUCKET_MS: Record<TimelineBucket, number> = {
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
};

/** Hours for a thread of up to three days, days up to ten weeks, weeks beyond: 72 to 70 points at most, usually. */
export function chooseTimelineBucket(spanMs: number): TimelineBucket {
  if (spanMs <= 3 * BUCKET_MS.day) return "hour";
  if (spanMs <= 70 * BUCKET_MS.day) return "day";
  return "week";
}

export interface CumulativeTimelineRow extends Record<Tone, number> {
  /** Bucket index since the start (0 = the first bucket). */
  index: number;
  /** When the bucket ends, ISO: the cumulative counts are "as of" this instant. */
  at: string;
  total: number;
}

/**
 * Cumulative comments by tone at the end of every bucket from 0 to the last bucket with comments (gaps
 * filled), for a stacked area chart of the thread's growth.
 */
export function cumulativeTimelineRows(timeline: {
  start: string;
  bucket: TimelineBucket;
  buckets: readonly { index: number; tones: Record<Tone, number> }[];
}): CumulativeTimelineRow[] {
  if (timeline.buckets.length === 0) return [];
  const last = Math.max(...timeline.buckets.map((b) => b.index));
  const perIndex = new Map(timeline.buckets.map((b) => [b.index, b.tones]));
  const start = new Date(timeline.start).getTime();
  const running = Object.fromEntries(TONES.map((t) => [t, 0])) as Record<Tone, number>;
  const rows: CumulativeTimelineRow[] = [];
  for (let index = 0; index <= last; index++) {
    const tones = perIndex.get(index);
    if (tones) for (const t of TONES) running[t] += tones[t];
    const total = TONES.reduce((sum, t) => sum + running[t], 0);
    rows.push({
      index,
      at: new Date(start + (index + 1) * BUCKET_MS[timeline.bucket]).toISOString(),
      total,
      ...running,
    });
  }
  return rows;
}
