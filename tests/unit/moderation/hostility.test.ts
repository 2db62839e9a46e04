import { describe, expect, test } from "vitest";
import { parseModerationSettings } from "@/lib/moderation";
import { hostilityRule } from "@/lib/moderation/rules/hostility";
import { makeInput, makeScore, type ScoreOverrides } from "./make-input";

const defaults = parseModerationSettings({});

describe("hostility rule", () => {
  test.each<[string, ScoreOverrides, "hold" | "flag" | null, string | null]>([
    ["calm", { hostile: 0.1, insult: 0.1 }, null, null],
    ["just under the hold threshold", { hostile: 0.79 }, null, null],
    ["at the hold threshold", { hostile: 0.8 }, "hold", "HOSTILITY"],
    ["well over it", { hostile: 0.97 }, "hold", "HOSTILITY"],
    ["an identity attack", { identityAttack: 0.75 }, "hold", "HOSTILITY"],
    ["insulting but not hostile", { insult: 0.65 }, "flag", "INSULT"],
    ["hostile and insulting: the hold wins", { hostile: 0.9, insult: 0.9 }, "hold", "HOSTILITY"],
    ["profane only", { profanity: 0.99 }, null, null],
  ])("%s", (_label, score, action, reason) => {
    const result = hostilityRule(makeInput({ score: makeScore(score) }), defaults);
    expect(result?.action ?? null).toBe(action);
    expect(result?.reason ?? null).toBe(reason);
  });

  test("the detail names every signal over its threshold", () => {
    const result = hostilityRule(
      makeInput({ score: makeScore({ hostile: 0.91, identityAttack: 0.8 }) }),
      defaults,
    );
    expect(result?.detail).toBe("Scorer: hostile tone 91% ≥ 80%; identity attack 80% ≥ 70%.");
    expect(result?.matchedText).toBeUndefined();
  });

  test("an unscored comment is left alone", () => {
    expect(hostilityRule(makeInput({ score: null }), defaults)).toBeNull();
  });

  test("null thresholds turn the checks off", () => {
    const off = parseModerationSettings({
      hostilityHoldThreshold: null,
      identityAttackHoldThreshold: null,
      insultFlagThreshold: null,
    });
    const score = makeScore({ hostile: 1, identityAttack: 1, insult: 1 });
    expect(hostilityRule(makeInput({ score }), off)).toBeNull();
  });

  test("a stricter publication holds earlier", () => {
    const strict = parseModerationSettings({ hostilityHoldThreshold: 0.5 });
    expect(hostilityRule(makeInput({ score: makeScore({ hostile: 0.55 }) }), strict)?.action).toBe("hold");
  });
});
