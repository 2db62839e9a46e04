import { describe, expect, test } from "vitest";
import {
  isPostFlagReason,
  isRejectReason,
  POST_FLAG_REASON_LABELS,
  POST_FLAG_REASONS,
  QUEUE_ACTIONS,
  QUEUE_SHORTCUTS,
  queueActionForKey,
  REJECT_REASON_LABELS,
  REJECT_REASONS,
} from "@/lib/moderation";

describe("reason codes", () => {
  test.each(REJECT_REASONS.map((code) => [code]))("reject reason %s has a label", (code) => {
    expect(REJECT_REASON_LABELS[code]).toMatch(/\S/);
    expect(isRejectReason(code)).toBe(true);
  });

  test.each(POST_FLAG_REASONS.map((code) => [code]))("post-flag reason %s has a label", (code) => {
    expect(POST_FLAG_REASON_LABELS[code]).toMatch(/\S/);
    expect(isPostFlagReason(code)).toBe(true);
  });

  test.each(["", "offensive", "SPAMMY"])("%j is not a reject reason", (value) => {
    expect(isRejectReason(value)).toBe(false);
  });
});

describe("queue keyboard map", () => {
  test.each([
    ["j", "next"],
    ["k", "previous"],
    ["a", "approve"],
    ["r", "reject"],
    ["f", "flag"],
    ["n", "note"],
    ["x", "select"],
    ["u", "undo"],
    ["?", "help"],
    ["J", undefined],
    ["Enter", undefined],
  ])("%j → %s", (key, action) => {
    expect(queueActionForKey(key)).toBe(action);
  });

  test("every action has exactly one key and every key one action", () => {
    expect(new Set(QUEUE_SHORTCUTS.map((shortcut) => shortcut.key)).size).toBe(QUEUE_SHORTCUTS.length);
    expect(QUEUE_SHORTCUTS.map((shortcut) => shortcut.action).sort()).toEqual([...QUEUE_ACTIONS].sort());
    expect(QUEUE_SHORTCUTS.every((shortcut) => shortcut.description.length > 0)).toBe(true);
  });
});
