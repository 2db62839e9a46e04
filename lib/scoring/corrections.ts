/**
 * Learning from people's corrections: refits the tone and stance heads of a weights file on a
 * publication's corrected comments, pulled toward the shipped weights (a prior worth PRIOR_STRENGTH
 * comments), so a handful of corrections nudges the model and many move it. Words the publication's readers
 * use that the shipped vocabulary lacks join it when they occur in two corrected comments. Pure.
 */

import { z } from "zod";
import { analyze } from "./analyze";
import { extractFeatures } from "./features";
import { detectHarms } from "./harm";
import { type HeadWeights, headSchema, type ModelFile } from "./model";
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

/**
 * How many comments' worth of evidence the shipped weights count for against the corrections. Chosen on
 * the project's topic-written comments, which the tone head never trained on, acting as one publication
 * (`npm run scoring:train -- --corrections-curve --corrections-from lib/scoring/training/written-comments.jsonl
 * --corrected-heads tone --prior-strengths 10,30,100,300,1000`): mean held-out tone agreement over 10-120
 * corrections 0.648, 0.664, 0.670, 0.661, 0.641; never on the development set.
 */
export const PRIOR_STRENGTH = 100;
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

/** Refitted weights are stored to six decimals. */
const roundWeight = (x: number) => Math.round(x * 1e6) / 1e6;

function toHeadWeights(
  head: HeadWeights,
  model: SoftmaxModel,
  corrections: number,
  priorStrength: number,
): HeadWeights {
  return {
    ...head,
    bias: [...model.bias].map(roundWeight),
    weights: head.classes.map((_, c) =>
      [...model.weights.slice(c * model.d, (c + 1) * model.d)].map(roundWeight),
    ),
    gramWeights: head.classes.map((_, c) =>
      [...model.gramWeights.slice(c * model.v, (c + 1) * model.v)].map(roundWeight),
    ),
    temperature: 1,
    settings: { ...head.settings, corrections, priorStrength },
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
export function refitFromCorrections(
  file: ModelFile,
  corrections: readonly CorrectedComment[],
  priorStrength = PRIOR_STRENGTH,
): ModelFile {
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
    // so the prior's pull is priorStrength / n of the penalty a single comment would get.
    const l2 = priorStrength / rows.length;
    const model = fitSoftmax(
      examples,
      rows.map((r) => r.label),
      head.classes.length,
      vocabulary.length,
      rows.map(() => 1),
      { l2, l2Grams: l2, prior, iterations: 200 },
    );
    heads[name] = toHeadWeights(head, model, rows.length, priorStrength);
  }
  return { ...file, vocabulary, heads };
}

/**
 * A refit as stored beside the shipped weights (publication_model.heads): the grams it added to the
 * vocabulary and each refitted head (null: left as shipped) with its n-gram weights kept only where they
 * differ from the shipped head's read at temperature 1 (new grams at zero), which a refit leaves alone for
 * every gram no correction contains. Kilobytes instead of the whole weights file.
 */
export const storedHeadSchema = headSchema.omit({ gramWeights: true }).extend({
  /** Ids in the extended vocabulary of the grams whose weights differ from the shipped head's. */
  gramIds: z.array(z.number().int().nonnegative()),
  /** [class][j]: the weights of gram gramIds[j]. */
  gramWeights: z.array(z.array(z.number())),
});
export type StoredHead = z.infer<typeof storedHeadSchema>;

export const storedRefitSchema = z.object({
  format: z.literal(1),
  addedVocabulary: z.array(z.string()),
  tone: storedHeadSchema.nullable(),
  stance: storedHeadSchema.nullable(),
});
export type StoredRefit = z.infer<typeof storedRefitSchema>;

/** The n-gram weight a refitted head starts from: the shipped head's at temperature 1, zero for new grams. */
function baseGramWeight(shipped: HeadWeights, c: number, g: number): number {
  const row = shipped.gramWeights?.[c];
  if (!row || g >= row.length) return 0;
  return roundWeight((row[g] ?? 0) / shipped.temperature);
}

/** A head `refitFromCorrections` did not refit: the shipped one reading the extended vocabulary. */
function padHead(shipped: HeadWeights, size: number): HeadWeights {
  return {
    ...shipped,
    gramWeights: shipped.gramWeights?.map((row) => [...row, ...new Array<number>(size - row.length).fill(0)]),
  };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The stored form of `refitted`, a `refitFromCorrections(shipped, …)` result. */
export function compactRefit(shipped: ModelFile, refitted: ModelFile): StoredRefit {
  if (!shipped.vocabulary.every((g, i) => refitted.vocabulary[i] === g))
    throw new Error("the refitted weights do not extend the shipped vocabulary");
  const size = refitted.vocabulary.length;
  const compactHead = (name: CorrectableHead): StoredHead | null => {
    const head = refitted.heads[name];
    const from = shipped.heads[name];
    if (sameJson(head, padHead(from, size))) return null;
    const { gramWeights: rows = [], ...rest } = head;
    const gramIds: number[] = [];
    for (let g = 0; g < size; g++)
      if (rows.some((row, c) => row[g] !== baseGramWeight(from, c, g))) gramIds.push(g);
    return { ...rest, gramIds, gramWeights: rows.map((row) => gramIds.map((g) => row[g] ?? 0)) };
  };
  return {
    format: 1,
    addedVocabulary: refitted.vocabulary.slice(shipped.vocabulary.length),
    tone: compactHead("tone"),
    stance: compactHead("stance"),
  };
}

/**
 * The whole weights file of a stored refit over the shipped weights it was made from (the caller checks
 * the version): what `refitFromCorrections` returned, so it scores exactly alike.
 */
export function rebuildModelFile(shipped: ModelFile, stored: StoredRefit): ModelFile {
  const vocabulary = [...shipped.vocabulary, ...stored.addedVocabulary];
  const size = vocabulary.length;
  const expand = (name: CorrectableHead): HeadWeights => {
    const head = stored[name];
    const from = shipped.heads[name];
    if (!head) return padHead(from, size);
    const { gramIds, gramWeights: columns, ...rest } = head;
    const gramWeights = from.classes.map((_, c) => {
      const row = Array.from({ length: size }, (_, g) => baseGramWeight(from, c, g));
      gramIds.forEach((g, j) => {
        if (g >= size) throw new Error("a stored n-gram id is outside the vocabulary");
        row[g] = columns[c]?.[j] ?? 0;
      });
      return row;
    });
    // The shipped head's key order, as the refit keeps it: the scorer version hashes the weights' JSON.
    return { ...from, ...rest, gramWeights };
  };
  return {
    ...shipped,
    vocabulary,
    heads: {
      tone: expand("tone"),
      stance: expand("stance"),
      sentiment: padHead(shipped.heads.sentiment, size),
      flag: padHead(shipped.heads.flag, size),
    },
  };
}
