import { compiledWordList } from "@/lib/moderation/matching/word-list";
import type { ModerationRule } from "@/lib/moderation/types";

/** Rejects a comment containing any entry of the publication's banned-word list. */
export const bannedWordsRule: ModerationRule = (input, settings) => {
  const match = compiledWordList(settings.bannedWords).find(input.text);
  if (match === null) return null;
  return {
    rule: "banned-words",
    action: "reject",
    reason: "BANNED_WORD",
    matchedText: match.matchedText,
    detail: `Banned word "${match.entry}" matched "${match.matchedText}".`,
  };
};
