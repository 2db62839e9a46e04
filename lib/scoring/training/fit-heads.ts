/**
 * Fitting the fast scorer's heads from labelled comments: vocabulary, standardisation, settings chosen by
 * stratified cross-validation on the TRAINING comments only, temperature scaling and the flag threshold
 * fitted on out-of-fold probabilities, and the weights file. Pure (the CLI in train.ts does the I/O).
 */
import { mulberry32 } from "@/lib/random";
import { type Analysis, analyze } from "../analyze";
import { evaluate } from "../evaluate";
import {
  extractFeatures,
  extractFlagFeatures,
  FEATURE_NAMES,
  FLAG_FEATURE_NAMES,
  markTrainingSource,
} from "../features";
import { detectHarms, type HarmSignals } from "../harm";
import { contextOf, type LabelledComment } from "../labelled";
import type { HeadName, HeadWeights, ModelFile } from "../model";
import { gramStrings } from "../ngrams";
import { SENTIMENT_LABELS, STANCES, TONES } from "../types";
import {
  argmax,
  balancedWeights,
  type Example,
  fitSoftmax,
  fitStandardizer,
  fitTemperature,
  predictExample,
  type SoftmaxModel,
  type Standardizer,
  standardizeRow,
} from "./logistic";

/** A labelled comment with what every head reads, computed once. */
export interface Prepared {
  record: LabelledComment;
  /** Which labelled set it came from (a file name); decides which heads it trains. */
  set: string;
  analysis: Analysis;
  harms: HarmSignals;
  features: Float64Array;
  /** Its distinct n-grams as text. */
  grams: string[];
}

export function prepare(records: readonly LabelledComment[], set: string): Prepared[] {
  return records.map((record) => {
    const analysis = analyze(record.body, contextOf(record));
    const harms = detectHarms(analysis);
    const features = extractFeatures(analysis, harms);
    markTrainingSource(features, FEATURE_NAMES, record.source);
    return { record, set, analysis, harms, features, grams: [...new Set(gramStrings(analysis.tokens))] };
  });
}

export const HEAD_LABELS: Record<HeadName, readonly string[]> = {
  tone: TONES,
  stance: STANCES,
  sentiment: SENTIMENT_LABELS,
  flag: ["flag", "ok"],
};

export function labelOf(p: Prepared, head: HeadName): string | null {
  const r = p.record;
  if (head === "flag") return r.flag ? "flag" : "ok";
  return r[head] ?? null;
}

/** How rows count in the loss before class balancing. */
export interface RowWeighting {
  /** A tone label's secondary tone joins as a second row with this weight. */
  secondary: number;
  /** Tone rows the labeller marked low-confidence. */
  lowConfidence: number;
}

export interface HeadSettings {
  l2: number;
  l2Grams: number;
  classPower: number;
}

export const settingsKey = (s: HeadSettings) => `l2=${s.l2} grams=${s.l2Grams} power=${s.classPower}`;

/** One training row of a head: a comment, a class and a loss weight. */
interface Row {
  item: number;
  label: number;
  weight: number;
  /** The comment's primary label (judged); secondary-tone rows are training only. */
  primary: boolean;
}

function rowsFor(items: readonly Prepared[], head: HeadName, weighting: RowWeighting): Row[] {
  const labels = HEAD_LABELS[head];
  const rows: Row[] = [];
  items.forEach((p, item) => {
    const label = labelOf(p, head);
    if (label === null) return;
    let weight = 1;
    if (head === "tone" && p.record.confidence === "low") weight *= weighting.lowConfidence;
    rows.push({ item, label: labels.indexOf(label), weight, primary: true });
    const secondary = p.record.secondary_tone;
    if (head === "tone" && secondary && secondary !== p.record.tone && weighting.secondary > 0)
      rows.push({
        item,
        label: labels.indexOf(secondary),
        weight: weight * weighting.secondary,
        primary: false,
      });
  });
  return rows;
}

/** Grams seen in at least `minCount` of the given comments, in a stable order. */
export function buildVocabulary(items: readonly Prepared[], minCount = 2): string[] {
  const counts = new Map<string, number>();
  for (const p of items) for (const g of p.grams) counts.set(g, (counts.get(g) ?? 0) + 1);
  return [...counts]
    .filter(([, c]) => c >= minCount)
    .map(([g]) => g)
    .sort();
}

function gramIds(p: Prepared, vocabulary: ReadonlyMap<string, number>): Int32Array {
  const ids: number[] = [];
  for (const g of p.grams) {
    const id = vocabulary.get(g);
    if (id !== undefined) ids.push(id);
  }
  return Int32Array.from(ids);
}

/** The dense input a head reads for a comment (the flag head needs the tone head's hostile probability). */
type DenseOf = (p: Prepared, item: number) => Float64Array;

export interface FittedHead {
  model: SoftmaxModel;
  standardizer: Standardizer;
  vocabulary: Map<string, number>;
  dense: DenseOf;
}

