import { formatScore } from "@/lib/moderation/rules/format";
import type { ModerationRule } from "@/lib/moderation/types";

function reaches(value: number, threshold: number | null): threshold is number {
  return threshold !== null && value >= threshold;
}

/**
 * Holds a comment the scorer finds hostile or identity-attacking; short of that, flags one it finds
 * insulting. Silent for unscored comments.
 */
export const hostilityRule: ModerationRule = (input, settings) => {
  if (input.score === null) return null;
  const hostile = input.score.toneScores.hostile;
  const { identityAttack, insult } = input.score.signals;

  const holdReasons: string[] = [];
  if (reaches(hostile, settings.hostilityHoldThreshold)) {
    holdReasons.push(
      `hostile tone ${formatScore(hostile)} ≥ ${formatScore(settings.hostilityHoldThreshold)}`,
    );
  }
  if (reaches(identityAttack, settings.identityAttackHoldThreshold)) {
    holdReasons.push(
      `identity attack ${formatScore(identityAttack)} ≥ ${formatScore(settings.identityAttackHoldThreshold)}`,
    );
  }
  if (holdReasons.length > 0) {
    return {
      rule: "hostility",
      action: "hold",
      reason: "HOSTILITY",
      detail: `Scorer: ${holdReasons.join("; ")}.`,
    };
  }

  if (reaches(insult, settings.insultFlagThreshold)) {
    return {
      rule: "hostility",
      action: "flag",
      reason: "INSULT",
      detail: `Scorer: insult ${formatScore(insult)} ≥ ${formatScore(settings.insultFlagThreshold)}.`,
    };
  }
  return null;
};
