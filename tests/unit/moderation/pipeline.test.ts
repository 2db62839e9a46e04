import { describe, expect, test } from "vitest";
import {
  type ModerationDecision,
  moderateComment,
  parseModerationSettings,
  RULE_NAMES,
  type RuleName,
} from "@/lib/moderation";
import { type InputOverrides, makeInput, makeScore } from "./make-input";

const settings = parseModerationSettings({
  bannedWords: ["idiot*"],
  suspectWords: ["shill"],
  holdFirstComment: true,
});

function firedRules(decision: ModerationDecision): RuleName[] {
  return decision.fired.map((result) => result.rule);
}

describe("moderateComment", () => {
  test("a clean comment from a regular is published with nothing recorded", () => {
    expect(moderateComment(makeInput(), settings)).toEqual({
      status: "NONE",
      decidedBy: null,
      rejectReason: null,
      flags: [],
      fired: [],
    });
  });

  test("an empty comment is published", () => {
    expect(moderateComment(makeInput({ text: "", score: null }), settings).status).toBe("NONE");
  });

  test("a comment that only fires a flag is published with the flag", () => {
    const decision = moderateComment(makeInput({ text: "Such a shill." }), settings);
    expect(decision.status).toBe("NONE");
    expect(decision.decidedBy).toBeNull();
    expect(decision.flags).toEqual([
      expect.objectContaining({ rule: "suspect-words", matchedText: "shill" }),
    ]);
    expect(decision.fired).toEqual(decision.flags);
  });

  test.each<[string, InputOverrides, ModerationDecision["status"], RuleName | null, RuleName[]]>([
    [
      "reject beats hold and flag",
      { text: "You shill, you 1d1ot", priorCommentCount: 0, score: makeScore({ hostile: 0.95, flag: true }) },
      "REJECTED",
      "banned-words",
      ["banned-words", "hostility", "new-commenter", "suspect-words", "scorer-flag"],
    ],
    [
      "hold beats flag",
      { text: "Such a shill.", score: makeScore({ threat: 0.8, insult: 0.7 }) },
      "SYSTEM_WITHHELD",
      "threat",
      ["threat", "hostility", "suspect-words"],
    ],
    [
      "the first hold in pipeline order decides among holds",
      { status: "PREMOD", priorCommentCount: 0, score: makeScore({ hostile: 0.9 }) },
      "SYSTEM_WITHHELD",
      "commenter-status",
      ["commenter-status", "hostility", "new-commenter"],
    ],
    [
      "a later reject outranks an earlier hold",
      { status: "PREMOD", text: "idiots" },
      "REJECTED",
      "banned-words",
      ["commenter-status", "banned-words"],
    ],
    [
      "a watched commenter's clean comment is only flagged",
      { status: "WATCHED" },
      "NONE",
      null,
      ["commenter-status"],
    ],
    [
      "a banned commenter is rejected even for a clean comment",
      { status: "BANNED" },
      "REJECTED",
      "commenter-status",
      ["commenter-status"],
    ],
  ])("%s", (_label, overrides, status, decidedBy, fired) => {
    const decision = moderateComment(makeInput(overrides), settings);
    expect(decision.status).toBe(status);
    expect(decision.decidedBy?.rule ?? null).toBe(decidedBy);
    expect(firedRules(decision)).toEqual(fired);
    expect(decision.flags.every((result) => result.action === "flag")).toBe(true);
  });

  test("records the matched text exactly as written", () => {
    const decision = moderateComment(
      makeInput({ text: "Ｙｏｕ ＩＤＩＯＴＳ… and I.D.I.O.T again" }),
      settings,
    );
    expect(decision.decidedBy?.matchedText).toBe("ＩＤＩＯＴＳ");
  });

  test.each([
    ["banned word", { text: "idiot" }, "OFFENSIVE"],
    ["banned commenter", { status: "BANNED" as const }, "OTHER"],
  ])("a rejection by %s carries a reject reason", (_label, overrides, reason) => {
    expect(moderateComment(makeInput(overrides), settings).rejectReason).toBe(reason);
  });

  test("holds and publications carry no reject reason", () => {
    expect(moderateComment(makeInput({ status: "PREMOD" }), settings).rejectReason).toBeNull();
  });

  test("disabled rules never fire", () => {
    const relaxed = parseModerationSettings({ bannedWords: ["idiot*"], disabledRules: ["banned-words"] });
    const decision = moderateComment(makeInput({ text: "idiot" }), relaxed);
    expect(decision.status).toBe("NONE");
    expect(decision.fired).toEqual([]);
  });

  test("an edited word list applies from the next call (re-running over old comments)", () => {
    const comment = makeInput({ text: "what a muppet" });
    expect(moderateComment(comment, settings).status).toBe("NONE");
    const edited = parseModerationSettings({ ...settings, bannedWords: [...settings.bannedWords, "muppet"] });
    expect(moderateComment(comment, edited).status).toBe("REJECTED");
    expect(moderateComment(comment, settings).status).toBe("NONE");
  });

  test("fired results follow RULE_NAMES order", () => {
    const everything = makeInput({
      status: "WATCHED",
      text: `idiot shill a.com b.com c.com ${"x".repeat(30)}`,
      priorCommentCount: 0,
      recentIdenticalCount: 5,
      score: makeScore({ hostile: 1, threat: 1, flag: true }),
    });
    const rules = firedRules(moderateComment(everything, settings));
    expect(rules).toEqual([...RULE_NAMES]);
  });
});
