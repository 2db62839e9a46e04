import { mulberry32 } from "@/lib/random";
/**
 * Stratified k-fold cross-validation of one softmax head. Extra (project-written) examples join every
 * training fold but are never judged, so the figures are about the development comments only.
 */
import { evaluate } from "../evaluate";
import {
  balancedWeights,
  fitSoftmax,
  fitStandardizer,
  predictClass,
  type SoftmaxModel,
  standardize,
} from "./logistic";

export interface TrainingRow {
  features: Float64Array;
  label: number;
}

/** Fold number of each row, stratified by `strata` (rows of a class are dealt round-robin). */
export function stratifiedFolds(strata: readonly number[], k: number, seed: number): number[] {
  const random = mulberry32(seed);
  const order = strata.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  order.sort((a, b) => (strata[a] ?? 0) - (strata[b] ?? 0));
  const folds = new Array<number>(strata.length).fill(0);
  order.forEach((row, position) => {
    folds[row] = position % k;
  });
  return folds;
}

export interface FittedHead {
  model: SoftmaxModel;
  mean: Float64Array;
  scale: Float64Array;
}

export function fitHead(rows: readonly TrainingRow[], k: number, l2: number): FittedHead {
  const d = rows[0]?.features.length ?? 0;
  const standardizer = fitStandardizer(
    rows.map((r) => r.features),
    d,
  );
  const x = standardize(
    rows.map((r) => r.features),
    standardizer,
  );
  const y = rows.map((r) => r.label);
  const model = fitSoftmax(x, y, k, balancedWeights(y, k), l2);
  return { model, mean: standardizer.mean, scale: standardizer.scale };
}

export function predictRow(head: FittedHead, features: Float64Array): number {
  const row = features.map((v, f) => (v - (head.mean[f] ?? 0)) / (head.scale[f] ?? 1));
  return predictClass(head.model, row);
}

/** Out-of-fold predictions for `dev` with a fixed L2. */
export function crossValidatedPredictions(
  dev: readonly TrainingRow[],
  extra: readonly TrainingRow[],
  k: number,
  l2: number,
  folds: readonly number[],
  foldCount: number,
): number[] {
  const predictions = new Array<number>(dev.length).fill(0);
  for (let fold = 0; fold < foldCount; fold++) {
    const train = [...dev.filter((_, i) => folds[i] !== fold), ...extra];
    const head = fitHead(train, k, l2);
    dev.forEach((row, i) => {
      if (folds[i] === fold) predictions[i] = predictRow(head, row.features);
    });
  }
  return predictions;
}

export function macroF1(
  labels: readonly string[],
  gold: readonly number[],
  predicted: readonly number[],
): number {
  return evaluate(
    labels,
    gold.map((g) => labels[g] ?? ""),
    predicted.map((p) => labels[p] ?? ""),
  ).macroF1;
}

/** The L2 with the best mean CV macro-F1 over `seeds`, and every grid point's score. */
export function chooseL2(
  dev: readonly TrainingRow[],
  extra: readonly TrainingRow[],
  labels: readonly string[],
  grid: readonly number[],
  foldCount: number,
  seeds: readonly number[],
): { l2: number; scores: Map<number, number> } {
  const scores = new Map<number, number>();
  const strata = dev.map((r) => r.label);
  for (const l2 of grid) {
    let total = 0;
    for (const seed of seeds) {
      const folds = stratifiedFolds(strata, foldCount, seed);
      const predictions = crossValidatedPredictions(dev, extra, labels.length, l2, folds, foldCount);
      total += macroF1(
        labels,
        dev.map((r) => r.label),
        predictions,
      );
    }
    scores.set(l2, total / seeds.length);
  }
  let best = grid[0] ?? 1;
  for (const l2 of grid) if ((scores.get(l2) ?? 0) > (scores.get(best) ?? 0)) best = l2;
  return { l2: best, scores };
}

/**
 * Nested CV: the L2 is chosen inside each outer training split, so the outer figure is not flattered
 * by the choice. Returns out-of-fold predictions for every dev row.
 */
export function nestedCrossValidatedPredictions(
  dev: readonly TrainingRow[],
  extra: readonly TrainingRow[],
  labels: readonly string[],
  grid: readonly number[],
  foldCount: number,
  seed: number,
): number[] {
  const folds = stratifiedFolds(
    dev.map((r) => r.label),
    foldCount,
    seed,
  );
  const predictions = new Array<number>(dev.length).fill(0);
  for (let fold = 0; fold < foldCount; fold++) {
    const inner = dev.filter((_, i) => folds[i] !== fold);
    const { l2 } = chooseL2(inner, extra, labels, grid, foldCount, [seed + 101]);
    const head = fitHead([...inner, ...extra], labels.length, l2);
    dev.forEach((row, i) => {
      if (folds[i] === fold) predictions[i] = predictRow(head, row.features);
    });
  }
  return predictions;
}