function fitOn(
  items: readonly Prepared[],
  rows: readonly Row[],
  head: HeadName,
  settings: HeadSettings,
  dense: DenseOf,
  useGrams: boolean,
): FittedHead {
  const used = [...new Set(rows.map((r) => r.item))].map((i) => items[i] as Prepared);
  const vocabList = useGrams ? buildVocabulary(used) : [];
  const vocabulary = new Map(vocabList.map((g, i) => [g, i]));
  const raw = rows.map((r) => dense(items[r.item] as Prepared, r.item));
  const standardizer = fitStandardizer(raw, raw[0]?.length ?? 0);
  const examples: Example[] = rows.map((r, i) => ({
    dense: standardizeRow(raw[i] as Float64Array, standardizer),
    grams: useGrams ? gramIds(items[r.item] as Prepared, vocabulary) : new Int32Array(0),
  }));
  const k = HEAD_LABELS[head].length;
  const y = rows.map((r) => r.label);
  const weights = balancedWeights(
    y,
    rows.map((r) => r.weight),
    k,
    settings.classPower,
  );
  const model = fitSoftmax(examples, y, k, vocabulary.size, weights, {
    l2: settings.l2,
    l2Grams: settings.l2Grams,
  });
  return { model, standardizer, vocabulary, dense };
}

export function predictItem(fitted: FittedHead, p: Prepared, item: number, temperature = 1): Float64Array {
  const example: Example = {
    dense: standardizeRow(fitted.dense(p, item), fitted.standardizer),
    grams: fitted.model.v > 0 ? gramIds(p, fitted.vocabulary) : new Int32Array(0),
  };
  return predictExample(fitted.model, example, temperature);
}

/** Fold of each item, stratified by its label (items of a class are dealt round-robin after a shuffle). */
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

export interface CvResult {
  settings: HeadSettings;
  /** Out-of-fold probabilities of each item that has a label for the head (by item index). */
  outOfFold: Map<number, Float64Array>;
  /** The selection score of each fold. */
  foldScores: number[];
}

/**
 * Average precision of the positive class (area under the precision-recall curve, step-wise): how well
 * probabilities rank flagged comments first, whatever threshold is later chosen.
 */
export function averagePrecision(positive: readonly boolean[], scores: readonly number[]): number {
  const order = scores.map((_, i) => i).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));
  const total = positive.filter(Boolean).length;
  if (total === 0) return 0;
  let hits = 0;
  let sum = 0;
  order.forEach((i, rank) => {
    if (positive[i]) {
      hits++;
      sum += hits / (rank + 1);
    }
  });
  return sum / total;
}

/** How cross-validation judges a head: macro-F1 of the argmax, or average precision for the flag. */
function selectionScore(head: HeadName, gold: readonly number[], probs: readonly Float64Array[]): number {
  const labels = HEAD_LABELS[head];
  if (head === "flag")
    return averagePrecision(
      gold.map((g) => g === 0),
      probs.map((p) => p[0] ?? 0),
    );
  return evaluate(
    labels,
    gold.map((g) => labels[g] ?? ""),
    probs.map((p) => labels[argmax(p)] ?? ""),
  ).macroF1;
}

/**
 * K-fold CV over the items that train `head`, for every setting in `grid`; returns the best setting with
 * its out-of-fold probabilities. Every comment is held out once; a comment's rows share its fold.
 */
export function crossValidate(
  items: readonly Prepared[],
  head: HeadName,
  grid: readonly HeadSettings[],
  weighting: RowWeighting,
  dense: DenseOf,
  useGrams: boolean,
  folds: number,
  seed: number,
  log: (line: string) => void = () => {},
): CvResult {
  const rows = rowsFor(items, head, weighting);
  const judged = rows.filter((r) => r.primary);
  const fold = new Map<number, number>();
  stratifiedFolds(
    judged.map((r) => r.label),
    folds,
    seed,
  ).forEach((f, i) => {
    fold.set((judged[i] as Row).item, f);
  });
  let best: CvResult | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const settings of grid) {
    const outOfFold = new Map<number, Float64Array>();
    const foldScores: number[] = [];
    for (let f = 0; f < folds; f++) {
      const fitted = fitOn(
        items,
        rows.filter((r) => fold.get(r.item) !== f),
        head,
        settings,
        dense,
        useGrams,
      );
      const held = judged.filter((r) => fold.get(r.item) === f);
      const probs = held.map((r) => predictItem(fitted, items[r.item] as Prepared, r.item));
      held.forEach((r, i) => {
        outOfFold.set(r.item, probs[i] as Float64Array);
      });
      foldScores.push(
        selectionScore(
          head,
          held.map((r) => r.label),
          probs,
        ),
      );
    }
    const score = selectionScore(
      head,
      judged.map((r) => r.label),
      judged.map((r) => outOfFold.get(r.item) as Float64Array),
    );
    log(`  ${head} ${settingsKey(settings)}: ${score.toFixed(3)}`);
    if (score > bestScore) {
      bestScore = score;
      best = { settings, outOfFold, foldScores };
    }
  }
  if (best === null) throw new Error(`no settings to try for ${head}`);
  return best;
}

