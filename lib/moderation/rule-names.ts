/** Pipeline order: the order rules run in and the order they appear in `ModerationDecision.fired`. */
export const RULE_NAMES = [
  "commenter-status",
  "banned-words",
  "threat",
  "hostility",
  "repeat-text",
  "links",
  "new-commenter",
  "suspect-words",
  "scorer-flag",
] as const;
export type RuleName = (typeof RULE_NAMES)[number];
