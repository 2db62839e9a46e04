import { compiledWordList } from "@/lib/moderation/matching/word-list";
import type { ModerationRule } from "@/lib/moderation/types";

/** Flags (publishes, but marks for a look) a comment containing an entry of the suspect-word list. */
export const suspectWordsRule: ModerationRule = (input, settings) => {
  const match = compiledWordList(settings.suspectWords).find(input.text);
  if (match === null) return null;
  return {
    rule: "suspect-words",
    action: "flag",
    reason: "SUSPECT_WORD",
    matchedText: match.matchedText,
    detail: `Suspect word "${match.entry}" matched "${match.matchedText}".`,
  };
};
