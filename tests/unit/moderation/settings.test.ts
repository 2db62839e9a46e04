import { describe, expect, test } from "vitest";
import { ZodError } from "zod";
import { DEFAULT_MODERATION_SETTINGS, parseModerationSettings } from "@/lib/moderation";

describe("parseModerationSettings", () => {
  test.each([
    ["null", null],
    ["undefined", undefined],
    ["an empty object", {}],
  ])("%s gives the defaults", (_label, json) => {
    expect(parseModerationSettings(json)).toEqual(DEFAULT_MODERATION_SETTINGS);
  });

  test("the defaults are sensible and hold rather than reject", () => {
    expect(DEFAULT_MODERATION_SETTINGS).toEqual({
      bannedWords: [],
      suspectWords: [],
      hostilityHoldThreshold: 0.8,
      identityAttackHoldThreshold: 0.7,
      insultFlagThreshold: 0.6,
      threatHoldThreshold: 0.5,
      maxLinks: 2,
      holdFirstComment: false,
      newCommenterCommentCount: 1,
      repeatTextMinCount: 3,
      repeatTextWindowHours: 24,
      repeatTextMinLength: 20,
      disabledRules: [],
    });
    expect(Object.isFrozen(DEFAULT_MODERATION_SETTINGS)).toBe(true);
  });

  test("fills missing fields around the ones given", () => {
    const settings = parseModerationSettings({ maxLinks: 0, holdFirstComment: true });
    expect(settings.maxLinks).toBe(0);
    expect(settings.holdFirstComment).toBe(true);
    expect(settings.hostilityHoldThreshold).toBe(0.8);
    expect(settings.bannedWords).toEqual([]);
  });

  test("null turns a threshold or limit off", () => {
    const settings = parseModerationSettings({
      threatHoldThreshold: null,
      maxLinks: null,
      repeatTextMinCount: null,
    });
    expect(settings.threatHoldThreshold).toBeNull();
    expect(settings.maxLinks).toBeNull();
    expect(settings.repeatTextMinCount).toBeNull();
  });

  test("word lists are trimmed, blank entries dropped and case-insensitive duplicates removed", () => {
    const settings = parseModerationSettings({
      bannedWords: ["  idiot* ", "", "   ", "Idiot*", "go   back  to", "Crétin"],
    });
    expect(settings.bannedWords).toEqual(["idiot*", "go back to", "Crétin"]);
  });

  test("unknown keys are dropped, so older rows with retired settings still parse", () => {
    expect(parseModerationSettings({ legacyToggle: true })).toEqual(DEFAULT_MODERATION_SETTINGS);
  });

  test.each([
    ["a threshold above 1", { hostilityHoldThreshold: 1.5 }],
    ["a negative threshold", { threatHoldThreshold: -0.1 }],
    ["a fractional link limit", { maxLinks: 1.5 }],
    ["a negative link limit", { maxLinks: -1 }],
    ["a word list that is not a list", { bannedWords: "idiot" }],
    ["a word that is not a string", { suspectWords: [42] }],
    ["a repeat count below 2", { repeatTextMinCount: 1 }],
    ["a zero repeat window", { repeatTextWindowHours: 0 }],
    ["a fractional repeat window", { repeatTextWindowHours: 1.5 }],
    ["an unknown rule name", { disabledRules: ["no-such-rule"] }],
    ["a non-object", "bannedWords=idiot"],
    ["an array", []],
  ])("throws on %s rather than silently using defaults", (_label, json) => {
    expect(() => parseModerationSettings(json)).toThrow(ZodError);
  });
});
