export { FINGERPRINT_VERSION, normalizeForRepeat, textFingerprint } from "@/lib/moderation/fingerprint";
export { findLinks } from "@/lib/moderation/matching/find-links";
export {
  type CompiledWordList,
  compiledWordList,
  compileWordList,
  type WordMatch,
} from "@/lib/moderation/matching/word-list";
export { MODERATION_RULES, moderateComment } from "@/lib/moderation/pipeline";
export { QUEUE_PRIORITY_WEIGHTS, type QueuePriorityInput, queuePriority } from "@/lib/moderation/priority";
export {
  COMMENT_REASON_LABELS,
  COMMENT_REASONS,
  type CommentReason,
  isCommentReason,
  isPostFlagReason,
  POST_FLAG_REASON_LABELS,
  POST_FLAG_REASONS,
  type PostFlagReason,
} from "@/lib/moderation/reasons";
export {
  DEFAULT_MODERATION_SETTINGS,
  type ModerationSettings,
  type ModerationSettingsInput,
  moderationSettingsSchema,
  parseModerationSettings,
} from "@/lib/moderation/settings";
export {
  COMMENTER_STATUSES,
  type CommenterStatus,
  MODERATION_ACTIONS,
  type ModerationAction,
  type ModerationDecision,
  type ModerationInput,
  type ModerationRule,
  type ModerationScore,
  PROPOSED_STATUSES,
  type ProposedStatus,
  RULE_NAMES,
  RULE_REASONS,
  type RuleName,
  type RuleReason,
  type RuleResult,
  TONES,
  type Tone,
} from "@/lib/moderation/types";