/**
 * Temperature for a head from its out-of-fold probabilities, every comment counting once: the
 * probabilities then say how often a label is right on comments like the training ones (class balancing
 * in training shifts them toward rare classes; calibration does not undo that, it only scales confidence).
 */
export function temperatureFor(
  items: readonly Prepared[],
  head: HeadName,
  outOfFold: ReadonlyMap<number, Float64Array>,
): number {
  const labels = HEAD_LABELS[head];
  const entries = [...outOfFold];
  const y = entries.map(([item]) => labels.indexOf(labelOf(items[item] as Prepared, head) ?? ""));
  return fitTemperature(
    entries.map(([, p]) => p.map((x) => Math.log(Math.max(x, 1e-12)))),
    y,
    y.map(() => 1),
  );
}

/**
 * The flag threshold: the lowest (most recall) at which the out-of-fold precision is still `minPrecision`.
 * A moderator's queue needs most flag-worthy comments in it and at most one false alarm per true one;
 * the margin over that (0.5 against the 0.4) allows for a forum quieter than the training mix.
 */
export function chooseThreshold(
  positive: readonly boolean[],
  probs: readonly number[],
  minPrecision = 0.5,
): { threshold: number; precision: number; recall: number } {
  const total = positive.filter(Boolean).length;
  let chosen = { threshold: 0.95, precision: 0, recall: 0 };
  for (let t = 0.95; t >= 0.049; t -= 0.01) {
    let tp = 0;
    let flagged = 0;
    probs.forEach((p, i) => {
      if (p < t) return;
      flagged++;
      if (positive[i]) tp++;
    });
    const precision = flagged === 0 ? 0 : tp / flagged;
    if (flagged > 0 && precision < minPrecision) break;
    if (flagged > 0)
      chosen = { threshold: Math.round(t * 100) / 100, precision, recall: total === 0 ? 0 : tp / total };
  }
  return chosen;
}

/** Weights are stored to 1e-5: finer digits change no probability by more than 1e-4 and double the file. */
const roundWeight = (x: number) => Math.round(x * 1e5) / 1e5;

/** A fitted head as the weights file stores it, its n-gram weights indexed by the shared `vocabulary`. */
export function headWeights(
  fitted: FittedHead,
  head: HeadName,
  featureNames: readonly string[],
  vocabulary: readonly string[],
  temperature: number,
  settings: HeadSettings,
): HeadWeights {
  const { model } = fitted;
  const classes = HEAD_LABELS[head];
  return {
    classes: [...classes],
    featureNames: [...featureNames],
    mean: [...fitted.standardizer.mean].map(roundWeight),
    scale: [...fitted.standardizer.scale].map(roundWeight),
    bias: [...model.bias].map(roundWeight),
    weights: classes.map((_, c) => [...model.weights.slice(c * model.d, (c + 1) * model.d)].map(roundWeight)),
    gramWeights:
      model.v > 0
        ? classes.map((_, c) =>
            vocabulary.map((g) => {
              const id = fitted.vocabulary.get(g);
              return id === undefined ? 0 : roundWeight(model.gramWeights[c * model.v + id] ?? 0);
            }),
          )
        : undefined,
    temperature,
    settings: { ...settings },
  };
}

/**
 * Drops grams that no head weighs at `minWeight` or more (most of a regularised vocabulary), keeping the
 * shipped file small; the scorer's output moves by at most a few thousandths.
 */
export function pruneVocabulary(file: ModelFile, minWeight: number): ModelFile {
  const heads = Object.values(file.heads);
  const keep = file.vocabulary.map((_, g) =>
    heads.some((h) => h.gramWeights?.some((row) => Math.abs(row[g] ?? 0) >= minWeight)),
  );
  const pick = <T>(row: readonly T[]) => row.filter((_, g) => keep[g]);
  const prune = (h: HeadWeights): HeadWeights => ({ ...h, gramWeights: h.gramWeights?.map(pick) });
  return {
    ...file,
    vocabulary: pick(file.vocabulary),
    heads: {
      tone: prune(file.heads.tone),
      stance: prune(file.heads.stance),
      sentiment: prune(file.heads.sentiment),
      flag: prune(file.heads.flag),
    },
  };
}

/** The flag head's input for a training comment (its corpus marked like the cue features'). */
export function flagFeaturesOf(p: Prepared, hostile: number): Float64Array {
  const features = extractFlagFeatures(p.analysis, p.harms, hostile);
  markTrainingSource(features, FLAG_FEATURE_NAMES, p.record.source);
  return features;
}

export { FEATURE_NAMES, FLAG_FEATURE_NAMES, fitOn, rowsFor };
