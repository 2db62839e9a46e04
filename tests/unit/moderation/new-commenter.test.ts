import { describe, expect, test } from "vitest";
import { parseModerationSettings } from "@/lib/moderation";
import { newCommenterRule } from "@/lib/moderation/rules/new-commenter";
import { makeInput } from "./make-input";

describe("new-commenter rule", () => {
  const holdFirst = parseModerationSettings({ holdFirstComment: true });
  const holdFirstThree = parseModerationSettings({ holdFirstComment: true, newCommenterCommentCount: 3 });

  test.each([
    ["first comment, holding the first", holdFirst, 0, "First comment from this commenter."],
    ["second comment, holding the first", holdFirst, 1, null],
    [
      "second comment, holding three",
      holdFirstThree,
      1,
      "Commenter has 1 earlier comment; the first 3 are held.",
    ],
    [
      "third comment, holding three",
      holdFirstThree,
      2,
      "Commenter has 2 earlier comments; the first 3 are held.",
    ],
    ["fourth comment, holding three", holdFirstThree, 3, null],
    ["first comment, rule off (default)", parseModerationSettings({}), 0, null],
  ])("%s", (_label, settings, priorCommentCount, detail) => {
    const result = newCommenterRule(makeInput({ priorCommentCount }), settings);
    expect(result?.detail ?? null).toBe(detail);
    if (result)
      expect(result).toMatchObject({ rule: "new-commenter", action: "hold", reason: "NEW_COMMENTER" });
  });
});
