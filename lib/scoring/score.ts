/**
 * scoreComment: pure and deterministic (no I/O, no clock, no randomness), so a given text, context and
 * SCORER_VERSION always give the same Score.
 */
import { type Analysis, analyze } from "./analyze";
import { collectCues } from "./cues";
import { extractFeatures, FEATURE_COUNT } from "./features";
import { detectHarms, ruleFlag, storedSignals } from "./harm";
import { type CompiledHead, MODEL, predict, sparseFeatures } from "./model";
import { newTokens } from "./tokenize";
import {
  type Score,
  type ScoreContext,
  SENTIMENT_LABELS,
  type SentimentLabel,
  STANCES,
  type Stance,
  TONES,
  type Tone,
} from "./types";
import { SCORER_VERSION } from "./version";

/** A second tone is reported when it has at least this score and half the primary's. */
const SECONDARY_MIN = 0.25;
/** Below this share of common English words a comment is treated as not English. */
const MIN_ENGLISH_RATIO = 0.1;
const MIN_WORDS_FOR_LANGUAGE_CHECK = 4;
const LOW_CONFIDENCE_NEUTRAL = 0.4;

// Reused buffers: scoring is synchronous, so they are never shared between two calls in flight.
const features = new Float64Array(FEATURE_COUNT);
const tokenBuffer = newTokens();
const toneProbs = new Float64Array(TONES.length);
const stanceProbs = new Float64Array(STANCES.length);
const sentimentProbs = new Float64Array(SENTIMENT_LABELS.length);

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Position of each label in a head's class list (the weights file may order classes differently). */
function classIndex(head: CompiledHead, labels: readonly string[]): number[] {
  return labels.map((label) => {
    const c = head.classes.indexOf(label);
    if (c < 0) throw new Error(`model head lacks class ${label}`);
    return c;
  });
}

const TONE_AT = classIndex(MODEL.tone, TONES);
const STANCE_AT = classIndex(MODEL.stance, STANCES);
const SENTIMENT_AT = classIndex(MODEL.sentiment, SENTIMENT_LABELS);

function prob(probs: Float64Array, at: number[], i: number): number {
  return round(probs[at[i] ?? 0] ?? 0);
}

/** Rounded tone probabilities in TONES order. */
const toneRounded = new Float64Array(TONES.length);

function toneRecord(p: Float64Array): Record<Tone, number> {
  for (let i = 0; i < TONES.length; i++) toneRounded[i] = prob(p, TONE_AT, i);
  return {
    analytical: toneRounded[0] ?? 0,
    skeptical: toneRounded[1] ?? 0,
    dismissive: toneRounded[2] ?? 0,
    supportive: toneRounded[3] ?? 0,
    hostile: toneRounded[4] ?? 0,
    neutral: toneRounded[5] ?? 0,
  };
}

/** Index (into `labels`) of the highest probability; ties go to the earlier label. */
function best(probs: Float64Array, at: number[]): number {
  let top = 0;
  for (let i = 1; i < at.length; i++) if ((probs[at[i] ?? 0] ?? 0) > (probs[at[top] ?? 0] ?? 0)) top = i;
  return top;
}

function isNotEnglish(a: Analysis): boolean {
  return a.wordCount >= MIN_WORDS_FOR_LANGUAGE_CHECK && a.englishRatio < MIN_ENGLISH_RATIO;
}

/** No words we can read (empty, only a URL, only emoji) or not English: nothing to score with confidence. */
function isUnreadable(a: Analysis): boolean {
  return a.wordCount === 0 || isNotEnglish(a);
}

function lowConfidenceTones(): Record<Tone, number> {
  const rest = round((1 - LOW_CONFIDENCE_NEUTRAL) / (TONES.length - 1));
  const scores = {} as Record<Tone, number>;
  for (const t of TONES) scores[t] = t === "neutral" ? LOW_CONFIDENCE_NEUTRAL : rest;
  return scores;
}

function sentimentLabelFromScore(comparative: number): SentimentLabel {
  if (comparative > 0.05) return "positive";
  if (comparative < -0.05) return "negative";
  return "neutral";
}

export function scoreComment(text: string, context?: ScoreContext): Score {
  const a = analyze(text, context, tokenBuffer);
  const harms = detectHarms(a);
  const { flag, reasons: flagReasons } = ruleFlag(harms);
  const signals = storedSignals(harms);
  const cues = collectCues(a);
  const s = a.sentiment;
  const sentimentBase = { score: round(s.score), comparative: round(s.comparative) };

  if (isUnreadable(a)) {
    // Emoji-only comments still carry a sentiment; English word lists say nothing about other languages.
    const foreign = isNotEnglish(a);
    return {
      tone: "neutral",
      toneScores: lowConfidenceTones(),
      secondaryTone: null,
      stance: "neutral",
      stanceConfidence: round(1 / STANCES.length),
      sentiment: foreign
        ? { score: 0, comparative: 0, label: "neutral" }
        : { ...sentimentBase, label: sentimentLabelFromScore(s.comparative) },
      signals,
      flag,
      flagReasons,
      cues,
      scorerVersion: SCORER_VERSION,
    };
  }

  extractFeatures(a, harms, features);
  const used = sparseFeatures(features);
  predict(MODEL.tone, features, toneProbs, used);
  predict(MODEL.stance, features, stanceProbs, used);
  predict(MODEL.sentiment, features, sentimentProbs, used);
  const toneScores = toneRecord(toneProbs);
  const toneAt = best(toneProbs, TONE_AT);
  const tone = TONES[toneAt] ?? "neutral";
  const primary = toneRounded[toneAt] ?? 0;
  let secondaryAt = -1;
  for (let i = 0; i < TONES.length; i++) {
    if (i === toneAt) continue;
    const v = toneRounded[i] ?? 0;
    if (v >= SECONDARY_MIN && v >= primary / 2 && (secondaryAt < 0 || v > (toneRounded[secondaryAt] ?? 0))) {
      secondaryAt = i;
    }
  }
  let secondaryTone: Tone | null = secondaryAt < 0 ? null : (TONES[secondaryAt] ?? null);
  if (secondaryTone === null && tone !== "hostile" && harms.insult >= 0.5) secondaryTone = "hostile";

  const stanceAt = best(stanceProbs, STANCE_AT);
  const stance: Stance = STANCES[stanceAt] ?? "neutral";
  return {
    tone,
    toneScores,
    secondaryTone,
    stance,
    stanceConfidence: prob(stanceProbs, STANCE_AT, stanceAt),
    sentiment: { ...sentimentBase, label: SENTIMENT_LABELS[best(sentimentProbs, SENTIMENT_AT)] ?? "neutral" },
    signals,
    flag,
    flagReasons,
    cues,
    scorerVersion: SCORER_VERSION,
  };
}
