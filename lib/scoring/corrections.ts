/**
 * Learning from people's corrections: refits the tone and stance heads of a weights file on a
 * publication's corrected comments, pulled toward the shipped weights (a prior worth PRIOR_STRENGTH
 * comments), so a handful of corrections nudges the model and many move it. Words the publication's readers
 * use that the shipped vocabulary lacks join it when they occur in two corrected comments. Pure.
 */
import { analyze } from "./analyze";
import { extractFeatures } from "./features";
import { detectHarms } from "./harm";
import type { HeadWeights, ModelFile } from "./model";
import { gramStrings } from "./ngrams";
import { type Example, fitSoftmax, type SoftmaxModel } from "./training/logistic";
import type { ScoreContext, Stance, Tone } from "./types";

export interface CorrectedComment {
  text: string;
  context?: ScoreContext;
  /** The tone a person gave (null: they left the tone alone). */
  tone: Tone | null;
  stance: Stance | null;
}

export const CORRECTABLE_HEADS = ["tone", "stance"] as const;
export type CorrectableHead = (typeof CORRECTABLE_HEADS)[number];

/** How many comments' worth of evidence the shipped weights count for against the corrections. */
export const PRIOR_STRENGTH = 30;
/** Corrections of a head below this many leave it as shipped. */
export const MIN_CORRECTIONS = 10;

interface Prepared {
  features: Float64Array;
  grams: string[];
}

function prepareComment(c: CorrectedComment): Prepared {
  const a = analyze(c.text, c.context);
  const features = extractFeatures(a, detectHarms(a));
  return { features, grams: [...new Set(gramStrings(a.tokens))] };
}

/**
 * The head as a SoftmaxModel over `vocabulary` (grams new to it start at zero), with its temperature folded
 * into the weights: the refitted head is fitted and served at temperature 1.
 */
function priorOf(
  head: HeadWeights,
  oldVocabulary: readonly string[],
  vocabulary: readonly string[],
): SoftmaxModel {
  const t = head.temperature;
  const k = head.classes.length;
  const d = head.featureNames.length;
  const v = vocabulary.length;
  const oldIndex = new Map(oldVocabulary.map((g, i) => [g, i]));
  const gramWeights = new Float64Array(k * v);
  if (head.gramWeights)
    for (let c = 0; c < k; c++)
      vocabulary.forEach((g, j) => {
        const old = oldIndex.get(g);
        if (old !== undefined) gramWeights[c * v + j] = (head.gramWeights?.[c]?.[old] ?? 0) / t;
      });
  return {
    k,
    d,
    v,
    weights: Float64Array.from(head.weights.flat(), (w) => w / t),
    gramWeights,
    bias: Float64Array.from(head.bias, (b) => b / t),
  };
}

function toHeadWeights(head: HeadWeights, model: SoftmaxModel, corrections: number): HeadWeights {
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return {
    ...head,
    bias: [...model.bias].map(round),
    weights: head.classes.map((_, c) => [...model.weights.slice(c * model.d, (c + 1) * model.d)].map(round)),
    gramWeights: head.classes.map((_, c) =>
      [...model.gramWeights.slice(c * model.v, (c + 1) * model.v)].map(round),
    ),
    temperature: 1,
    settings: { ...head.settings, corrections, priorStrength: PRIOR_STRENGTH },
  };
}

/** Grams of the corrected comments seen in at least two of them and missing from `vocabulary`. */
function newGrams(prepared: readonly Prepared[], vocabulary: readonly string[]): string[] {
  const known = new Set(vocabulary);
  const counts = new Map<string, number>();
  for (const p of prepared)
    for (const g of p.grams) if (!known.has(g)) counts.set(g, (counts.get(g) ?? 0) + 1);
  return [...counts]
    .filter(([, n]) => n >= 2)
    .map(([g]) => g)
    .sort();
}

/**
 * The weights file with its tone and stance heads refitted on `corrections` (each head only when it has
 * MIN_CORRECTIONS of its own). Everything else, the flag head and the threshold included, is kept.
 */
export function refitFromCorrections(file: ModelFile, corrections: readonly CorrectedComment[]): ModelFile {
  const prepared = corrections.map(prepareComment);
  const vocabulary = [...file.vocabulary, ...newGrams(prepared, file.vocabulary)];
  const index = new Map(vocabulary.map((g, i) => [g, i]));
  const oldIndex = new Map(file.vocabulary.map((g, i) => [g, i]));
  // Every head reads the extended vocabulary; grams new to it weigh nothing until a refit gives them weight.
  const extend = (h: HeadWeights): HeadWeights => ({
    ...h,
    gramWeights: h.gramWeights?.map((row) =>
      vocabulary.map((g) => {
        const old = oldIndex.get(g);
        return old === undefined ? 0 : (row[old] ?? 0);
      }),
    ),
  });
  const heads = {
    tone: extend(file.heads.tone),
    stance: extend(file.heads.stance),
    sentiment: extend(file.heads.sentiment),
    flag: extend(file.heads.flag),
  };
  for (const name of CORRECTABLE_HEADS) {
    const head = heads[name];
    const rows = corrections
      .map((c, i) => ({ label: head.classes.indexOf(c[name] ?? ""), p: prepared[i] as Prepared }))
      .filter((r) => r.label >= 0);
    if (rows.length < MIN_CORRECTIONS) continue;
    const examples: Example[] = rows.map(({ p }) => ({
      dense: p.features.map((v, f) => (v - (head.mean[f] ?? 0)) / (head.scale[f] ?? 1)),
      grams: Int32Array.from(p.grams.map((g) => index.get(g) ?? -1).filter((id) => id >= 0)),
    }));
    const prior = priorOf(head, vocabulary, vocabulary);
    // MAP with a Gaussian prior centred on the shipped weights: the loss is a mean over the corrections,
    // so the prior's pull is PRIOR_STRENGTH / n of the penalty a single comment would get.
    const l2 = PRIOR_STRENGTH / rows.length;
    const model = fitSoftmax(
      examples,
      rows.map((r) => r.label),
      head.classes.length,
      vocabulary.length,
      rows.map(() => 1),
      { l2, l2Grams: l2, prior, iterations: 200 },
    );
    heads[name] = toHeadWeights(head, model, rows.length);
  }
  return { ...file, vocabulary, heads };
}
