import { describe, expect, test } from "vitest";
import { type CommenterStatus, parseModerationSettings } from "@/lib/moderation";
import { commenterStatusRule } from "@/lib/moderation/rules/commenter-status";
import { makeInput } from "./make-input";

describe("commenter-status rule", () => {
  const defaults = parseModerationSettings({});

  test.each<[CommenterStatus, "reject" | "hold" | "flag" | null]>([
    ["ACTIVE", null],
    ["WATCHED", "flag"],
    ["PREMOD", "hold"],
    ["SUSPENDED", "reject"],
    ["BANNED", "reject"],
  ])("%s → %s", (status, action) => {
    const result = commenterStatusRule(makeInput({ status }), defaults);
    expect(result?.action ?? null).toBe(action);
    if (result) expect(result).toMatchObject({ rule: "commenter-status", reason: "COMMENTER_STATUS" });
  });

  test("applies whatever the text says", () => {
    expect(commenterStatusRule(makeInput({ status: "BANNED", text: "" }), defaults)?.detail).toBe(
      "Commenter is banned.",
    );
  });
});
