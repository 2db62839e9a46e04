import { describe, expect, test } from "vitest";
import { parseModerationSettings } from "@/lib/moderation";
import { suspectWordsRule } from "@/lib/moderation/rules/suspect-words";
import { makeInput } from "./make-input";

const settings = parseModerationSettings({ suspectWords: ["shill*", "paid off", "sheeple", "naïve"] });

describe("suspect-words rule", () => {
  test.each([
    ["a wildcard entry", "Another Substack shill.", "shill"],
    ["a wildcard with a suffix", "The shilling never stops", "shilling"],
    ["a phrase across a line break", "They were clearly paid\noff", "paid\noff"],
    ["repeated letters and leetspeak", "wake up sh33eple", "sh33eple"],
    ["an accent-insensitive match", "how NAIVE", "NAIVE"],
    ["an accented comment", "rather naïve 🙃", "naïve"],
  ])("flags %s", (_label, text, expected) => {
    const result = suspectWordsRule(makeInput({ text }), settings);
    expect(result).toEqual({
      rule: "suspect-words",
      action: "flag",
      reason: "SUSPECT_WORD",
      matchedText: expected,
      detail: expect.stringContaining(`matched "${expected}"`),
    });
  });

  test.each([
    ["empty text", ""],
    ["an unrelated comment", "Thoughtful piece, thanks."],
    ["a word inside another word", "Marshmallows"],
    ["half a phrase", "I paid the bill off"],
  ])("does not flag %s", (_label, text) => {
    expect(suspectWordsRule(makeInput({ text }), settings)).toBeNull();
  });
});
