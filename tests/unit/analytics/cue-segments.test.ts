import { describe, expect, test } from "vitest";
import { cueDisplay, cueSegments, signalLabel } from "@/lib/analytics/cue-segments";

const body = "I doubt this is true, frankly.";

describe("cueSegments", () => {
  test.each([
    ["no cues", [], [{ text: body, start: 0 }]],
    [
      "one cue in the middle",
      [{ start: 2, end: 7, text: "doubt", signal: "doubt" }],
      [
        { text: "I ", start: 0 },
        { text: "doubt", signal: "doubt", start: 2 },
        { text: " this is true, frankly.", start: 7 },
      ],
    ],
    [
      "a cue at the very start and one at the end, given out of order",
      [
        { start: 22, end: 30, text: "frankly.", signal: "hedge" },
        { start: 0, end: 1, text: "I", signal: "first-person" },
      ],
      [
        { text: "I", signal: "first-person", start: 0 },
        { text: " doubt this is true, ", start: 1 },
        { text: "frankly.", signal: "hedge", start: 22 },
      ],
    ],
    [
      "an overlapping cue is skipped (the earlier one wins)",
      [
        { start: 2, end: 12, text: "doubt this", signal: "a" },
        { start: 8, end: 15, text: "this is", signal: "b" },
      ],
      [
        { text: "I ", start: 0 },
        { text: "doubt this", signal: "a", start: 2 },
        { text: " is true, frankly.", start: 12 },
      ],
    ],
    [
      "out-of-range, empty, reversed and mismatched cues are skipped",
      [
        { start: -1, end: 3, signal: "x" },
        { start: 25, end: 99, signal: "x" },
        { start: 4, end: 4, signal: "x" },
        { start: 7, end: 2, signal: "x" },
        { start: 2, end: 7, text: "dOubt", signal: "x" },
        { start: 1.5, end: 3, signal: "x" },
      ],
      [{ text: body, start: 0 }],
    ],
  ])("%s", (_name, cues, expected) => {
    const segments = cueSegments(body, cues);
    expect(segments).toEqual(expected);
    expect(segments.map((s) => s.text).join("")).toBe(body);
  });

  test("of two spans starting together, a flag signal beats a tone cue, which beats a sentiment word", () => {
    const text = "Moron-level take";
    const cues = [
      { start: 0, end: 5, text: "Moron", signal: "negative" },
      { start: 0, end: 5, text: "Moron", signal: "insult" },
      { start: 0, end: 11, text: "Moron-level", signal: "commenterAbuse" },
    ];
    expect(cueSegments(text, cues)[0]).toEqual({ text: "Moron-level", signal: "commenterAbuse", start: 0 });
    expect(cueSegments(text, cues.slice(0, 2))[0]).toEqual({ text: "Moron", signal: "insult", start: 0 });
  });

  test("markup in a body stays text", () => {
    const html = "<script>alert(1)</script>";
    expect(cueSegments(html, [{ start: 0, end: 8, signal: "x" }]).map((s) => s.text)).toEqual([
      "<script>",
      "alert(1)</script>",
    ]);
  });
});

describe("signalLabel", () => {
  test.each([
    ["negation_doubt", "negation doubt"],
    ["tone:skeptical", "tone skeptical"],
    ["plain", "plain"],
    ["commenterAbuse", "commenter abuse"],
    ["negated-identityGroup", "negated identity group"],
  ])("%s -> %s", (signal, label) => {
    expect(signalLabel(signal)).toBe(label);
  });
});

describe("cueDisplay", () => {
  test.each([
    ["doubt", "cue-tone tone-skeptical", "doubt: points to skeptical"],
    ["insult", "cue-tone tone-hostile", "insult: points to hostile"],
    ["disagree", "cue-stance", "disagree: a sign of disagreement"],
    ["commenterAbuse", "cue-flag", "commenter abuse: flag signal, abuse of another commenter"],
    ["threat", "cue-flag", "threat: flag signal, a threat or wished harm"],
    ["positive", "cue-sentiment", "word counted as positive sentiment, not tone"],
    ["negated-positive", "cue-sentiment", "negated word counted as negative sentiment, not tone"],
    ["identityGroup", "cue-context", "identity group: context, not evidence for a label"],
    ["unknownSignal", "cue-context", "unknown signal: context, not evidence for a label"],
  ])("%s", (signal, className, description) => {
    expect(cueDisplay(signal)).toEqual({ className, description });
  });
});
