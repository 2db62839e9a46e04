import { describe, expect, test } from "vitest";
import { scoreComment } from "@/lib/scoring";

/** Signals of the cues found in `text`, with the text each one covers. */
function cueTexts(text: string, signal: string): string[] {
  return scoreComment(text)
    .cues.filter((c) => c.signal === signal)
    .map((c) => c.text.toLowerCase());
}

describe("each cue family is found, plurals and case included", () => {
  test.each([
    ["hedge", "Perhaps the envoy has a point, it seems the talks are moving.", "perhaps"],
    ["doubt", "I doubt the grain corridor will reopen before winter.", "i doubt"],
    ["doubt", "The ministry says the convoy left. We'll see.", "we'll see"],
    ["doubt", "A lasting deal by spring? I'll believe it when I see it.", "i'll believe it when"],
    ["absolute", "The alliance has always backed down and always will.", "always"],
    ["dismissive", "The summit was dead on arrival.", "dead on arrival"],
    ["dismissive", "It was a photo op, nothing more.", "photo op"],
    ["dismissive", "Renaming the mission is lipstick on a pig.", "lipstick on a pig"],
    [
      "sarcasm",
      "Oh great, another five-year plan. What could possibly go wrong?",
      "what could possibly go wrong",
    ],
    ["reasoning", "Prices rose because the port closed, therefore exports fell.", "because"],
    ["reasoning", "Given that the river froze early, the offensive stalled.", "given that"],
    ["insult", "The negotiators are idiots.", "idiots"],
    ["insult", "Only a useful idiot would repeat that.", "useful idiot"],
    ["insult", "Those MORONS in the cabinet again.", "morons"],
    ["profanity", "What a shitty deal for the farmers.", "shitty"],
    ["threat", "He should be shot for this.", "should be shot"],
    ["threat", "I know where you live.", "i know where you live"],
    ["dehumanizing", "They called the refugees vermin.", "vermin"],
    ["commenterAbuse", "Nobody asked you, go back to your handlers.", "nobody asked you"],
    ["identityGroup", "The refugees crossed the river at night.", "refugees"],
    ["agree", "I could not agree more with this.", "could not agree more"],
    ["agree", "Exactly, the port is the key.", "exactly"],
    ["disagree", "I disagree with the second point.", "i disagree"],
    ["disagree", "With respect, you're wrong about the dates.", "you're wrong"],
    ["thanks", "Thanks Mark, that was helpful.", "thanks"],
    ["thanks", "Thank you, that helped.", "thank you"],
    ["praise", "Great piece, very clear.", "great piece"],
    ["praise", "What an insightful essay.", "insightful"],
  ])("%s in %j", (signal, text, expected) => {
    expect(cueTexts(text, signal)).toContain(expected);
  });

  test("a phrase inside a longer phrase of the same family is not counted twice", () => {
    expect(cueTexts("I doubt it.", "doubt")).toEqual(["i doubt"]);
  });

  test("commas and quotes inside a phrase are skipped", () => {
    expect(cueTexts("Yeah, right. As if they'd sign.", "sarcasm")).toContain("yeah, right");
  });
});

describe("negated approval is not approval", () => {
  test.each([
    ["This is not good.", "praise"],
    ["I don't agree with the premise.", "agree"],
  ])("%j has no %s cue", (text, signal) => {
    expect(cueTexts(text, signal)).toEqual([]);
  });

  test("'no reason to doubt' is not doubt", () => {
    expect(cueTexts("There is no reason to doubt the figures.", "doubt")).toEqual([]);
  });
});
