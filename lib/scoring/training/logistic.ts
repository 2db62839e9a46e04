/**
 * Multinomial logistic regression with per-example weights (used for class balancing) and L2 on the
 * weights (not the biases), fitted by full-batch Adam. Deterministic: zero initialisation, fixed steps.
 */

export interface Standardizer {
  mean: Float64Array;
  scale: Float64Array;
}

export interface SoftmaxModel {
  k: number;
  d: number;
  /** Row-major [class][feature], on standardised features. */
  weights: Float64Array;
  bias: Float64Array;
}

export function fitStandardizer(rows: readonly Float64Array[], d: number): Standardizer {
  const mean = new Float64Array(d);
  const scale = new Float64Array(d);
  for (const r of rows) for (let f = 0; f < d; f++) mean[f] = (mean[f] ?? 0) + (r[f] ?? 0) / rows.length;
  for (const r of rows)
    for (let f = 0; f < d; f++)
      scale[f] = (scale[f] ?? 0) + ((r[f] ?? 0) - (mean[f] ?? 0)) ** 2 / rows.length;
  for (let f = 0; f < d; f++) {
    const sd = Math.sqrt(scale[f] ?? 0);
    scale[f] = sd < 1e-9 ? 1 : sd;
  }
  return { mean, scale };
}

export function standardize(rows: readonly Float64Array[], s: Standardizer): Float64Array[] {
  return rows.map((r) => r.map((v, f) => (v - (s.mean[f] ?? 0)) / (s.scale[f] ?? 1)));
}

/**
 * Per-row loss weights: each row's own weight times its class's balancing factor
 * (total / (k * class total)) raised to `power`: 1 makes every class count as much in the loss, 0 leaves
 * the classes as they come, values between trade minority recall against precision.
 */
export function balancedWeights(
  y: readonly number[],
  rowWeights: readonly number[],
  k: number,
  power = 1,
): number[] {
  const totals = new Array<number>(k).fill(0);
  y.forEach((c, i) => {
    totals[c] = (totals[c] ?? 0) + (rowWeights[i] ?? 1);
  });
  const total = totals.reduce((s, v) => s + v, 0);
  const factor = totals.map((t) => (total / (k * Math.max(t, 1e-9))) ** power);
  return y.map((c, i) => (rowWeights[i] ?? 1) * (factor[c] ?? 1));
}

export function fitSoftmax(
  x: readonly Float64Array[],
  y: readonly number[],
  k: number,
  sampleWeights: readonly number[],
  l2: number,
  iterations = 400,
): SoftmaxModel {
  const d = x[0]?.length ?? 0;
  const weights = new Float64Array(k * d);
  const bias = new Float64Array(k);
  const gradW = new Float64Array(k * d);
  const gradB = new Float64Array(k);
  const mW = new Float64Array(k * d);
  const vW = new Float64Array(k * d);
  const mB = new Float64Array(k);
  const vB = new Float64Array(k);
  const probs = new Float64Array(k);
  const totalWeight = sampleWeights.reduce((s, w) => s + w, 0);
  const lr = 0.05;
  const beta1 = 0.9;
  const beta2 = 0.999;
  for (let t = 1; t <= iterations; t++) {
    gradW.fill(0);
    gradB.fill(0);
    for (let i = 0; i < x.length; i++) {
      const row = x[i] as Float64Array;
      logits(weights, bias, row, k, d, probs);
      const w = (sampleWeights[i] ?? 1) / totalWeight;
      for (let c = 0; c < k; c++) {
        const g = w * ((probs[c] ?? 0) - (y[i] === c ? 1 : 0));
        gradB[c] = (gradB[c] ?? 0) + g;
        const base = c * d;
        for (let f = 0; f < d; f++) gradW[base + f] = (gradW[base + f] ?? 0) + g * (row[f] ?? 0);
      }
    }
    for (let j = 0; j < k * d; j++) gradW[j] = (gradW[j] ?? 0) + l2 * (weights[j] ?? 0);
    const c1 = 1 - beta1 ** t;
    const c2 = 1 - beta2 ** t;
    adam(weights, gradW, mW, vW, lr, beta1, beta2, c1, c2);
    adam(bias, gradB, mB, vB, lr, beta1, beta2, c1, c2);
  }
  return { k, d, weights, bias };
}

function adam(
  p: Float64Array,
  g: Float64Array,
  m: Float64Array,
  v: Float64Array,
  lr: number,
  b1: number,
  b2: number,
  c1: number,
  c2: number,
): void {
  for (let j = 0; j < p.length; j++) {
    const gj = g[j] ?? 0;
    m[j] = b1 * (m[j] ?? 0) + (1 - b1) * gj;
    v[j] = b2 * (v[j] ?? 0) + (1 - b2) * gj * gj;
    p[j] = (p[j] ?? 0) - (lr * ((m[j] ?? 0) / c1)) / (Math.sqrt((v[j] ?? 0) / c2) + 1e-8);
  }
}

/** Softmax probabilities of one standardised row, written into `out`. */
export function logits(
  weights: Float64Array,
  bias: Float64Array,
  row: Float64Array,
  k: number,
  d: number,
  out: Float64Array,
): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < k; c++) {
    let z = bias[c] ?? 0;
    const base = c * d;
    for (let f = 0; f < d; f++) z += (weights[base + f] ?? 0) * (row[f] ?? 0);
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

export function predictClass(model: SoftmaxModel, row: Float64Array): number {
  const probs = logits(model.weights, model.bias, row, model.k, model.d, new Float64Array(model.k));
  let best = 0;
  for (let c = 1; c < model.k; c++) if ((probs[c] ?? 0) > (probs[best] ?? 0)) best = c;
  return best;
}
