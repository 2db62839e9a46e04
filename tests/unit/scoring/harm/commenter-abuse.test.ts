import { describe, expect, test } from "vitest";
import { detectCommenterAbuse } from "@/lib/scoring/harm/commenter-abuse";
import { HARM_THRESHOLDS } from "@/lib/scoring/harm/thresholds";
import { FLAG, REPLY_INDICATOR, signalOf, type Where } from "./support";

const T = HARM_THRESHOLDS.commenterAbuse;
const WHERE: readonly Where[] = ["reply", "top-level", "unknown"];

describe("detectCommenterAbuse flags abuse of the person addressed", () => {
  test.each([
    ["an insult after 'you'", "You are a clueless idiot if you believe the ministry's numbers."],
    ["'your a' written for 'you're a'", "Honestly, your a troll and everyone here can see it."],
    ["an insult just before 'like you'", "Only a fool like you would quote that poll."],
    ["'you people' with contempt", "You people never read past the headline, pathetic."],
    ["'you lot' likened to a group", "You're all starting to sound like the Russians."],
    ["contempt after 'you' in a reply", "You are pathetic."],
    ["a belittling phrase in a reply", "Nobody asked you."],
    ["a belittling phrase opening a reply", "Shut up and read the treaty."],
  ])("%s: %j", (_, text) => {
    expect(signalOf(detectCommenterAbuse, text, "reply")).toBeGreaterThanOrEqual(FLAG);
  });
});

describe("detectCommenterAbuse does not flag near misses", () => {
  test.each<[string, string, Where]>([
    ["an insult of a public figure", "The minister is a buffoon and a coward.", "top-level"],
    [
      "agreeing with someone about a public figure",
      "Thanks, you are right, the finance minister is an idiot.",
      "reply",
    ],
    ["a public figure told to shut up", "Macron should shut up about pensions.", "top-level"],
    [
      "a belittling phrase about a public figure in a reply",
      "The little man in the Kremlin will not blink first.",
      "reply",
    ],
    [
      "a belittling phrase inside a top-level sentence",
      "Honestly, everyone should shut up and read the treaty.",
      "top-level",
    ],
    [
      "an insult of an argument, not the person",
      "Your argument is stupid, but I see where it comes from.",
      "top-level",
    ],
  ])("%s: %j (%s)", (_, text, where) => {
    expect(signalOf(detectCommenterAbuse, text, where)).toBeLessThan(FLAG);
  });
});

describe("a reply raises abuse aimed at 'you'; a top-level comment often addresses a public figure", () => {
  test.each<[string, string, (where: Where) => number]>([
    [
      "an insult after 'you'",
      "You are a clueless idiot if you believe the ministry's numbers.",
      (where) => T.insultAtYou + T.replyBonus * REPLY_INDICATOR[where],
    ],
    [
      "contempt after 'you'",
      "You are pathetic.",
      (where) => T.contemptAtYou + T.replyBonus * REPLY_INDICATOR[where],
    ],
    [
      "a belittling phrase",
      "Nobody asked you.",
      (where) =>
        where === "top-level" ? T.belittlingTopLevel : T.belittling + T.replyBonus * REPLY_INDICATOR[where],
    ],
    [
      "a belittling phrase without 'you'",
      "Shut up and read the treaty.",
      (where) => (where === "reply" ? T.belittling + T.replyBonus : 0),
    ],
  ])("%s: %j", (_, text, level) => {
    for (const where of WHERE) expect(signalOf(detectCommenterAbuse, text, where), where).toBe(level(where));
  });

  test("an insult after 'you' flags even top level; contempt and belittling only in a reply", () => {
    expect(
      signalOf(detectCommenterAbuse, "You are a clueless idiot, frankly.", "top-level"),
    ).toBeGreaterThanOrEqual(FLAG);
    expect(signalOf(detectCommenterAbuse, "You are pathetic.", "top-level")).toBeLessThan(FLAG);
    expect(signalOf(detectCommenterAbuse, "Nobody asked you.", "top-level")).toBeLessThan(FLAG);
  });

  test("a reply opening at 'you' aims an insult later in the comment at that person", () => {
    const text = "You again. Only an idiot would still quote that poll.";
    expect(signalOf(detectCommenterAbuse, text, "reply")).toBe(T.replyOpeningAtYou);
    expect(signalOf(detectCommenterAbuse, text, "top-level")).toBeLessThan(FLAG);
  });
});
