import { plural } from "@/lib/moderation/rules/format";
import type { ModerationRule } from "@/lib/moderation/types";

/** Holds the first comment(s) of a commenter new to this publication, when the author asks for it. */
export const newCommenterRule: ModerationRule = (input, settings) => {
  if (!settings.holdFirstComment) return null;
  const prior = input.commenter.priorCommentCount;
  const held = settings.newCommenterCommentCount;
  if (prior >= held) return null;
  const detail =
    prior === 0
      ? "First comment from this commenter."
      : `Commenter has ${plural(prior, "earlier comment")}; the first ${held} are held.`;
  return { rule: "new-commenter", action: "hold", reason: "NEW_COMMENTER", detail };
};
