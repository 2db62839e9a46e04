import { describe, expect, test } from "vitest";
import { ROLLUP_BIN_COUNT, sentimentBinsFromRollup } from "@/lib/analytics/sentiment-bins";

/** A fine histogram (202 counts) from values, binned as PostgreSQL's width_bucket(v, -1, 1, 200) does. */
function fineOf(values: number[]): number[] {
  const fine = new Array<number>(ROLLUP_BIN_COUNT + 2).fill(0);
  for (const v of values) {
    const bucket =
      v < -1 ? 0 : v >= 1 ? ROLLUP_BIN_COUNT + 1 : Math.floor(((v + 1) / 2) * ROLLUP_BIN_COUNT) + 1;
    fine[bucket] = (fine[bucket] ?? 0) + 1;
  }
  return fine;
}

describe("chart bins from the rollup's histogram", () => {
  test("each chart bin is the sum of its fine bins, the open bins apart", () => {
    const values = [-1.5, -1, -0.76, -0.75, -0.01, 0, 0.24, 0.25, 0.99, 1, 3];
    const bins = sentimentBinsFromRollup(fineOf(values));
    expect(bins.map((b) => b.count)).toEqual([1, 2, 1, 0, 1, 2, 1, 0, 1, 2]);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(values.length);
  });
});
