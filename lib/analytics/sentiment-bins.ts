/**
 * Sentiment histogram bins over the comparative score (AFINN score per token, usually within -1..1):
 * BIN_COUNT equal bins between SENTIMENT_MIN and SENTIMENT_MAX, plus an open bin on each side. Bin indexes
 * follow PostgreSQL's width_bucket(value, min, max, count): 0 is below the range, count + 1 at or above max.
 */
export const SENTIMENT_MIN = -1;
export const SENTIMENT_MAX = 1;
export const SENTIMENT_BIN_COUNT = 8;

export interface SentimentBin {
  from: number | null;
  to: number | null;
  count: number;
}

/** Every bin in order (empty ones with 0) from sparse `width_bucket` rows. */
export function sentimentBins(rows: readonly { bucket: number; count: number }[]): SentimentBin[] {
  const width = (SENTIMENT_MAX - SENTIMENT_MIN) / SENTIMENT_BIN_COUNT;
  const bins: SentimentBin[] = [];
  for (let i = 0; i <= SENTIMENT_BIN_COUNT + 1; i++) {
    const from = i === 0 ? null : SENTIMENT_MIN + (i - 1) * width;
    const to = i === SENTIMENT_BIN_COUNT + 1 ? null : SENTIMENT_MIN + i * width;
    bins.push({ from, to, count: 0 });
  }
  for (const row of rows) {
    const bin = bins[Math.min(Math.max(row.bucket, 0), SENTIMENT_BIN_COUNT + 1)];
    if (bin) bin.count += row.count;
  }
  return bins;
}

/** A bin's label for axes and tables: "−0.25 to 0", "below −1", "1 and above". */
export function sentimentBinLabel(
  bin: Pick<SentimentBin, "from" | "to">,
  format: (n: number) => string = String,
): string {
  if (bin.from === null && bin.to !== null) return `below ${format(bin.to)}`;
  if (bin.to === null && bin.from !== null) return `${format(bin.from)} and above`;
  return `${format(bin.from ?? 0)} to ${format(bin.to ?? 0)}`;
}

/**
 * The rollups keep a finer histogram (post_rollup.sentiment_bins): width_bucket(comparative, -1, 1, 200), 202
 * counts with the open bins at each end. Each chart bin is a whole number of fine bins, so chart bins come
 * from it exactly; quantiles to within one fine bin (0.01).
 */
export const ROLLUP_BIN_COUNT = 200;
const FINE_PER_CHART_BIN = ROLLUP_BIN_COUNT / SENTIMENT_BIN_COUNT;

/** The chart's bins from a rollup's fine histogram. */
export function sentimentBinsFromRollup(fine: readonly number[] | null | undefined): SentimentBin[] {
  const rows: { bucket: number; count: number }[] = [];
  (fine ?? []).forEach((count, i) => {
    if (count === 0) return;
    const bucket =
      i === 0 ? 0 : i > ROLLUP_BIN_COUNT ? SENTIMENT_BIN_COUNT + 1 : Math.ceil(i / FINE_PER_CHART_BIN);
    rows.push({ bucket, count });
  });
  return sentimentBins(rows);
}

/**
 * The q-quantile (as PostgreSQL's percentile_cont: position q·(n-1) between the sorted values) from a rollup's
 * fine histogram, each value taken at its bin's middle (the open bins at -1 and 1). Null without values.
 */
export function quantileFromRollup(fine: readonly number[] | null | undefined, q: number): number | null {
  if (!fine) return null;
  const n = fine.reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  const width = (SENTIMENT_MAX - SENTIMENT_MIN) / ROLLUP_BIN_COUNT;
  const valueAt = (rank: number): number => {
    let seen = 0;
    for (let i = 0; i < fine.length; i++) {
      seen += fine[i] ?? 0;
      if (rank < seen) {
        if (i === 0) return SENTIMENT_MIN;
        if (i > ROLLUP_BIN_COUNT) return SENTIMENT_MAX;
        return SENTIMENT_MIN + (i - 0.5) * width;
      }
    }
    return SENTIMENT_MAX;
  };
  const position = q * (n - 1);
  const below = Math.floor(position);
  const fraction = position - below;
  const low = valueAt(below);
  return fraction === 0 ? low : low + (valueAt(below + 1) - low) * fraction;
}
