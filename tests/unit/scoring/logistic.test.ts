import { describe, expect, test } from "vitest";
import {
  argmax,
  balancedWeights,
  type Example,
  fitSoftmax,
  fitTemperature,
  predictExample,
} from "@/lib/scoring/training/logistic";

const example = (dense: number[], grams: number[] = []): Example => ({
  dense: Float64Array.from(dense),
  grams: Int32Array.from(grams),
});

describe("fitSoftmax", () => {
  test("separates classes by a dense feature and by a gram", () => {
    const x = [
      example([1]),
      example([1.2]),
      example([-1]),
      example([-0.8]),
      example([0], [0]),
      example([0], [0]),
    ];
    const y = [0, 0, 1, 1, 2, 2];
    const model = fitSoftmax(
      x,
      y,
      3,
      1,
      y.map(() => 1),
      { l2: 0.01, l2Grams: 0.01 },
    );
    expect(x.map((e) => argmax(predictExample(model, e)))).toEqual(y);
  });

  test("a strong pull toward a prior keeps the prior's answer; a weak one lets the data win", () => {
    const x = [example([1]), example([1])];
    const y = [1, 1];
    const prior = {
      k: 2,
      d: 1,
      v: 0,
      weights: Float64Array.from([5, -5]),
      gramWeights: new Float64Array(0),
      bias: new Float64Array(2),
    };
    const strong = fitSoftmax(x, y, 2, 0, [1, 1], { l2: 1000, l2Grams: 0, prior });
    const weak = fitSoftmax(x, y, 2, 0, [1, 1], { l2: 0.001, l2Grams: 0, prior });
    expect(argmax(predictExample(strong, example([1])))).toBe(0);
    expect(argmax(predictExample(weak, example([1])))).toBe(1);
  });
});

describe("balancedWeights", () => {
  test("power 1 gives each class the same total weight, power 0 leaves rows alone", () => {
    const y = [0, 0, 0, 1];
    const w = balancedWeights(y, [1, 1, 1, 1], 2, 1);
    expect(w[0]! * 3).toBeCloseTo(w[3]!);
    expect(balancedWeights(y, [1, 1, 1, 1], 2, 0)).toEqual([1, 1, 1, 1]);
  });

  test("a class with no rows does not divide by zero", () => {
    expect(balancedWeights([0, 0], [1, 1], 3, 1).every(Number.isFinite)).toBe(true);
  });
});

describe("fitTemperature", () => {
  test("softens over-confident log-probabilities that are often wrong", () => {
    // Always 99% sure, right only 3 times in 5: the best temperature flattens the distribution.
    const lp = Float64Array.from([Math.log(0.99), Math.log(0.01)]);
    const t = fitTemperature([lp, lp, lp, lp, lp], [0, 0, 0, 1, 1], [1, 1, 1, 1, 1]);
    expect(t).toBeGreaterThan(2);
  });

  test("sharpens timid log-probabilities that are always right", () => {
    const lp = Float64Array.from([Math.log(0.6), Math.log(0.4)]);
    expect(fitTemperature([lp, lp, lp], [0, 0, 0], [1, 1, 1])).toBeLessThan(0.5);
  });
});
