import { describe, expect, test } from "vitest";
import { normalizeForRepeat, parseModerationSettings, textFingerprint } from "@/lib/moderation";
import { repeatTextRule } from "@/lib/moderation/rules/repeat-text";
import { makeInput } from "./make-input";

const SPAM = "Subscribe to my newsletter for the real story!";

describe("normalizeForRepeat", () => {
  test.each([
    ["case and punctuation", "Great post!!", "great post"],
    ["whitespace runs and line breaks", "  great \n\t post ", "great post"],
    ["accents", "Très  BIEN.", "tres bien"],
    ["zero-width characters", "gr\u200Beat", "great"],
    ["emoji are kept", "🔥🔥 Fire!", "🔥🔥 fire"],
    ["empty text", "", ""],
  ])("%s", (_label, text, expected) => {
    expect(normalizeForRepeat(text)).toBe(expected);
  });
});

describe("textFingerprint", () => {
  test("is versioned and 64-bit hex", () => {
    expect(textFingerprint(SPAM)).toMatch(/^r1-[0-9a-f]{16}$/);
  });

  test.each([
    [SPAM, "subscribe to my NEWSLETTER, for the real story"],
    ["Très bien", "tres   bien!"],
    ["", "  ...  "],
  ])("%j and %j share a fingerprint", (a, b) => {
    expect(textFingerprint(a)).toBe(textFingerprint(b));
  });

  test.each([
    [SPAM, "Subscribe to my newsletter for the fake story!"],
    ["great post", "great posts"],
    ["🔥", "🔥🔥"],
  ])("%j and %j differ", (a, b) => {
    expect(textFingerprint(a)).not.toBe(textFingerprint(b));
  });

  test("is stable across releases (the database stores it)", () => {
    expect(textFingerprint("Great post!!")).toBe("r1-73f32a142185487b");
  });
});

describe("repeat-text rule", () => {
  const defaults = parseModerationSettings({});

  test.each([
    ["first copy", SPAM, 0, null],
    ["second copy (default minimum 3)", SPAM, 1, null],
    ["third copy", SPAM, 2, "Same text posted 3 times within 24 h (limit 2)."],
    ["tenth copy", SPAM, 9, "Same text posted 10 times within 24 h (limit 2)."],
    ["a short text posted often", "Great post!", 9, null],
    ["an empty text posted often", "", 9, null],
  ])("%s", (_label, text, recentIdenticalCount, detail) => {
    const result = repeatTextRule(makeInput({ text, recentIdenticalCount }), defaults);
    expect(result?.detail ?? null).toBe(detail);
    if (result) expect(result).toMatchObject({ rule: "repeat-text", action: "hold", reason: "REPEAT_TEXT" });
  });

  test("a stricter publication catches the second copy of a short text", () => {
    const strict = parseModerationSettings({ repeatTextMinCount: 2, repeatTextMinLength: 0 });
    expect(repeatTextRule(makeInput({ text: "First!", recentIdenticalCount: 1 }), strict)?.action).toBe(
      "hold",
    );
  });

  test("a null minimum turns the rule off", () => {
    const off = parseModerationSettings({ repeatTextMinCount: null });
    expect(repeatTextRule(makeInput({ text: SPAM, recentIdenticalCount: 50 }), off)).toBeNull();
  });
});
