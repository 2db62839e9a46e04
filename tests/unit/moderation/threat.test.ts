import { describe, expect, test } from "vitest";
import { parseModerationSettings } from "@/lib/moderation";
import { threatRule } from "@/lib/moderation/rules/threat";
import { makeInput, makeScore } from "./make-input";

const defaults = parseModerationSettings({});

describe("threat rule", () => {
  test.each([
    [0, false],
    [0.49, false],
    [0.5, true],
    [0.93, true],
  ])("threat %f holds: %s", (threat, holds) => {
    const result = threatRule(makeInput({ score: makeScore({ threat }) }), defaults);
    expect(result !== null).toBe(holds);
  });

  test("holds with the score and threshold in the detail", () => {
    expect(threatRule(makeInput({ score: makeScore({ threat: 0.72 }) }), defaults)).toEqual({
      rule: "threat",
      action: "hold",
      reason: "THREAT",
      detail: "Scorer: threat 72% ≥ 50%.",
    });
  });

  test("hostility alone is not a threat", () => {
    expect(threatRule(makeInput({ score: makeScore({ hostile: 1 }) }), defaults)).toBeNull();
  });

  test.each([
    ["unscored", makeInput({ score: null }), defaults],
    [
      "turned off",
      makeInput({ score: makeScore({ threat: 1 }) }),
      parseModerationSettings({ threatHoldThreshold: null }),
    ],
  ])("stays silent when %s", (_label, input, settings) => {
    expect(threatRule(input, settings)).toBeNull();
  });
});
