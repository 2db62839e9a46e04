/**
 * scoreComment: pure and deterministic (no I/O, no clock, no randomness), so a given text, context and
 * SCORER_VERSION always give the same Score. `createScorer` builds the same function over any weights file
 * (training judges a freshly fitted model with exactly the code that serves it).
 */
import { type Analysis, analyze } from "./analyze";
import { collectCues } from "./cues";
import {
  extractFeatures,
  extractFlagFeatures,
  FEATURE_COUNT,
  FEATURE_NAMES,
  FLAG_FEATURE_COUNT,
  FLAG_FEATURE_NAMES,
} from "./features";
import { detectHarms, type HarmSignals, ruleFlag, storedSignals } from "./harm";
import {
  type CompiledHead,
  compileGramTable,
  compileHead,
  type ModelFile,
  predict,
  sparseFeatures,
  sumGrams,
} from "./model";
import { gramValue, NgramIndex } from "./ngrams";
import { newTokens } from "./tokenize";
import {
  type HarmCategory,
  type Score,
  type ScoreContext,
  SENTIMENT_LABELS,
  type SentimentLabel,
  STANCES,
  type Stance,
  TONES,
  type Tone,
} from "./types";
import { scorerVersionFor } from "./version";

/** A second tone is reported when it has at least this score and half the primary's. */
const SECONDARY_MIN = 0.25;
/** Below this share of common English words a comment is treated as not English. */
const MIN_ENGLISH_RATIO = 0.1;
const MIN_WORDS_FOR_LANGUAGE_CHECK = 4;
const LOW_CONFIDENCE_NEUTRAL = 0.4;
/** A harm detector at or above this names its category among a flag's reasons. */
const REASON_MIN = 0.5;
/**
 * A flagged comment whose detectors all stay under REASON_MIN still names those at or above this (the
 * flag head saw more than any one of them); with none, the flag carries no reason.
 */
const WEAK_REASON_MIN = 0.2;
/**
 * Spam and doxxing are formats (links with sales talk, e-mail addresses, street addresses) that the
 * labelled sets hold too few of to learn: their detectors flag on their own.
 */
const OVERRIDE_MIN = 0.5;

/** Spam or doxxing detected strongly enough to flag without the flag head. */
export function formatFlag(m: HarmSignals): boolean {
  return m.spam >= OVERRIDE_MIN || m.doxxing >= OVERRIDE_MIN;
}

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

