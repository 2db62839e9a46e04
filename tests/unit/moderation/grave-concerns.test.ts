import { describe, expect, test } from "vitest";
import { type GraveConcernInput, graveConcerns } from "@/lib/moderation/grave-concerns";
import { DEFAULT_MODERATION_SETTINGS } from "@/lib/moderation/settings";

const base: GraveConcernInput = {
  held: true,
  openFlagReasons: [],
  scorerFlagReasons: [],
  signals: { threat: 0, identityAttack: 0 },
  settings: DEFAULT_MODERATION_SETTINGS,
};

describe("graveConcerns", () => {
  test.each<[string, Partial<GraveConcernInput>, string[]]>([
    ["nothing grave", {}, []],
    ["held by the threat rule", { openFlagReasons: ["THREAT"] }, ["threat"]],
    // The case: a card held with "threat 79%" (default threshold 50%).
    [
      "a threat signal at the publication's threshold",
      { signals: { threat: 0.79, identityAttack: 0 } },
      ["threat"],
    ],
    ["a threat signal under it", { signals: { threat: 0.49, identityAttack: 0 } }, []],
    [
      "a threshold turned off",
      {
        signals: { threat: 0.99, identityAttack: 0 },
        settings: { threatHoldThreshold: null, identityAttackHoldThreshold: 0.7 },
      },
      [],
    ],
    ["identity attack by signal", { signals: { threat: 0, identityAttack: 0.7 } }, ["identity-attack"]],
    ["identity attack by the scorer's flag", { scorerFlagReasons: ["identity-attack"] }, ["identity-attack"]],
    ["a person flagged it as hate speech", { openFlagReasons: ["HATE_SPEECH"] }, ["identity-attack"]],
    ["abuse of a commenter by the scorer", { scorerFlagReasons: ["personal-abuse"] }, ["personal-abuse"]],
    ["a person flagged it as harassment", { openFlagReasons: ["HARASSMENT"] }, ["personal-abuse"]],
    ["spam is not grave", { scorerFlagReasons: ["spam"], openFlagReasons: ["SPAM", "LINKS"] }, []],
    [
      "several at once, in a fixed order",
      { scorerFlagReasons: ["personal-abuse", "threat"], signals: { threat: 0, identityAttack: 0.9 } },
      ["threat", "identity-attack", "personal-abuse"],
    ],
    [
      "not held and not flagged: approving needs no confirmation",
      {
        held: false,
        openFlagReasons: [],
        scorerFlagReasons: ["threat"],
        signals: { threat: 0.9, identityAttack: 0 },
      },
      [],
    ],
    ["unscored", { signals: null, openFlagReasons: ["THREAT"] }, ["threat"]],
  ])("%s", (_name, change, expected) => {
    expect(graveConcerns({ ...base, ...change })).toEqual(expected);
  });
});
