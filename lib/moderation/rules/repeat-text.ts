import { normalizeForRepeat } from "@/lib/moderation/fingerprint";
import type { ModerationRule } from "@/lib/moderation/types";

/**
 * Holds a text the commenter has posted repeatedly within the window. The caller counts the earlier
 * copies (`input.recentIdenticalCount`, matched by `textFingerprint`); short texts never count.
 */
export const repeatTextRule: ModerationRule = (input, settings) => {
  const minCount = settings.repeatTextMinCount;
  if (minCount === null) return null;
  if (normalizeForRepeat(input.text).length < settings.repeatTextMinLength) return null;
  const copies = input.recentIdenticalCount + 1;
  if (copies < minCount) return null;
  return {
    rule: "repeat-text",
    action: "hold",
    reason: "REPEAT_TEXT",
    detail: `Same text posted ${copies} times within ${settings.repeatTextWindowHours} h (limit ${minCount - 1}).`,
  };
};
