import { describe, expect, test } from "vitest";
import {
  isRuleOn,
  percentTextToThreshold,
  RULE_CATALOG,
  ruleTitle,
  thresholdToPercentText,
  withRuleSwitched,
} from "@/lib/moderation/rule-catalog";
import { DEFAULT_MODERATION_SETTINGS } from "@/lib/moderation/settings";
import { RULE_NAMES, type RuleName } from "@/lib/moderation/types";

const settings = (disabledRules: RuleName[], holdFirstComment = false) => ({
  ...DEFAULT_MODERATION_SETTINGS,
  disabledRules,
  holdFirstComment,
});

describe("the rule catalog", () => {
  test("every rule has a title and a description, and no title repeats", () => {
    expect(Object.keys(RULE_CATALOG).sort()).toEqual([...RULE_NAMES].sort());
    const titles = Object.values(RULE_CATALOG).map((r) => r.title);
    expect(new Set(titles).size).toBe(titles.length);
    for (const rule of Object.values(RULE_CATALOG)) expect(rule.description.length).toBeGreaterThan(20);
  });

  test.each([
    ["scorer-flag", "Flag what the scorer flags"],
    ["threat", "Hold threats for review"],
    ["a-rule-from-an-older-version", "a-rule-from-an-older-version"],
  ])("ruleTitle(%s)", (rule, title) => {
    expect(ruleTitle(rule)).toBe(title);
  });
});

describe("rule switches", () => {
  test.each<[string, ReturnType<typeof settings>, RuleName, boolean]>([
    ["a rule runs unless disabled", settings([]), "threat", true],
    ["a disabled rule is off", settings(["threat"]), "threat", false],
    ["new-commenter is off until first comments are held", settings([]), "new-commenter", false],
    ["new-commenter on", settings([], true), "new-commenter", true],
    ["new-commenter disabled wins", settings(["new-commenter"], true), "new-commenter", false],
  ])("%s", (_name, s, rule, on) => {
    expect(isRuleOn(s, rule)).toBe(on);
  });

  test("switching a rule off and on again gives the settings back", () => {
    const off = withRuleSwitched(settings([]), "links", false);
    expect(off.disabledRules).toEqual(["links"]);
    expect(withRuleSwitched(off, "links", true)).toEqual(settings([]));
  });

  test("disabledRules stay in pipeline order", () => {
    const s = withRuleSwitched(withRuleSwitched(settings([]), "scorer-flag", false), "banned-words", false);
    expect(s.disabledRules).toEqual(["banned-words", "scorer-flag"]);
  });

  test("the new-commenter switch is the holdFirstComment setting", () => {
    const on = withRuleSwitched(settings(["new-commenter"]), "new-commenter", true);
    expect([on.holdFirstComment, on.disabledRules]).toEqual([true, []]);
    const off = withRuleSwitched(on, "new-commenter", false);
    expect([off.holdFirstComment, off.disabledRules]).toEqual([false, []]);
    expect(isRuleOn(on, "new-commenter")).toBe(true);
    expect(isRuleOn(off, "new-commenter")).toBe(false);
  });
});

describe("thresholds as percents", () => {
  test.each<[number | null, string]>([
    [0.6, "60"],
    [0.55, "55"],
    [0.575, "57.5"],
    [1, "100"],
    [0, "0"],
    [null, ""],
  ])("%s -> %j", (threshold, text) => {
    expect(thresholdToPercentText(threshold)).toBe(text);
    expect(percentTextToThreshold(text)).toBe(threshold);
  });

  test.each([
    [" 60 % ", 0.6],
    ["60%", 0.6],
    ["7", 0.07],
  ])("%j -> %s", (text, threshold) => {
    expect(percentTextToThreshold(text)).toBe(threshold);
  });

  test("not a number stays visible as NaN (the schema then refuses it)", () => {
    expect(percentTextToThreshold("sixty")).toBeNaN();
  });
});
