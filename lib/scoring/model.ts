/**
 * The fast scorer's trained heads (multinomial logistic regression over cue features and word n-grams),
 * stored in model/weights.json, which `npm run scoring:train` writes (loaded by shipped-model.ts). Each head names the feature list
 * it reads and the standardisation it was trained with; a file written for other features is refused.
 * Probabilities are temperature-scaled (fitted on held-out folds in training), so they are calibrated.
 */
import { z } from "zod";

export const headSchema = z.object({
  classes: z.array(z.string()).min(2),
  featureNames: z.array(z.string()),
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  bias: z.array(z.number()),
  /** [class][feature], on standardised features. */
  weights: z.array(z.array(z.number())),
  /** [class][vocabulary id]; absent for a head without n-grams. */
  gramWeights: z.array(z.array(z.number())).optional(),
  temperature: z.number().positive(),
  settings: z.record(z.string(), z.unknown()),
});

export const HEAD_NAMES = ["tone", "stance", "sentiment", "flag"] as const;
export type HeadName = (typeof HEAD_NAMES)[number];

export const modelFileSchema = z.object({
  format: z.literal(2),
  vocabulary: z.array(z.string()),
  heads: z.object({ tone: headSchema, stance: headSchema, sentiment: headSchema, flag: headSchema }),
  /** The flag head's probability at and above which a comment is flagged. */
  flagThreshold: z.number().min(0).max(1),
  training: z.record(z.string(), z.unknown()),
});
export type ModelFile = z.infer<typeof modelFileSchema>;
export type HeadWeights = z.infer<typeof headSchema>;

export interface CompiledHead {
  classes: readonly string[];
  /** Number of dense features. */
  d: number;
  /** Row-major [class][feature], already divided by the feature scale. */
  weights: Float64Array;
  /** Per-class offset that folds in the bias and the feature means, so prediction needs no standardised copy. */
  offset: Float64Array;
  temperature: number;
}

/** Compiles a head's dense part for raw (unstandardised) features named `expected`; throws when they differ. */
export function compileHead(head: HeadWeights, expected: readonly string[]): CompiledHead {
  const k = head.classes.length;
  const d = expected.length;
  const same = head.featureNames.length === d && head.featureNames.every((n, i) => n === expected[i]);
  if (!same) throw new Error("model head was trained on other features: run `npm run scoring:train`");
  if (head.bias.length !== k || head.weights.length !== k) throw new Error("model head has wrong shape");
  const t = head.temperature;
  const weights = new Float64Array(k * d);
  const offset = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    const row = head.weights[c] ?? [];
    if (row.length !== d) throw new Error("model head row has wrong length");
    let off = (head.bias[c] ?? 0) / t;
    for (let f = 0; f < d; f++) {
      const w = (row[f] ?? 0) / (head.scale[f] ?? 1) / t;
      weights[c * d + f] = w;
      off -= w * (head.mean[f] ?? 0);
    }
    offset[c] = off;
  }
  return { classes: head.classes, d, weights, offset, temperature: t };
}

/**
 * Every head's n-gram weights in one gram-major table ([gram][head classes...], divided by each head's
 * temperature): a comment's grams are summed for all heads in one pass, one cache line per gram.
 * `at[h]` is where head h's classes start in a row (and in the sums `sumGrams` writes); -1 for a head
 * without n-grams.
 */
export interface GramTable {
  table: Float32Array;
  width: number;
  at: number[];
}

export function compileGramTable(heads: readonly HeadWeights[], vocabularySize: number): GramTable {
  const at: number[] = [];
  let width = 0;
  for (const h of heads) {
    at.push(h.gramWeights ? width : -1);
    if (h.gramWeights) width += h.classes.length;
  }
  const table = new Float32Array(vocabularySize * width);
  heads.forEach((h, i) => {
    if (!h.gramWeights) return;
    h.gramWeights.forEach((row, c) => {
      if (row.length !== vocabularySize)
        throw new Error("model head's n-gram weights do not match the vocabulary");
      const column = (at[i] ?? 0) + c;
      for (let g = 0; g < vocabularySize; g++) table[g * width + column] = (row[g] ?? 0) / h.temperature;
    });
  });
  return { table, width, at };
}

/** Sums the table's rows for `count` gram ids, times `value`, into `out` (length `width`). */
export function sumGrams(
  t: GramTable,
  ids: Int32Array,
  count: number,
  value: number,
  out: Float64Array,
): void {
  const { table, width } = t;
  out.fill(0);
  for (let j = 0; j < count; j++) {
    const base = ids[j]! * width;
    for (let c = 0; c < width; c++) out[c]! += table[base + c]!;
  }
  for (let c = 0; c < width; c++) out[c]! *= value;
}

/** Indices of the non-zero dense features (most cue counts are zero), filled by `sparseFeatures`. */
let nonZero = new Int32Array(256);

/**
 * Records which features are non-zero and returns how many: pass the result to `predict` for every head
 * scored on the same (unchanged) features, so the scan is done once.
 */
export function sparseFeatures(features: Float64Array): number {
  if (nonZero.length < features.length) nonZero = new Int32Array(features.length);
  let used = 0;
  for (let f = 0; f < features.length; f++) if (features[f] !== 0) nonZero[used++] = f;
  return used;
}

/**
 * Calibrated softmax probabilities of `head` for raw dense features plus the head's n-gram sums
 * (`grams[at..]`, from `sumGrams`; `at` -1 for a head without n-grams), written into `out`.
 * `used` must come from `sparseFeatures(features)` called after the features were last written.
 */
export function predict(
  head: CompiledHead,
  features: Float64Array,
  grams: Float64Array,
  at: number,
  out: Float64Array,
  used: number = sparseFeatures(features),
): Float64Array {
  const k = head.classes.length;
  const d = head.d;
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < k; c++) {
    // Lengths are checked when the head is compiled, so every index below is in range.
    let z = head.offset[c]! + (at < 0 ? 0 : grams[at + c]!);
    const base = c * d;
    for (let u = 0; u < used; u++) {
      const f = nonZero[u]!;
      z += head.weights[base + f]! * features[f]!;
    }
    out[c] = z;
    if (z > max) max = z;
  }
  let sum = 0;
  for (let c = 0; c < k; c++) {
    const e = Math.exp((out[c] ?? 0) - max);
    out[c] = e;
    sum += e;
  }
  for (let c = 0; c < k; c++) out[c] = (out[c] ?? 0) / sum;
  return out;
}

/** Empty n-gram sums, for heads that read none. */
export const NO_GRAMS = new Float64Array(0);
