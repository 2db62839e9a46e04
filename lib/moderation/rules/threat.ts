import { formatScore } from "@/lib/moderation/rules/format";
import type { ModerationRule } from "@/lib/moderation/types";

/** Holds a comment whose threat signal reaches the publication's threshold. Silent for unscored comments. */
export const threatRule: ModerationRule = (input, settings) => {
  const threshold = settings.threatHoldThreshold;
  if (input.score === null || threshold === null) return null;
  const threat = input.score.signals.threat;
  if (threat < threshold) return null;
  return {
    rule: "threat",
    action: "hold",
    reason: "THREAT",
    detail: `Scorer: threat ${formatScore(threat)} ≥ ${formatScore(threshold)}.`,
  };
};
