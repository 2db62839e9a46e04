/** Public types of the comment scorer. */
import type {
  SentimentLabel as StoredSentimentLabel,
  Stance as StoredStance,
  Tone as StoredTone,
} from "@/lib/db/generated/enums";

export const TONES = [
  "analytical",
  "skeptical",
  "dismissive",
  "supportive",
  "hostile",
  "neutral",
] as const satisfies readonly StoredTone[];
export type Tone = (typeof TONES)[number];

export const STANCES = ["agree", "disagree", "neutral"] as const satisfies readonly StoredStance[];
export type Stance = (typeof STANCES)[number];

export const SENTIMENT_LABELS = [
  "positive",
  "negative",
  "neutral",
] as const satisfies readonly StoredSentimentLabel[];
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

/** What a flag is about: the grounds of the rubric, each with a detector (lib/scoring/harm). */
export const HARM_CATEGORIES = ["threat", "identity-attack", "personal-abuse", "spam", "doxxing"] as const;
export type HarmCategory = (typeof HARM_CATEGORIES)[number];

/** What is known about where the comment was posted; every field is optional. */
export interface ScoreContext {
  postTitle?: string | null;
  postBody?: string | null;
  /** A reply to another comment; null or undefined when unknown. */
  isReply?: boolean | null;
}

/** A span of the ORIGINAL text that drove a decision: `text === original.slice(start, end)`. */
export interface Cue {
  start: number;
  end: number;
  text: string;
  signal: string;
}

export interface SentimentScore {
  /** AFINN-165 sum after negation, phrase and emoji corrections. */
  score: number;
  /** `score` divided by the number of word and emoji tokens (0 for none). */
  comparative: number;
  label: SentimentLabel;
  /** Calibrated probability of `label`. */
  confidence: number;
}

/** Moderation signals, each in [0, 1]. */
export interface ModerationSignals {
  insult: number;
  profanity: number;
  threat: number;
  identityAttack: number;
}

export interface Score {
  tone: Tone;
  /** Calibrated probability per tone, each in [0, 1], summing to 1 (up to rounding). */
  toneScores: Record<Tone, number>;
  secondaryTone: Tone | null;
  stance: Stance;
  /** Calibrated probability of `stance`. */
  stanceConfidence: number;
  sentiment: SentimentScore;
  signals: ModerationSignals;
  flag: boolean;
  /** Calibrated probability that a moderator would want to see the comment (the flag head's output). */
  flagProbability: number;
  flagReasons: HarmCategory[];
  cues: Cue[];
  scorerVersion: string;
}
