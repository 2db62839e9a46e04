import { describe, expect, test } from "vitest";
import { detectSpam } from "@/lib/scoring/harm/spam";
import { HARM_THRESHOLDS } from "@/lib/scoring/harm/thresholds";
import { FLAG, signalOf } from "./support";

const T = HARM_THRESHOLDS.spam;
const saturate = (x: number) => 1 - Math.exp(-x);

describe("detectSpam", () => {
  test.each([
    [
      "advertising cues with a link",
      "Make money from home with my proven method, click here https://deals.example.test/join",
    ],
    ["an earnings claim with a call to message", "I made $600 a day last month, message me for the secret."],
    ["a cue with a bare web address", "Check out my channel, link in bio: mychannel.shop/free"],
  ])("flags %s: %j", (_, text) => {
    expect(signalOf(detectSpam, text)).toBeGreaterThanOrEqual(FLAG);
  });

  test.each([
    [
      "a source link in an argument",
      "The treaty text is at https://archive.example.org/treaty if anyone wants it.",
    ],
    ["a sum of money that is not an earnings claim", "The grain deal is worth $400 million a year to Kyiv."],
    [
      "several sources, no advertising",
      "Sources: https://a.example.org/1 https://b.example.org/2 https://c.example.org/3",
    ],
    ["one advertising cue without a link", "Subscribe to my newsletter if you liked this thread."],
    ["a web address in passing, no cue", "I read it on example.com last week and it was wrong."],
  ])("does not flag %s: %j", (_, text) => {
    expect(signalOf(detectSpam, text)).toBeLessThan(FLAG);
  });

  test("more advertising raises the signal", () => {
    const one = signalOf(detectSpam, "Subscribe to my newsletter if you liked this thread.");
    const more = signalOf(
      detectSpam,
      "Subscribe to my newsletter, use code SAVE20, passive income guaranteed.",
    );
    expect(one).toBeGreaterThan(0);
    expect(more).toBeGreaterThan(one);
  });

  test.each([
    ["two links and nothing else", "Compare https://a.example.org/1 with https://b.example.org/2 please.", 0],
    [
      "many links and nothing else",
      "Compare https://a.example.org/1, https://b.example.org/2 and https://c.example.org/3 please.",
      saturate(T.manyLinksWeight),
    ],
  ])("%s: %j", (_, text, level) => {
    expect(signalOf(detectSpam, text)).toBeCloseTo(level, 12);
  });
});
