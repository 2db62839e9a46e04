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
  /** Vocabulary size (0: the head reads no n-grams). */
  v: number;
  /** Row-major [class][feature], already divided by the feature scale. */
  weights: Float64Array;
  /** Per-class offset that folds in the bias and the feature means, so prediction needs no standardised copy. */
  offset: Float64Array;
  /** Row-major [class][gram], already divided by the temperature. */
  gramWeights: Float64Array;
  temperature: number;
}

/** Compiles a head for raw (unstandardised) features named `expected`; throws when they differ. */
export function compileHead(
  head: HeadWeights,
  expected: readonly string[],
  vocabularySize: number,
): CompiledHead {
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
  const v = head.gramWeights ? vocabularySize : 0;
  const gramWeights = new Float64Array(k * v);
  if (head.gramWeights) {
    for (let c = 0; c < k; c++) {
      const row = head.gramWeights[c] ?? [];
      if (row.length !== v) throw new Error("model head's n-gram weights do not match the vocabulary");
      for (let g = 0; g < v; g++) gramWeights[c * v + g] = (row[g] ?? 0) / t;
    }
  }
  return { classes: head.classes, d, v, weights, offset, gramWeights, temperature: t };
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
 * Calibrated softmax probabilities of `head` for raw dense features and the comment's n-gram ids, written
 * into `out`. `used` must come from `sparseFeatures(features)` called after the features were last written.
 */
export function predict(
  head: CompiledHead,
  features: Float64Array,
  grams: Int32Array,
  gramCount: number,
  gramValue: number,
  out: Float64Array,
  used: number = sparseFeatures(features),
): Float64Array {
  const k = head.classes.length;
  const { d, v } = head;
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < k; c++) {
    let z = head.offset[c] ?? 0;
    const base = c * d;
    // Lengths are checked when the head is compiled, so every index below is in range.
    for (let u = 0; u < used; u++) {
      const f = nonZero[u]!;
      z += head.weights[base + f]! * features[f]!;
    }
    if (v > 0) {
      const gramBase = c * v;
      let g = 0;
      for (let j = 0; j < gramCount; j++) g += head.gramWeights[gramBase + grams[j]!]!;
      z += g * gramValue;
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
