import type {
  CommenterStatus as StoredCommenterStatus,
  CommentStatus as StoredCommentStatus,
} from "@/lib/db/generated/enums";
import type { CommentReason, RuleReason } from "@/lib/moderation/reasons";
import type { ModerationSettings } from "@/lib/moderation/settings";

// The scorer's vocabulary: the rules read its tone labels.
export { TONES, type Tone } from "@/lib/scoring/types";

import type { Tone } from "@/lib/scoring/types";

/** A commenter's standing on a publication: the database enum CommenterStatus. */
export type CommenterStatus = StoredCommenterStatus;
export const COMMENTER_STATUSES = [
  "ACTIVE",
  "WATCHED",
  "PREMOD",
  "SUSPENDED",
  "BANNED",
] as const satisfies readonly CommenterStatus[];

/** Marginalia's own moderation status of a comment: the database enum CommentStatus. */
export type CommentStatus = StoredCommentStatus;
export const COMMENT_STATUSES = [
  "NONE",
  "APPROVED",
  "REJECTED",
  "SYSTEM_WITHHELD",
] as const satisfies readonly CommentStatus[];

// Rule names live on their own: the settings schema lists them, and these contracts read the settings type.
export { RULE_NAMES, type RuleName } from "@/lib/moderation/rule-names";

import type { RuleName } from "@/lib/moderation/rule-names";

/** Strongest first: a single reject outranks any number of holds, a hold outranks flags. */
export const MODERATION_ACTIONS = ["reject", "hold", "flag"] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export { RULE_REASONS, type RuleReason } from "@/lib/moderation/reasons";

/** The subset of a scorer result the rules read. A full scorer result is assignable to it. */
export interface ModerationScore {
  readonly tone: Tone;
  readonly toneScores: { readonly hostile: number };
  readonly signals: {
    readonly insult: number;
    readonly profanity: number;
    readonly threat: number;
    readonly identityAttack: number;
  };
  readonly flag: boolean;
  readonly flagReasons: readonly string[];
}

/**
 * Everything a rule may look at. Counts are relative to the comment's own creation time, so re-running
 * the pipeline over an old comment gives the answer it would have had when it arrived.
 */
export interface ModerationInput {
  /** The comment body as plain text (HTML stripped; keep link URLs in the text so `links` can count them). */
  readonly text: string;
  readonly commenter: {
    readonly status: CommenterStatus;
    /**
     * This commenter's comments on the same publication created before this one, not counting this
     * comment and not counting rejected ones. 0 means this is their first comment.
     */
    readonly priorCommentCount: number;
  };
  /** The scorer's output, or null when the comment is not scored yet (score-based rules stay silent). */
  readonly score: ModerationScore | null;
  /**
   * How many OTHER comments by this commenter (any post of the same publication) have the same
   * `textFingerprint(text)` and were created within `settings.repeatTextWindowHours` before this one.
   */
  readonly recentIdenticalCount: number;
}

export interface RuleResult {
  readonly rule: RuleName;
  readonly action: ModerationAction;
  readonly reason: RuleReason;
  /** The offending text exactly as it appears in the comment, when the rule matched text. */
  readonly matchedText?: string;
  /** One human-readable sentence for the moderator: what fired and why. */
  readonly detail: string;
}

export const PROPOSED_STATUSES = [
  "NONE",
  "SYSTEM_WITHHELD",
  "REJECTED",
] as const satisfies readonly CommentStatus[];
/** NONE: publish, nothing to review. SYSTEM_WITHHELD: held for a moderator. REJECTED: hidden. */
export type ProposedStatus = (typeof PROPOSED_STATUSES)[number];

export interface ModerationDecision {
  readonly status: ProposedStatus;
  /** The first fired result (in pipeline order) carrying the decisive action; null when status is NONE. */
  readonly decidedBy: RuleResult | null;
  /** Reason to store with a REJECTED status; null otherwise. */
  readonly rejectReason: CommentReason | null;
  /** Fired results whose action is "flag" (shown as flags even when the comment is published). */
  readonly flags: readonly RuleResult[];
  /** Every fired result, in pipeline order. */
  readonly fired: readonly RuleResult[];
}

/** A rule is pure: same input and settings, same result. null means it did not fire. */
export type ModerationRule = (input: ModerationInput, settings: ModerationSettings) => RuleResult | null;
