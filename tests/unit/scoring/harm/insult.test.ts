import { describe, expect, test } from "vitest";
import { detectInsult, detectProfanity } from "@/lib/scoring/harm/insult";
import { HARM_THRESHOLDS } from "@/lib/scoring/harm/thresholds";
import { signalOf } from "./support";

const T = HARM_THRESHOLDS.insult;
const saturate = (x: number) => 1 - Math.exp(-x);

describe("detectInsult: how much abuse a comment carries, whoever it is aimed at", () => {
  test.each([
    ["one insult", "The minister is a buffoon.", saturate(T.insultWeight)],
    ["three insults", "The minister is a buffoon, a coward and a fraud.", saturate(3 * T.insultWeight)],
    [
      "contempt weighs less than an insult",
      "The minister's speech was pathetic.",
      saturate(T.contemptWeight),
    ],
    ["a slur weighs most", "Typical zio nonsense from the embassy.", saturate(T.slurWeight)],
    ["an insult quoted to be discussed", 'He called the minister a "buffoon", which was unfair.', 0],
    ["an insult word naming a thing", "The troll farms were busy during the election.", 0],
    ["civil criticism", "The report is thorough but its numbers are out of date.", 0],
  ])("%s: %j", (_, text, level) => {
    expect(signalOf(detectInsult, text)).toBeCloseTo(level, 12);
  });

  test("insulting a public figure is an insult signal however it is posted", () => {
    const text = "The minister is a buffoon.";
    expect(signalOf(detectInsult, text, "reply")).toBe(signalOf(detectInsult, text, "top-level"));
  });
});

describe("detectProfanity", () => {
  test.each([
    ["one swear word", "What a damn mess.", saturate(T.profanityWeight)],
    ["three swear words", "What a fucking damn mess this shit is.", saturate(3 * T.profanityWeight)],
    ["no swear word", "Nobody in this thread swore once.", 0],
  ])("%s: %j", (_, text, level) => {
    expect(signalOf(detectProfanity, text)).toBeCloseTo(level, 12);
  });
});
