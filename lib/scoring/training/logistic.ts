/**
 * Multinomial logistic regression over dense features plus sparse word n-grams, with per-example weights
 * (class balancing, source weights), L2 toward a prior (zero for the weights, or the shipped head, biases
 * included, when a publication's corrections refit it), fitted by full-batch Adam. Deterministic: fixed initialisation and steps.
 * Pure: used by the training script and by the job that refits heads from people's corrections.
 */

export interface Standardizer {
  mean: Float64Array;
  scale: Float64Array;
}

/** One example: standardised dense features and the distinct vocabulary ids of its n-grams. */
export interface Example {
  dense: Float64Array;
  grams: Int32Array;
}

export interface SoftmaxModel {
  k: number;
  /** Dense features. */
  d: number;
  /** Vocabulary size (0 without n-grams). */
  v: number;
  /** Row-major [class][feature], on standardised features. */
  weights: Float64Array;
  /** Row-major [class][gram]. */
  gramWeights: Float64Array;
  bias: Float64Array;
}

export interface FitOptions {
  /** L2 strength on the dense weights. */
  l2: number;
  /** L2 strength on the n-gram weights. */
  l2Grams: number;
  iterations?: number;
  /** Weights are pulled toward these instead of zero (same shapes as the fitted model). */
  prior?: SoftmaxModel;
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

export function standardizeRow(r: Float64Array, s: Standardizer): Float64Array {
  return r.map((v, f) => (v - (s.mean[f] ?? 0)) / (s.scale[f] ?? 1));
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
  const factor = totals.map((t) => (t > 0 ? (total / (k * t)) ** power : 0));
  return y.map((c, i) => (rowWeights[i] ?? 1) * (factor[c] ?? 1));
}

/** The value each of an example's grams carries (1/sqrt(count): their squares sum to one). */
function gramValueOf(e: Example): number {
  return e.grams.length > 0 ? 1 / Math.sqrt(e.grams.length) : 0;
}

export function fitSoftmax(
  x: readonly Example[],
  y: readonly number[],
  k: number,
  v: number,
  sampleWeights: readonly number[],
  options: FitOptions,
): SoftmaxModel {
  const d = x[0]?.dense.length ?? 0;
  const iterations = options.iterations ?? 300;
  const prior = options.prior;
  const model: SoftmaxModel = {
    k,
    d,
    v,
    weights: prior ? Float64Array.from(prior.weights) : new Float64Array(k * d),
    gramWeights: prior ? Float64Array.from(prior.gramWeights) : new Float64Array(k * v),
    bias: prior ? Float64Array.from(prior.bias) : new Float64Array(k),
  };
  const params = [model.weights, model.gramWeights, model.bias];
  const grads = params.map((p) => new Float64Array(p.length));
  const m1 = params.map((p) => new Float64Array(p.length));
  const m2 = params.map((p) => new Float64Array(p.length));
  const [gradW, gradG, gradB] = grads as [Float64Array, Float64Array, Float64Array];
  const probs = new Float64Array(k);
  const totalWeight = sampleWeights.reduce((s, w) => s + w, 0) || 1;
  const lr = 0.05;
  for (let t = 1; t <= iterations; t++) {
    for (const g of grads) g.fill(0);
    for (let i = 0; i < x.length; i++) {
      const row = x[i] as Example;
      const gv = gramValueOf(row);
      predictInto(model, row.dense, row.grams, row.grams.length, gv, probs);
      const w = (sampleWeights[i] ?? 1) / totalWeight;
      if (w === 0) continue;
      for (let c = 0; c < k; c++) {
        const g = w * ((probs[c] ?? 0) - (y[i] === c ? 1 : 0));
        gradB[c] = (gradB[c] ?? 0) + g;
        const base = c * d;
        for (let f = 0; f < d; f++) gradW[base + f] = (gradW[base + f] ?? 0) + g * (row.dense[f] ?? 0);
        const gramBase = c * v;
        const gg = g * gv;
        for (let j = 0; j < row.grams.length; j++) {
          const at = gramBase + (row.grams[j] ?? 0);
          gradG[at] = (gradG[at] ?? 0) + gg;
        }
      }
    }
    addPenalty(gradW, model.weights, prior?.weights, options.l2);
    addPenalty(gradG, model.gramWeights, prior?.gramWeights, options.l2Grams);
    // Without a prior the biases are free (they carry the class balance); with one they are pulled to it
    // too, or a few corrections of one class would move every comment's label through the bias alone.
    if (prior) addPenalty(gradB, model.bias, prior.bias, options.l2);
    const c1 = 1 - 0.9 ** t;
    const c2 = 1 - 0.999 ** t;
    params.forEach((p, i) => {
      adam(p, grads[i] as Float64Array, m1[i] as Float64Array, m2[i] as Float64Array, lr, c1, c2);
    });
  }
  return model;
}

function addPenalty(grad: Float64Array, w: Float64Array, prior: Float64Array | undefined, l2: number): void {
  if (l2 === 0) return;
  for (let j = 0; j < grad.length; j++) grad[j] = (grad[j] ?? 0) + l2 * ((w[j] ?? 0) - (prior?.[j] ?? 0));
}

function adam(
  p: Float64Array,
  g: Float64Array,
  m: Float64Array,
  v: Float64Array,
  lr: number,
  c1: number,
  c2: number,
): void {
  for (let j = 0; j < p.length; j++) {
    const gj = g[j] ?? 0;
    m[j] = 0.9 * (m[j] ?? 0) + 0.1 * gj;
    v[j] = 0.999 * (v[j] ?? 0) + 0.001 * gj * gj;
    p[j] = (p[j] ?? 0) - (lr * ((m[j] ?? 0) / c1)) / (Math.sqrt((v[j] ?? 0) / c2) + 1e-8);
  }
}

/**
 * Softmax probabilities of one standardised example written into `out` (logits divided by
 * `temperature`); `grams` holds `count` distinct vocabulary ids, each worth `gramValue`.
 */
export function predictInto(
  model: SoftmaxModel,
  dense: Float64Array,
  grams: Int32Array,
  count: number,
  gramValue: number,
  out: Float64Array,
  temperature = 1,
): Float64Array {
  const { k, d, v } = model;
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < k; c++) {
    let z = model.bias[c] ?? 0;
    const base = c * d;
    for (let f = 0; f < d; f++) z += (model.weights[base + f] ?? 0) * (dense[f] ?? 0);
    const gramBase = c * v;
    for (let j = 0; j < count; j++) z += (model.gramWeights[gramBase + (grams[j] ?? 0)] ?? 0) * gramValue;
    z /= temperature;
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

export function predictExample(model: SoftmaxModel, e: Example, temperature = 1): Float64Array {
  return predictInto(
    model,
    e.dense,
    e.grams,
    e.grams.length,
    gramValueOf(e),
    new Float64Array(model.k),
    temperature,
  );
}

export function argmax(p: ArrayLike<number>): number {
  let best = 0;
  for (let c = 1; c < p.length; c++) if ((p[c] ?? 0) > (p[best] ?? 0)) best = c;
  return best;
}

/**
 * The temperature that minimises the weighted negative log-likelihood of held-out probabilities
 * (temperature scaling): > 1 softens over-confident heads, < 1 sharpens timid ones. Searched on a grid.
 */
export function fitTemperature(
  logProbs: readonly Float64Array[],
  y: readonly number[],
  weights: readonly number[],
): number {
  let best = 1;
  let bestLoss = Number.POSITIVE_INFINITY;
  for (let t = 0.3; t <= 4.001; t += 0.05) {
    let loss = 0;
    logProbs.forEach((lp, i) => {
      let max = Number.NEGATIVE_INFINITY;
      for (const z of lp) max = Math.max(max, z / t);
      let sum = 0;
      for (const z of lp) sum += Math.exp(z / t - max);
      loss -= (weights[i] ?? 1) * ((lp[y[i] ?? 0] ?? 0) / t - max - Math.log(sum));
    });
    if (loss < bestLoss) {
      bestLoss = loss;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}
