/**
 * Linear softmax heads (multinomial logistic regression) whose weights live in model/weights.json,
 * written by `npm run scoring:train`. Features are standardised with the mean and scale stored there.
 */
import { z } from "zod";
import { FEATURE_COUNT, FEATURE_NAMES } from "./features";
import weightsJson from "./model/weights.json";

const headSchema = z.object({
  classes: z.array(z.string()).min(2),
  bias: z.array(z.number()),
  weights: z.array(z.array(z.number())),
  l2: z.number(),
  classPower: z.number().optional(),
});

export const modelFileSchema = z.object({
  featureNames: z.array(z.string()),
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  heads: z.object({ tone: headSchema, stance: headSchema, sentiment: headSchema }),
  training: z.record(z.string(), z.unknown()),
});
export type ModelFile = z.infer<typeof modelFileSchema>;
export type HeadWeights = z.infer<typeof headSchema>;
export type HeadName = keyof ModelFile["heads"];

export interface CompiledHead {
  classes: readonly string[];
  bias: Float64Array;
  /** Row-major [class][feature], already divided by the feature scale. */
  weights: Float64Array;
  /** Per-class offset that folds in the feature means, so prediction needs no standardised copy. */
  offset: Float64Array;
}

function compileHead(head: HeadWeights, mean: readonly number[], scale: readonly number[]): CompiledHead {
  const k = head.classes.length;
  if (head.bias.length !== k || head.weights.length !== k) throw new Error("model head has wrong shape");
  const weights = new Float64Array(k * FEATURE_COUNT);
  const offset = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    const row = head.weights[c] ?? [];
    if (row.length !== FEATURE_COUNT) throw new Error("model head row has wrong length");
    let off = head.bias[c] ?? 0;
    for (let f = 0; f < FEATURE_COUNT; f++) {
      const w = (row[f] ?? 0) / (scale[f] ?? 1);
      weights[c * FEATURE_COUNT + f] = w;
      off -= w * (mean[f] ?? 0);
    }
    offset[c] = off;
  }
  return { classes: head.classes, bias: Float64Array.from(head.bias), weights, offset };
}

export function compileModel(file: ModelFile): Record<HeadName, CompiledHead> {
  const same =
    file.featureNames.length === FEATURE_NAMES.length &&
    file.featureNames.every((n, i) => n === FEATURE_NAMES[i]);
  if (!same) {
    throw new Error(
      "lib/scoring/model/weights.json was trained on other features: run `npm run scoring:train`",
    );
  }
  return {
    tone: compileHead(file.heads.tone, file.mean, file.scale),
    stance: compileHead(file.heads.stance, file.mean, file.scale),
    sentiment: compileHead(file.heads.sentiment, file.mean, file.scale),
  };
}

export const MODEL_FILE: ModelFile = modelFileSchema.parse(weightsJson);
export const MODEL: Record<HeadName, CompiledHead> = compileModel(MODEL_FILE);

/** Indices of the non-zero features (most cue counts are zero), filled by `sparseFeatures`. */
const nonZero = new Int32Array(FEATURE_COUNT);

/**
 * Records which features are non-zero and returns how many: pass the result to `predict` for every head
 * scored on the same (unchanged) features, so the scan is done once.
 */
export function sparseFeatures(features: Float64Array): number {
  let used = 0;
  for (let f = 0; f < FEATURE_COUNT; f++) if (features[f] !== 0) nonZero[used++] = f;
  return used;
}

/**
 * Softmax probabilities of `head` for raw (unstandardised) features, written into `out`. `used` must come
 * from `sparseFeatures(features)` called after the features were last written (the default calls it).
 */
export function predict(
  head: CompiledHead,
  features: Float64Array,
  out: Float64Array,
  used: number = sparseFeatures(features),
): Float64Array {
  const k = head.classes.length;
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < k; c++) {
    let z = head.offset[c] ?? 0;
    const base = c * FEATURE_COUNT;
    // Lengths are checked when the model is compiled, so every index below is in range. Zero features
    // add nothing; the sum keeps the feature order, so results are bit-identical to the dense loop.
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
