import { describe, expect, test } from "vitest";
import {
  quantileFromRollup,
  ROLLUP_BIN_COUNT,
  sentimentBinsFromRollup,
} from "@/lib/analytics/sentiment-bins";

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

/** percentile_cont over the exact values, as the overview computed it before the rollups. */
function exactQuantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const low = sorted[below]!;
  return low + ((sorted[below + 1] ?? low) - low) * (position - below);
}

describe("quantiles from the rollup's histogram", () => {
  test.each([
    ["the overview fixture", [-0.8, -0.3, -0.2, 0, 0, 0.1, 0.5]],
    ["one value", [0.42]],
    ["all equal", [0.1, 0.1, 0.1, 0.1]],
    ["spread", Array.from({ length: 101 }, (_, i) => -1 + i * 0.02)],
    ["skewed", [-0.95, 0.3, 0.31, 0.32, 0.33, 0.9]],
  ])("%s: within one bin (0.01) of percentile_cont", (_name, values) => {
    for (const q of [0.25, 0.5, 0.75]) {
      const got = quantileFromRollup(fineOf(values), q);
      expect(got).not.toBeNull();
      expect(Math.abs(got! - exactQuantile(values, q))).toBeLessThanOrEqual(0.01);
    }
  });

  test("no values, no quantile; open bins count at -1 and 1", () => {
    expect(quantileFromRollup(fineOf([]), 0.5)).toBeNull();
    expect(quantileFromRollup(null, 0.5)).toBeNull();
    expect(quantileFromRollup(fineOf([-3, -2]), 0.5)).toBe(-1);
    expect(quantileFromRollup(fineOf([2, 5]), 0.5)).toBe(1);
  });
});

describe("chart bins from the rollup's histogram", () => {
  test("each chart bin is the sum of its fine bins, the open bins apart", () => {
    const values = [-1.5, -1, -0.76, -0.75, -0.01, 0, 0.24, 0.25, 0.99, 1, 3];
    const bins = sentimentBinsFromRollup(fineOf(values));
    expect(bins.map((b) => b.count)).toEqual([1, 2, 1, 0, 1, 2, 1, 0, 1, 2]);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(values.length);
  });
});
