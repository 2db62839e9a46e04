import { describe, expect, test } from "vitest";
import { cueKind, FAMILY_CUE_KINDS } from "@/lib/scoring/cue-kinds";
import { FAMILIES } from "@/lib/scoring/lexicon-data";

describe("cueKind", () => {
  test.each([
    ["doubt", { kind: "tone", tone: "skeptical" }],
    ["hedge", { kind: "tone", tone: "skeptical" }],
    ["reasoning", { kind: "tone", tone: "analytical" }],
    ["evidence", { kind: "tone", tone: "analytical" }],
    ["dismissive", { kind: "tone", tone: "dismissive" }],
    ["sarcasm", { kind: "tone", tone: "dismissive" }],
    ["praise", { kind: "tone", tone: "supportive" }],
    ["thanks", { kind: "tone", tone: "supportive" }],
    ["insult", { kind: "tone", tone: "hostile" }],
    ["contempt", { kind: "tone", tone: "hostile" }],
    ["anecdote", { kind: "tone", tone: "neutral" }],
    ["agree", { kind: "stance", stance: "agree" }],
    ["disagree", { kind: "stance", stance: "disagree" }],
    ["threat", { kind: "flag", reason: "threat" }],
    ["harm", { kind: "flag", reason: "threat" }],
    ["slur", { kind: "flag", reason: "identity-attack" }],
    ["dehumanizing", { kind: "flag", reason: "identity-attack" }],
    ["commenterAbuse", { kind: "flag", reason: "personal-abuse" }],
    ["spam", { kind: "flag", reason: "spam" }],
    ["identityGroup", { kind: "context" }],
    ["prediction", { kind: "context" }],
    ["positive", { kind: "sentiment", polarity: "positive", negated: false }],
    ["negative", { kind: "sentiment", polarity: "negative", negated: false }],
    // "not good": a positive word negated adds negative valence.
    ["negated-positive", { kind: "sentiment", polarity: "negative", negated: true }],
    ["negated-negative", { kind: "sentiment", polarity: "positive", negated: true }],
    ["a-signal-from-a-later-scorer", { kind: "context" }],
    ["toString", { kind: "context" }],
    ["", { kind: "context" }],
  ])("%s", (signal, expected) => {
    expect(cueKind(signal)).toEqual(expected);
  });

  test("every lexicon family has a kind, and no kind names a family that does not exist", () => {
    expect(Object.keys(FAMILY_CUE_KINDS).sort()).toEqual([...FAMILIES].sort());
  });

  test("only rubric flag families are flag cues", () => {
    const flagFamilies = FAMILIES.filter((f) => cueKind(f).kind === "flag").sort();
    expect(flagFamilies).toEqual(
      ["commenterAbuse", "dehumanizing", "harm", "othering", "slur", "spam", "threat"].sort(),
    );
  });
});
