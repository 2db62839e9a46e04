import type { CommentReason } from "@/lib/moderation/reasons";
import { bannedWordsRule } from "@/lib/moderation/rules/banned-words";
import { commenterStatusRule } from "@/lib/moderation/rules/commenter-status";
import { hostilityRule } from "@/lib/moderation/rules/hostility";
import { linksRule } from "@/lib/moderation/rules/links";
import { newCommenterRule } from "@/lib/moderation/rules/new-commenter";
import { repeatTextRule } from "@/lib/moderation/rules/repeat-text";
import { scorerFlagRule } from "@/lib/moderation/rules/scorer-flag";
import { suspectWordsRule } from "@/lib/moderation/rules/suspect-words";
import { threatRule } from "@/lib/moderation/rules/threat";
import type { ModerationSettings } from "@/lib/moderation/settings";
import {
  type ModerationAction,
  type ModerationDecision,
  type ModerationInput,
  type ModerationRule,
  type ProposedStatus,
  RULE_NAMES,
  type RuleName,
  type RuleReason,
  type RuleResult,
} from "@/lib/moderation/types";

/** Every rule by name; the pipeline runs them in RULE_NAMES order. */
export const MODERATION_RULES: Readonly<Record<RuleName, ModerationRule>> = {
  "commenter-status": commenterStatusRule,
  "banned-words": bannedWordsRule,
  threat: threatRule,
  hostility: hostilityRule,
  "repeat-text": repeatTextRule,
  links: linksRule,
  "new-commenter": newCommenterRule,
  "suspect-words": suspectWordsRule,
  "scorer-flag": scorerFlagRule,
};

const STATUS_FOR_ACTION: Readonly<Record<Exclude<ModerationAction, "flag">, ProposedStatus>> = {
  reject: "REJECTED",
  hold: "SYSTEM_WITHHELD",
};

/** The reject reason recorded when a rule of this kind rejects a comment. */
const REJECT_REASON_FOR: Readonly<Record<RuleReason, CommentReason>> = {
  BANNED_WORD: "OFFENSIVE",
  SUSPECT_WORD: "OFFENSIVE",
  HOSTILITY: "ABUSIVE",
  INSULT: "ABUSIVE",
  THREAT: "HARASSMENT",
  LINKS: "SPAM",
  REPEAT_TEXT: "SPAM",
  NEW_COMMENTER: "OTHER",
  COMMENTER_STATUS: "OTHER",
  SCORER_FLAG: "OTHER",
};

/** Runs every enabled rule and records all that fired; reject > hold > flag decides the status. */
export function moderateComment(input: ModerationInput, settings: ModerationSettings): ModerationDecision {
  const fired: RuleResult[] = [];
  for (const name of RULE_NAMES) {
    if (settings.disabledRules.includes(name)) continue;
    const result = MODERATION_RULES[name](input, settings);
    if (result !== null) fired.push(result);
  }

  const decidedBy =
    fired.find((result) => result.action === "reject") ??
    fired.find((result) => result.action === "hold") ??
    null;
  const status =
    decidedBy === null || decidedBy.action === "flag" ? "NONE" : STATUS_FOR_ACTION[decidedBy.action];
  return {
    status,
    decidedBy,
    rejectReason: status === "REJECTED" && decidedBy !== null ? REJECT_REASON_FOR[decidedBy.reason] : null,
    flags: fired.filter((result) => result.action === "flag"),
    fired,
  };
}
