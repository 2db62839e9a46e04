import type { ModerationSettings } from "@/lib/moderation/settings";

/** What approving a held comment would wave through that a moderator must confirm first. */
export const GRAVE_CONCERNS = ["threat", "identity-attack", "personal-abuse"] as const;
export type GraveConcern = (typeof GRAVE_CONCERNS)[number];

export const GRAVE_CONCERN_LABELS: Readonly<Record<GraveConcern, string>> = {
  threat: "a threat",
  "identity-attack": "an attack on a group",
  "personal-abuse": "abuse of another commenter",
};

export interface GraveConcernInput {
  /** Held by the rules (SYSTEM_WITHHELD), or with an open flag: approving it is a decision about these. */
  held: boolean;
  /** Reasons of the comment's open flags (FlagReason names: THREAT, HATE_SPEECH, HARASSMENT, …). */
  openFlagReasons: readonly string[];
  /** The scorer's flag reasons (threat, identity-attack, personal-abuse, spam, doxxing). */
  scorerFlagReasons: readonly string[];
  /** The scorer's signals, 0..1; null when not scored. */
  signals: { threat: number; identityAttack: number } | null;
  settings: Pick<ModerationSettings, "threatHoldThreshold" | "identityAttackHoldThreshold">;
}

const reaches = (value: number | undefined, threshold: number | null) =>
  value !== undefined && threshold !== null && value >= threshold;

/**
 * Why approving this comment needs a confirmation: it is held or flagged, and a rule, a person or the scorer
 * saw a threat, an attack on a group or abuse of another commenter in it. Empty when a plain approve is fine.
 */
export function graveConcerns(input: GraveConcernInput): GraveConcern[] {
  if (!input.held) return [];
  const flags = new Set(input.openFlagReasons);
  const scorer = new Set(input.scorerFlagReasons);
  const found: Record<GraveConcern, boolean> = {
    threat:
      flags.has("THREAT") ||
      scorer.has("threat") ||
      reaches(input.signals?.threat, input.settings.threatHoldThreshold),
    "identity-attack":
      flags.has("HATE_SPEECH") ||
      scorer.has("identity-attack") ||
      reaches(input.signals?.identityAttack, input.settings.identityAttackHoldThreshold),
    "personal-abuse": flags.has("HARASSMENT") || scorer.has("personal-abuse"),
  };
  return GRAVE_CONCERNS.filter((c) => found[c]);
}
