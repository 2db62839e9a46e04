import { describe, expect, test } from "vitest";
import { parseModerationSettings } from "@/lib/moderation";
import { scorerFlagRule } from "@/lib/moderation/rules/scorer-flag";
import { makeInput, makeScore } from "./make-input";

describe("scorer-flag rule", () => {
  const defaults = parseModerationSettings({});

  test.each([
    ["not flagged", makeScore({ flag: false, flagReasons: ["ignored"] }), null],
    ["flagged without reasons", makeScore({ flag: true }), "Scorer flagged the comment."],
    [
      "flagged with reasons",
      makeScore({ flag: true, flagReasons: ["LOW_CONFIDENCE", "SARCASM"] }),
      "Scorer flagged: LOW_CONFIDENCE, SARCASM.",
    ],
    ["unscored", null, null],
  ])("%s", (_label, score, detail) => {
    const result = scorerFlagRule(makeInput({ score }), defaults);
    expect(result?.detail ?? null).toBe(detail);
    if (result) expect(result).toMatchObject({ rule: "scorer-flag", action: "flag", reason: "SCORER_FLAG" });
  });
});
