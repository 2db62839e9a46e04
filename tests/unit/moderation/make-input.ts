import type { CommenterStatus, ModerationInput, ModerationScore } from "@/lib/moderation";

export interface ScoreOverrides {
  hostile?: number;
  threat?: number;
  insult?: number;
  identityAttack?: number;
  profanity?: number;
  flag?: boolean;
  flagReasons?: string[];
}

export function makeScore(overrides: ScoreOverrides = {}): ModerationScore {
  return {
    tone: (overrides.hostile ?? 0) >= 0.5 ? "hostile" : "neutral",
    toneScores: { hostile: overrides.hostile ?? 0 },
    signals: {
      insult: overrides.insult ?? 0,
      profanity: overrides.profanity ?? 0,
      threat: overrides.threat ?? 0,
      identityAttack: overrides.identityAttack ?? 0,
    },
    flag: overrides.flag ?? false,
    flagReasons: overrides.flagReasons ?? [],
  };
}

export interface InputOverrides {
  text?: string;
  status?: CommenterStatus;
  priorCommentCount?: number;
  score?: ModerationScore | null;
  recentIdenticalCount?: number;
}

/** A regular commenter's ordinary, scored, harmless comment unless overridden. */
export function makeInput(overrides: InputOverrides = {}): ModerationInput {
  return {
    text: overrides.text ?? "I think the second chart undercounts rural readers.",
    commenter: { status: overrides.status ?? "ACTIVE", priorCommentCount: overrides.priorCommentCount ?? 12 },
    score: overrides.score === undefined ? makeScore() : overrides.score,
    recentIdenticalCount: overrides.recentIdenticalCount ?? 0,
  };
}
