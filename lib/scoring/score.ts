/**
 * scoreComment: pure and deterministic (no I/O, no clock, no randomness), so a given text, context and
 * SCORER_VERSION always give the same Score.
 */
import { type Analysis, analyze } from "./analyze";
import { collectCues } from "./cues";
import { FEATURE_COUNT, extractFeatures } from "./features";
import { type CompiledHead, MODEL, predict } from "./model";
import { newTokens } from "./tokenize";
import { moderate } from "./moderation-signals";
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

/** Probabilities by label, in the order of `labels`, whatever order the weights file uses. */
function byLabel<L extends string>(head: CompiledHead, probs: Float64Array, labels: readonly L[]): Record<L, number> {
  const out = {} as Record<L, number>;
  for (const label of labels) {
    const c = head.classes.indexOf(label);
    out[label] = c < 0 ? 0 : round(probs[c] ?? 0);
  }
  return out;
}

function argmax<L extends string>(scores: Record<L, number>, labels: readonly L[]): L {
  let best = labels[0] as L;
  for (const label of labels) if (scores[label] > scores[best]) best = label;
  return best;
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
  const moderation = moderate(a);
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
      signals: moderation.signals,
      flag: moderation.flag,
      flagReasons: moderation.flagReasons,
      cues,
      scorerVersion: SCORER_VERSION,
    };
  }

  extractFeatures(a, moderation, features);
  const toneScores = byLabel(MODEL.tone, predict(MODEL.tone, features, toneProbs), TONES);
  const stanceScores = byLabel(MODEL.stance, predict(MODEL.stance, features, stanceProbs), STANCES);
  const sentimentScores = byLabel(
    MODEL.sentiment,
    predict(MODEL.sentiment, features, sentimentProbs),
    SENTIMENT_LABELS,
  );

  const tone = argmax(toneScores, TONES);
  let secondaryTone: Tone | null = null;
  for (const t of TONES) {
    if (t === tone) continue;
    const v = toneScores[t];
    if (v >= SECONDARY_MIN && v >= toneScores[tone] / 2 && (secondaryTone === null || v > toneScores[secondaryTone])) {
      secondaryTone = t;
    }
  }
  if (secondaryTone === null && tone !== "hostile" && moderation.signals.insult >= 0.5) secondaryTone = "hostile";

  const stance: Stance = argmax(stanceScores, STANCES);
  return {
    tone,
    toneScores,
    secondaryTone,
    stance,
    stanceConfidence: stanceScores[stance],
    sentiment: { ...sentimentBase, label: argmax(sentimentScores, SENTIMENT_LABELS) },
    signals: moderation.signals,
    flag: moderation.flag,
    flagReasons: moderation.flagReasons,
    cues,
    scorerVersion: SCORER_VERSION,
  };
}
