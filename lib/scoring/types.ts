/** Public types of the comment scorer. */

export const TONES = ["analytical", "skeptical", "dismissive", "supportive", "hostile", "neutral"] as const;
export type Tone = (typeof TONES)[number];

export const STANCES = ["agree", "disagree", "neutral"] as const;
export type Stance = (typeof STANCES)[number];

export const SENTIMENT_LABELS = ["positive", "negative", "neutral"] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

/** What the rubric flags a comment for; `Score.flagReasons` holds these values. */
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
  /** Probability-like score per tone, each in [0, 1], summing to 1. */
  toneScores: Record<Tone, number>;
  secondaryTone: Tone | null;
  stance: Stance;
  stanceConfidence: number;
  sentiment: SentimentScore;
  signals: ModerationSignals;
  flag: boolean;
  flagReasons: HarmCategory[];
  cues: Cue[];
  scorerVersion: string;
}
