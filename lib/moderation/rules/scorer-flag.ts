import type { ModerationRule } from "@/lib/moderation/types";

/** Flags a comment the scorer itself flagged, carrying its reasons into the detail. */
export const scorerFlagRule: ModerationRule = (input) => {
  if (input.score === null || !input.score.flag) return null;
  const reasons = input.score.flagReasons;
  return {
    rule: "scorer-flag",
    action: "flag",
    reason: "SCORER_FLAG",
    detail: reasons.length > 0 ? `Scorer flagged: ${reasons.join(", ")}.` : "Scorer flagged the comment.",
  };
};
