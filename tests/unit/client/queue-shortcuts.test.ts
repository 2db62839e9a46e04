import { describe, expect, test } from "vitest";
import { QUEUE_ACTIONS, QUEUE_SHORTCUTS, queueActionForKey } from "@/app/_components/queue-shortcuts";

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
  });
});