/** Index (into `labels`) of the highest probability; ties go to the earlier label. */
function best(probs: Float64Array, at: readonly number[]): number {
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

/** The harm categories behind a flag, strongest evidence first; none when `flagged` is false. */
export function flagReasons(m: HarmSignals, flagged: boolean): HarmCategory[] {
  if (!flagged) return [];
  const evidence: [HarmCategory, number][] = [
    ["threat", m.threat],
    ["identity-attack", m.identityAttack],
    ["personal-abuse", m.commenterAbuse],
    ["spam", m.spam],
    ["doxxing", m.doxxing],
  ];
  const strong = evidence.filter(([, v]) => v >= REASON_MIN);
  const chosen = strong.length > 0 ? strong : evidence.filter(([, v]) => v >= WEAK_REASON_MIN);
  return chosen.sort((x, y) => y[1] - x[1]).map(([category]) => category);
}

export type Scorer = (text: string, context?: ScoreContext) => Score;

/** A scorer over the heads of `file` (see model.ts); the shipped one is `scoreComment`. */
export function createScorer(file: ModelFile): Scorer {
  const ngrams = new NgramIndex(file.vocabulary);
  const size = file.vocabulary.length;
  const heads = {
    tone: compileHead(file.heads.tone, FEATURE_NAMES),
    stance: compileHead(file.heads.stance, FEATURE_NAMES),
    sentiment: compileHead(file.heads.sentiment, FEATURE_NAMES),
    flag: compileHead(file.heads.flag, FLAG_FEATURE_NAMES),
  };
  const grams = compileGramTable(
    [file.heads.tone, file.heads.stance, file.heads.sentiment, file.heads.flag],
    size,
  );
  const [toneGrams, stanceGrams, sentimentGrams, flagGrams] = grams.at as [number, number, number, number];
  const gramSums = new Float64Array(grams.width);
  const toneAt = classIndex(heads.tone, TONES);
  const stanceAt = classIndex(heads.stance, STANCES);
  const sentimentAt = classIndex(heads.sentiment, SENTIMENT_LABELS);
  const flagAt = classIndex(heads.flag, ["flag"])[0] ?? 0;
  const threshold = file.flagThreshold;
  const version = scorerVersionFor(file);

  // Reused buffers: scoring is synchronous, so they are never shared between two calls in flight.
  const features = new Float64Array(FEATURE_COUNT);
  const flagFeatures = new Float64Array(FLAG_FEATURE_COUNT);
  const tokenBuffer = newTokens();
  const toneProbs = new Float64Array(TONES.length);
  const stanceProbs = new Float64Array(STANCES.length);
  const sentimentProbs = new Float64Array(SENTIMENT_LABELS.length);
  const flagProbs = new Float64Array(heads.flag.classes.length);
  const toneRounded = new Float64Array(TONES.length);

  const prob = (probs: Float64Array, at: readonly number[], i: number) => round(probs[at[i] ?? 0] ?? 0);

  return function scoreComment(text: string, context?: ScoreContext): Score {
    const a = analyze(text, context, tokenBuffer);
    const harms = detectHarms(a);
    const cues = collectCues(a);
    const s = a.sentiment;
    const sentimentBase = { score: round(s.score), comparative: round(s.comparative) };

    if (isUnreadable(a)) {
      // Emoji-only comments still carry a sentiment; English word lists say nothing about other languages.
      // The heads have nothing to read here, so the detectors decide the flag on their own.
      const foreign = isNotEnglish(a);
      const rule = ruleFlag(harms);
      return {
        tone: "neutral",
        toneScores: lowConfidenceTones(),
        secondaryTone: null,
        stance: "neutral",
        stanceConfidence: round(1 / STANCES.length),
        sentiment: foreign
          ? { score: 0, comparative: 0, label: "neutral", confidence: round(1 / SENTIMENT_LABELS.length) }
          : {
              ...sentimentBase,
              label: sentimentLabelFromScore(s.comparative),
              confidence: round(1 / SENTIMENT_LABELS.length),
            },
        signals: storedSignals(harms),
        flag: rule.flag,
        flagProbability: rule.flag ? 1 : 0,
        flagReasons: rule.reasons,
        cues,
        scorerVersion: version,
      };
    }

    extractFeatures(a, harms, features);
    const used = sparseFeatures(features);
    const gramCount = ngrams.collect(a.tokens);
    sumGrams(grams, ngrams.ids, gramCount, gramValue(gramCount), gramSums);
    predict(heads.tone, features, gramSums, toneGrams, toneProbs, used);
    predict(heads.stance, features, gramSums, stanceGrams, stanceProbs, used);
    predict(heads.sentiment, features, gramSums, sentimentGrams, sentimentProbs, used);
    const hostile = toneProbs[toneAt[TONES.indexOf("hostile")] ?? 0] ?? 0;
    extractFlagFeatures(a, harms, hostile, flagFeatures);
    predict(heads.flag, flagFeatures, gramSums, flagGrams, flagProbs);
    const flagProbability = flagProbs[flagAt] ?? 0;
    const flag = flagProbability >= threshold || formatFlag(harms);

    for (let i = 0; i < TONES.length; i++) toneRounded[i] = prob(toneProbs, toneAt, i);
    // A literal in TONES order: one object shape for every score.
    const toneScores: Record<Tone, number> = {
      analytical: toneRounded[0]!,
      skeptical: toneRounded[1]!,
      dismissive: toneRounded[2]!,
      supportive: toneRounded[3]!,
      hostile: toneRounded[4]!,
      neutral: toneRounded[5]!,
    };
    const top = best(toneProbs, toneAt);
    const tone = TONES[top] ?? "neutral";
    const primary = toneRounded[top] ?? 0;
    let secondaryAt = -1;
    for (let i = 0; i < TONES.length; i++) {
      if (i === top) continue;
      const v = toneRounded[i] ?? 0;
      if (
        v >= SECONDARY_MIN &&
        v >= primary / 2 &&
        (secondaryAt < 0 || v > (toneRounded[secondaryAt] ?? 0))
      ) {
        secondaryAt = i;
      }
    }
    let secondaryTone: Tone | null = secondaryAt < 0 ? null : (TONES[secondaryAt] ?? null);
    if (secondaryTone === null && tone !== "hostile" && harms.insult >= 0.5) secondaryTone = "hostile";

    const stanceTop = best(stanceProbs, stanceAt);
    const stance: Stance = STANCES[stanceTop] ?? "neutral";
    const sentimentTop = best(sentimentProbs, sentimentAt);
    return {
      tone,
      toneScores,
      secondaryTone,
      stance,
      stanceConfidence: prob(stanceProbs, stanceAt, stanceTop),
      sentiment: {
        ...sentimentBase,
        label: SENTIMENT_LABELS[sentimentTop] ?? "neutral",
        confidence: prob(sentimentProbs, sentimentAt, sentimentTop),
      },
      signals: storedSignals(harms),
      flag,
      flagProbability: round(flagProbability),
      flagReasons: flagReasons(harms, flag),
      cues,
      scorerVersion: version,
    };
  };
}
