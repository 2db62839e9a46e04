import { describe, expect, test } from "vitest";
import { type QueuePriorityInput, queuePriority } from "@/lib/moderation";

const calm: QueuePriorityInput = {
  hostile: 0,
  threat: 0,
  insult: 0,
  identityAttack: 0,
  scorerFlag: false,
  reactionCount: 0,
  commenterRejectedCount: 0,
  commenterStatus: "ACTIVE",
  ageHours: 0,
};

function priority(overrides: Partial<QueuePriorityInput>): number {
  return queuePriority({ ...calm, ...overrides });
}

describe("queuePriority", () => {
  test("a calm, fresh, unseen comment from a clean record scores 0", () => {
    expect(priority({})).toBe(0);
  });

  test.each<[string, Partial<QueuePriorityInput>, Partial<QueuePriorityInput>]>([
    ["a threat outranks equal hostility", { threat: 0.6 }, { hostile: 0.6 }],
    ["moderate hostility outranks a viral calm comment", { hostile: 0.5 }, { reactionCount: 10_000 }],
    ["a flag outranks a long rejection history", { scorerFlag: true }, { commenterRejectedCount: 4 }],
    [
      "more reactions first among equals",
      { hostile: 0.5, reactionCount: 20 },
      { hostile: 0.5, reactionCount: 2 },
    ],
    ["a repeat offender first among equals", { insult: 0.7, commenterRejectedCount: 3 }, { insult: 0.7 }],
    ["a watched commenter first among equals", { commenterStatus: "WATCHED" }, { commenterStatus: "ACTIVE" }],
    ["older first among equals", { hostile: 0.9, ageHours: 30 }, { hostile: 0.9, ageHours: 2 }],
    ["age never beats a signal difference", { hostile: 0.6 }, { hostile: 0.55, ageHours: 1_000 }],
  ])("%s", (_label, higher, lower) => {
    expect(priority(higher)).toBeGreaterThan(priority(lower));
  });

  test.each<[string, Partial<QueuePriorityInput>, Partial<QueuePriorityInput>]>([
    ["signals above 1 are clamped", { hostile: 7 }, { hostile: 1 }],
    ["negative and NaN inputs count as 0", { hostile: -1, reactionCount: Number.NaN, ageHours: -5 }, {}],
    ["reactions saturate", { reactionCount: 1_000_000 }, { reactionCount: 100 }],
    ["age saturates after three days", { ageHours: 500 }, { ageHours: 72 }],
    ["rejections saturate at five", { commenterRejectedCount: 50 }, { commenterRejectedCount: 5 }],
  ])("%s", (_label, a, b) => {
    expect(priority(a)).toBe(priority(b));
  });
});
