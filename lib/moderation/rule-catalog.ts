import type { ModerationSettings } from "@/lib/moderation/settings";
import { RULE_NAMES, type RuleName } from "@/lib/moderation/types";

/** Each rule as a person reads it: what it does, in words, not its internal name. */
export const RULE_CATALOG: Readonly<Record<RuleName, { title: string; description: string }>> = {
  "commenter-status": {
    title: "Apply each commenter's standing",
    description:
      "Rejects comments from banned or suspended commenters, holds those of pre-moderated ones for review and flags those of watched ones.",
  },
  "banned-words": {
    title: "Reject comments with banned words",
    description: "Rejects a comment containing a word or phrase of the banned list.",
  },
  threat: {
    title: "Hold threats for review",
    description: "Holds a comment when the scorer's threat score reaches the threshold.",
  },
  hostility: {
    title: "Hold hostile comments, flag insults",
    description:
      "Holds a comment whose hostile tone or attack on a group reaches its threshold; short of that, flags one whose insult score reaches its threshold.",
  },
  "repeat-text": {
    title: "Hold the same text posted again and again",
    description: "Holds a comment when its author posted the same text this many times within the window.",
  },
  links: {
    title: "Hold comments with many links",
    description: "Holds a comment with more links than the limit.",
  },
  "new-commenter": {
    title: "Hold first comments of new commenters",
    description:
      "Holds comments from commenters with fewer earlier comments on this publication than the number set.",
  },
  "suspect-words": {
    title: "Flag comments with suspect words",
    description: "Publishes a comment containing a word of the suspect list, but flags it for a look.",
  },
  "scorer-flag": {
    title: "Flag what the scorer flags",
    description:
      "Flags a comment the scorer marks as a threat, an attack on a group, abuse of another commenter, spam or personal details.",
  },
};

/** The rule's title, or the name itself for a rule this version does not know (old log rows). */
export function ruleTitle(rule: string): string {
  return (RULE_NAMES as readonly string[]).includes(rule) ? RULE_CATALOG[rule as RuleName].title : rule;
}

/**
 * Whether a rule runs. "new-commenter" also needs holdFirstComment: one switch stands for both, so a reader
 * never sees the rule "on" while it can never fire.
 */
export function isRuleOn(
  settings: Pick<ModerationSettings, "disabledRules" | "holdFirstComment">,
  rule: RuleName,
) {
  if (settings.disabledRules.includes(rule)) return false;
  return rule !== "new-commenter" || settings.holdFirstComment;
}

/** The settings with the rule switched on or off (keeping disabledRules in pipeline order). */
export function withRuleSwitched<S extends Pick<ModerationSettings, "disabledRules" | "holdFirstComment">>(
  settings: S,
  rule: RuleName,
  on: boolean,
): S {
  const disabled = new Set(settings.disabledRules);
  if (on) disabled.delete(rule);
  else if (rule !== "new-commenter") disabled.add(rule);
  const next = { ...settings, disabledRules: RULE_NAMES.filter((r) => disabled.has(r)) };
  if (rule === "new-commenter") {
    next.holdFirstComment = on;
    if (!on) next.disabledRules = next.disabledRules.filter((r) => r !== "new-commenter");
  }
  return next;
}

/** A 0..1 threshold as the whole percent a person types ("55"); "" for a check that is off (null). */
export function thresholdToPercentText(threshold: number | null): string {
  return threshold === null ? "" : String(Math.round(threshold * 1000) / 10);
}

/** What a person typed as a percent, as a 0..1 threshold; null when empty (the check is off), NaN when not a number. */
export function percentTextToThreshold(text: string): number | null {
  const trimmed = text.trim().replace(/\s*%$/u, "");
  if (trimmed === "") return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? Math.round(value * 10) / 1000 : Number.NaN;
}
