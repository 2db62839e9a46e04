/**
 * Stratified k-fold cross-validation of one softmax head. Extra (project-written) examples join every
 * training fold but are never judged, so the figures are about the development comments only.
 */
import { mulberry32 } from "@/lib/random";
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
  /** Loss weight before class balancing (a soft secondary label is a second row with a small weight). */
  weight: number;
  /** Rows that share a source comment share a group, so a comment is never on both sides of a fold. */
  group: number;
}

/** What cross-validation chooses for a head: L2 strength and how far classes are balanced. */
export interface HeadSettings {
  l2: number;
  classPower: number;
}

export function settingsKey(s: HeadSettings): string {
  return `l2=${s.l2} power=${s.classPower}`;
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

export function fitHead(rows: readonly TrainingRow[], k: number, settings: HeadSettings): FittedHead {
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
  const weights = balancedWeights(
    y,
    rows.map((r) => r.weight),
    k,
    settings.classPower,
  );
  const model = fitSoftmax(x, y, k, weights, settings.l2);
  return { model, mean: standardizer.mean, scale: standardizer.scale };
}

export function predictRow(head: FittedHead, features: Float64Array): number {
  const row = features.map((v, f) => (v - (head.mean[f] ?? 0)) / (head.scale[f] ?? 1));
  return predictClass(head.model, row);
}

/**
 * Development comments for one head: `judged` holds one row per comment (its primary label, judged
 * out of fold); `training` may hold more rows per comment (soft secondary labels), all in its group.
 */
export interface DevRows {
  judged: readonly TrainingRow[];
  training: readonly TrainingRow[];
}

/** Out-of-fold predictions for every judged dev row; `folds` is indexed by group. */
export function crossValidatedPredictions(
  dev: DevRows,
  extra: readonly TrainingRow[],
  k: number,
  settings: HeadSettings,
  folds: readonly number[],
  foldCount: number,
): number[] {
  const predictions = new Array<number>(dev.judged.length).fill(0);
  for (let fold = 0; fold < foldCount; fold++) {
    const train = [...dev.training.filter((r) => folds[r.group] !== fold), ...extra];
    const head = fitHead(train, k, settings);
    dev.judged.forEach((row, i) => {
      if (folds[row.group] === fold) predictions[i] = predictRow(head, row.features);
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

/** Judged rows are in group order (group i is comment i), so folds over them index by group. */
function foldsFor(dev: DevRows, foldCount: number, seed: number): number[] {
  return stratifiedFolds(
    dev.judged.map((r) => r.label),
    foldCount,
    seed,
  );
}

/** The settings with the best mean CV macro-F1 over `seeds`, and every grid point's score. */
export function chooseSettings(
  dev: DevRows,
  extra: readonly TrainingRow[],
  labels: readonly string[],
  grid: readonly HeadSettings[],
  foldCount: number,
  seeds: readonly number[],
): { settings: HeadSettings; scores: Map<string, number> } {
  const scores = new Map<string, number>();
  const gold = dev.judged.map((r) => r.label);
  for (const settings of grid) {
    let total = 0;
    for (const seed of seeds) {
      const folds = foldsFor(dev, foldCount, seed);
      const predictions = crossValidatedPredictions(dev, extra, labels.length, settings, folds, foldCount);
      total += macroF1(labels, gold, predictions);
    }
    scores.set(settingsKey(settings), total / seeds.length);
  }
  let best = grid[0] ?? { l2: 1, classPower: 1 };
  for (const s of grid)
    if ((scores.get(settingsKey(s)) ?? 0) > (scores.get(settingsKey(best)) ?? 0)) best = s;
  return { settings: best, scores };
}

/** Keeps the judged comments in `keep` (by group) and renumbers their groups 0..n-1. */
function subset(dev: DevRows, keep: (group: number) => boolean): DevRows {
  const renumber = new Map<number, number>();
  for (const r of dev.judged) if (keep(r.group)) renumber.set(r.group, renumber.size);
  const move = (r: TrainingRow): TrainingRow => ({ ...r, group: renumber.get(r.group) ?? -1 });
  return {
    judged: dev.judged.filter((r) => renumber.has(r.group)).map(move),
    training: dev.training.filter((r) => renumber.has(r.group)).map(move),
  };
}

/**
 * Nested CV: the settings are chosen inside each outer training split, so the outer figure is not
 * flattered by the choice. Returns out-of-fold predictions for every judged dev row.
 */
export function nestedCrossValidatedPredictions(
  dev: DevRows,
  extra: readonly TrainingRow[],
  labels: readonly string[],
  grid: readonly HeadSettings[],
  foldCount: number,
  seed: number,
): number[] {
  const folds = foldsFor(dev, foldCount, seed);
  const predictions = new Array<number>(dev.judged.length).fill(0);
  for (let fold = 0; fold < foldCount; fold++) {
    const inner = subset(dev, (group) => folds[group] !== fold);
    const { settings } = chooseSettings(inner, extra, labels, grid, foldCount, [seed + 101]);
    const head = fitHead([...inner.training, ...extra], labels.length, settings);
    dev.judged.forEach((row, i) => {
      if (folds[row.group] === fold) predictions[i] = predictRow(head, row.features);
    });
  }
  return predictions;
}
