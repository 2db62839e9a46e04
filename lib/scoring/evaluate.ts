/** Classification metrics (pure) and a plain-text report formatter. */

export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Gold examples of this class. */
  support: number;
  /** Examples predicted as this class. */
  predicted: number;
}

export interface Evaluation {
  labels: readonly string[];
  perClass: ClassMetrics[];
  /** Unweighted mean of the per-class F1 over every label (a class never seen nor predicted scores 0). */
  macroF1: number;
  accuracy: number;
  /** confusion[gold][predicted], indexed like `labels`. */
  confusion: number[][];
  total: number;
}

function safeDivide(n: number, d: number): number {
  return d === 0 ? 0 : n / d;
}

export function evaluate(
  labels: readonly string[],
  gold: readonly string[],
  predicted: readonly string[],
): Evaluation {
  if (gold.length !== predicted.length) throw new Error("gold and predicted differ in length");
  const index = new Map(labels.map((l, i) => [l, i]));
  const confusion = labels.map(() => labels.map(() => 0));
  let correct = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = index.get(gold[i] ?? "");
    const p = index.get(predicted[i] ?? "");
    if (g === undefined || p === undefined) throw new Error(`unknown label: ${gold[i]} / ${predicted[i]}`);
    const row = confusion[g];
    if (row) row[p] = (row[p] ?? 0) + 1;
    if (g === p) correct++;
  }
  const perClass = labels.map((label, c) => {
    const tp = confusion[c]?.[c] ?? 0;
    const support = (confusion[c] ?? []).reduce((s, v) => s + v, 0);
    const predictedCount = confusion.reduce((s, row) => s + (row[c] ?? 0), 0);
    const precision = safeDivide(tp, predictedCount);
    const recall = safeDivide(tp, support);
    return {
      label,
      precision,
      recall,
      f1: safeDivide(2 * precision * recall, precision + recall),
      support,
      predicted: predictedCount,
    };
  });
  return {
    labels,
    perClass,
    macroF1: safeDivide(
      perClass.reduce((s, m) => s + m.f1, 0),
      labels.length,
    ),
    accuracy: safeDivide(correct, gold.length),
    confusion,
    total: gold.length,
  };
}

export function metricsFor(e: Evaluation, label: string): ClassMetrics | undefined {
  return e.perClass.find((m) => m.label === label);
}

const fixed = (x: number) => x.toFixed(3);

function pad(s: string, width: number): string {
  return s.length >= width ? s : s + " ".repeat(width - s.length);
}

function padLeft(s: string, width: number): string {
  return s.length >= width ? s : " ".repeat(width - s.length) + s;
}

/** A fixed-width report: per-class P/R/F1, macro-F1, accuracy and the confusion matrix (rows = gold). */
export function formatEvaluation(title: string, e: Evaluation): string {
  const w = Math.max(10, ...e.labels.map((l) => l.length)) + 2;
  const lines: string[] = [`== ${title} (n=${e.total})`];
  lines.push(
    `${pad("class", w)}${padLeft("precision", 10)}${padLeft("recall", 8)}${padLeft("f1", 8)}${padLeft("support", 9)}`,
  );
  for (const m of e.perClass) {
    lines.push(
      `${pad(m.label, w)}${padLeft(fixed(m.precision), 10)}${padLeft(fixed(m.recall), 8)}${padLeft(fixed(m.f1), 8)}${padLeft(String(m.support), 9)}`,
    );
  }
  lines.push(`macro-F1 ${fixed(e.macroF1)}  accuracy ${fixed(e.accuracy)}`);
  lines.push(`confusion (rows gold, columns predicted):`);
  const cw = Math.max(6, ...e.labels.map((l) => Math.min(l.length, 12) + 1));
  lines.push(pad("", w) + e.labels.map((l) => padLeft(l.slice(0, 12), cw)).join(""));
  e.labels.forEach((l, g) => {
    lines.push(pad(l, w) + e.labels.map((_, p) => padLeft(String(e.confusion[g]?.[p] ?? 0), cw)).join(""));
  });
  return lines.join("\n");
}
