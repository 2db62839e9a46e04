import { describe, expect, test } from "vitest";
import { isCommentReason, isPostFlagReason } from "@/lib/moderation";

describe("reason codes", () => {
  test.each(["", "offensive", "SPAMMY", "HEATED_THREAD"])("%j is not a reject reason", (value) => {
    expect(isCommentReason(value)).toBe(false);
  });

  test.each(["", "heated_thread", "SPAM"])("%j is not a post-flag reason", (value) => {
    expect(isPostFlagReason(value)).toBe(false);
  });
});
