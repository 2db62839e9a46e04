import { describe, expect, test } from "vitest";
import { evaluate, formatEvaluation, metricsFor } from "@/lib/scoring/evaluate";

describe("evaluate", () => {
  // gold:      a a a b b c
  // predicted: a a b b c c
  // a: tp 2, predicted 2, support 3 -> P 1, R 2/3, F1 0.8
  // b: tp 1, predicted 2, support 2 -> P 1/2, R 1/2, F1 0.5
  // c: tp 1, predicted 2, support 1 -> P 1/2, R 1, F1 2/3
  const e = evaluate(["a", "b", "c"], ["a", "a", "a", "b", "b", "c"], ["a", "a", "b", "b", "c", "c"]);

  test.each([
    ["a", 1, 2 / 3, 0.8, 3],
    ["b", 0.5, 0.5, 0.5, 2],
    ["c", 0.5, 1, 2 / 3, 1],
  ])("class %s: precision %d, recall %d, f1 %d", (label, precision, recall, f1, support) => {
    const m = metricsFor(e, label);
    expect(m?.precision).toBeCloseTo(precision, 10);
    expect(m?.recall).toBeCloseTo(recall, 10);
    expect(m?.f1).toBeCloseTo(f1, 10);
    expect(m?.support).toBe(support);
  });

  test("macro-F1 and accuracy", () => {
    expect(e.macroF1).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3, 10);
    expect(e.accuracy).toBeCloseTo(4 / 6, 10);
  });

  test("confusion matrix rows are gold, columns predicted", () => {
    expect(e.confusion).toEqual([
      [2, 1, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
  });

  test("a class never predicted nor present scores 0 and still counts in macro-F1", () => {
    const x = evaluate(["yes", "no"], ["no", "no"], ["no", "no"]);
    expect(metricsFor(x, "yes")?.f1).toBe(0);
    expect(x.macroF1).toBeCloseTo(0.5, 10);
  });

  test("unknown labels and length mismatches are errors", () => {
    expect(() => evaluate(["a"], ["a"], ["b"])).toThrow();
    expect(() => evaluate(["a"], ["a"], [])).toThrow();
  });

  test("the report lists every class, macro-F1 and the matrix", () => {
    const text = formatEvaluation("tone", e);
    expect(text).toContain("macro-F1 0.656");
    expect(text).toContain("accuracy 0.667");
    expect(text.split("\n").filter((l) => /^[abc]\s/.test(l))).toHaveLength(6);
  });
});
