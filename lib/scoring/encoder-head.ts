/**
 * The background refiner's heads: logistic regression over the fast scorer's cue features, its calibrated
 * log-probabilities (stacked) and a sentence embedding of the comment (the Universal Sentence Encoder,
 * 512 numbers, computed by lib/server/scoring/sentence-encoder.ts). Weights live in
 * model/encoder-weights.json, written by `npm run scoring:train`. Pure: the embedding comes in.
 */
import { z } from "zod";
import { analyze } from "./analyze";
import { extractFeatures, FEATURE_NAMES } from "./features";
import { detectHarms } from "./harm";
import { compileHead, type HeadName, headSchema, NO_GRAMS, predict } from "./model";
import { flagReasons, formatFlag } from "./score";
import {
  type HarmCategory,
  type Score,
  type ScoreContext,
  SENTIMENT_LABELS,
  STANCES,
  TONES,
  type Tone,
} from "./types";

export const EMBEDDING_SIZE = 512;

/** The fast scorer's probabilities the refiner stacks on, as named inputs. */
export const STACKED_NAMES: readonly string[] = [
  ...TONES.map((t) => `fast:tone:${t}`),
  ...STANCES.map((s) => `fast:stance:${s}`),
  ...SENTIMENT_LABELS.map((s) => `fast:sentiment:${s}`),
  "fast:flag",
];

export const ENCODER_INPUT_NAMES: readonly string[] = [
  ...FEATURE_NAMES,
  ...STACKED_NAMES,
  ...Array.from({ length: EMBEDDING_SIZE }, (_, i) => `embedding:${i}`),
];

export const encoderFileSchema = z.object({
  format: z.literal(1),
  /** The fast scorer version the heads were stacked on: a refiner for another one is refused. */
  fastScorerVersion: z.string(),
  heads: z.object({ tone: headSchema, stance: headSchema, sentiment: headSchema, flag: headSchema }),
  flagThreshold: z.number().min(0).max(1),
  training: z.record(z.string(), z.unknown()),
});
export type EncoderFile = z.infer<typeof encoderFileSchema>;

/** Labels a refiner gives one comment. */
export interface RefinedScore {
  tone: Tone;
  toneScores: Record<Tone, number>;
  secondaryTone: Tone | null;
  stance: Score["stance"];
  stanceConfidence: number;
  sentimentLabel: Score["sentiment"]["label"];
  sentimentConfidence: number;
  flag: boolean;
  flagProbability: number;
  /** The grounds of the flag, strongest first; empty when the comment is not flagged. */
  flagReasons: HarmCategory[];
  /** The refiner's own quote of the words that decided the tone, as they stand in the comment; null when it gives none. */
  evidence: string | null;
}

const logProb = (p: number) => Math.log(Math.min(1, Math.max(1e-4, p)));

/** What the refiner reads of a fast score. */
export type FastView = Pick<Score, "toneScores" | "stance" | "stanceConfidence" | "flagProbability"> & {
  sentiment: Pick<Score["sentiment"], "label" | "confidence">;
};

/**
 * Writes the stacked inputs for a fast score into `out` from `at` on and returns the next position. A
 * Score carries only its chosen stance and sentiment with their probability, so the other classes share
 * the rest evenly; training builds the same view from its out-of-fold probabilities.
 */
export function writeStacked(fast: FastView, out: Float64Array, at: number): number {
  let i = at;
  for (const t of TONES) out[i++] = logProb(fast.toneScores[t]);
  const spread = (labels: readonly string[], chosen: string, p: number) => {
    for (const l of labels) out[i++] = logProb(l === chosen ? p : (1 - p) / (labels.length - 1));
  };
  spread(STANCES, fast.stance, fast.stanceConfidence);
  spread(SENTIMENT_LABELS, fast.sentiment.label, fast.sentiment.confidence);
  out[i++] = logProb(fast.flagProbability);
  return i;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

const SECONDARY_MIN = 0.25;

export type Refiner = (
  text: string,
  context: ScoreContext | undefined,
  fast: Score,
  embedding: ArrayLike<number>,
) => RefinedScore;

/**
 * A refiner over `file`'s heads. `fast` must come from the fast scorer the file was trained on (the caller
 * checks `file.fastScorerVersion`).
 */
export function createRefiner(file: EncoderFile): Refiner {
  const heads = {
    tone: compileHead(file.heads.tone, ENCODER_INPUT_NAMES),
    stance: compileHead(file.heads.stance, ENCODER_INPUT_NAMES),
    sentiment: compileHead(file.heads.sentiment, ENCODER_INPUT_NAMES),
    flag: compileHead(file.heads.flag, ENCODER_INPUT_NAMES),
  } satisfies Record<HeadName, unknown>;
  const input = new Float64Array(ENCODER_INPUT_NAMES.length);
  const out = {
    tone: new Float64Array(TONES.length),
    stance: new Float64Array(STANCES.length),
    sentiment: new Float64Array(SENTIMENT_LABELS.length),
    flag: new Float64Array(2),
  };
  const classOf = (head: keyof typeof heads, label: string) => heads[head].classes.indexOf(label);

  return (text, context, fast, embedding) => {
    const a = analyze(text, context);
    const harms = detectHarms(a);
    const cues = extractFeatures(a, harms);
    input.set(cues, 0);
    let i = writeStacked(fast, input, cues.length);
    for (let e = 0; e < EMBEDDING_SIZE; e++) input[i++] = embedding[e] ?? 0;
    for (const head of Object.keys(heads) as (keyof typeof heads)[])
      predict(heads[head], input, NO_GRAMS, -1, out[head]);

    const toneScores = {} as Record<Tone, number>;
    for (const t of TONES) toneScores[t] = round(out.tone[classOf("tone", t)] ?? 0);
    const ranked = [...TONES].sort((x, y) => toneScores[y] - toneScores[x]);
    const tone = ranked[0] ?? "neutral";
    const second = ranked[1] ?? "neutral";
    const secondaryTone =
      toneScores[second] >= SECONDARY_MIN && toneScores[second] >= toneScores[tone] / 2 ? second : null;
    const pick = <L extends string>(head: "stance" | "sentiment", labels: readonly L[]) => {
      let best = labels[0] as L;
      for (const l of labels)
        if ((out[head][classOf(head, l)] ?? 0) > (out[head][classOf(head, best)] ?? 0)) best = l;
      return { label: best, p: round(out[head][classOf(head, best)] ?? 0) };
    };
    const stance = pick("stance", STANCES);
    const sentiment = pick("sentiment", SENTIMENT_LABELS);
    const flagProbability = out.flag[classOf("flag", "flag")] ?? 0;
    // Spam and doxxing formats flag whatever the heads think, as in the fast scorer.
    const flag = flagProbability >= file.flagThreshold || formatFlag(harms);
    return {
      tone,
      toneScores,
      secondaryTone,
      stance: stance.label,
      stanceConfidence: stance.p,
      sentimentLabel: sentiment.label,
      sentimentConfidence: sentiment.p,
      flag,
      flagProbability: round(flagProbability),
      flagReasons: flagReasons(harms, flag),
      evidence: null,
    };
  };
}
