import { describe, expect, test } from "vitest";
import { scoreComment } from "@/lib/scoring";

const sentiment = (text: string) => scoreComment(text).sentiment;

describe("negation", () => {
  test.each([
    ["The deal is good.", 1],
    ["The deal is not good.", -1],
    ["The deal is never good for farmers.", -1],
    ["Nothing good will come of it.", -1],
    ["There was no good option left.", -1],
    ["I have never been better.", 1],
    ["There is no reason to doubt the count.", 1],
    ["Not bad at all.", 1],
    ["The plan is not bad.", 1],
    ["It is good, but not great.", 1],
  ])("%j has score sign %i", (text, sign) => {
    expect(Math.sign(sentiment(text).score)).toBe(sign);
  });

  test("negation reaches past one word", () => {
    expect(sentiment("It is not a very good plan.").score).toBeLessThan(0);
  });

  test("negation stops at the end of the sentence", () => {
    expect(sentiment("I am not sure. The plan is good.").score).toBeGreaterThan(0);
  });

  test("'let alone' carries the negation into its clause", () => {
    const plain = sentiment("They cannot manage a truce, or a lasting peace.").score;
    const letAlone = sentiment("They cannot manage a truce, let alone a lasting peace.").score;
    expect(letAlone).toBeLessThan(0);
    expect(letAlone).toBeLessThan(plain);
  });
});

describe("corrections to the word list", () => {
  test.each([
    ["They are idiots.", "idiot"],
    ["Those clowns again.", "clown"],
  ])("the plural in %j scores like %s", (plural, singular) => {
    expect(sentiment(plural).score).toBeLessThan(0);
    expect(sentiment(`They are an ${singular}.`).score).toBeLessThan(0);
  });

  test("'like' as a preposition carries no sentiment", () => {
    expect(sentiment("It looks like rain over the harbour.").score).toBe(0);
  });

  test.each([
    ["👍👍", 1],
    ["🙏", 1],
    ["🤡", -1],
    ["🙄", -1],
    ["Another summit 🙄", -1],
  ])("emoji %j has sign %i", (text, sign) => {
    expect(Math.sign(sentiment(text).score)).toBe(sign);
  });

  test("comparative is the score per scored token", () => {
    const s = sentiment("Great piece.");
    expect(s.comparative).toBeCloseTo(s.score / 2, 2);
  });
});
