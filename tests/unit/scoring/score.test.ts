import { describe, expect, test } from "vitest";
import {
  createScorer,
  SCORER_VERSION,
  type Score,
  SENTIMENT_LABELS,
  STANCES,
  scoreComment,
  TONES,
} from "@/lib/scoring";
import { FEATURE_NAMES, FLAG_FEATURE_NAMES } from "@/lib/scoring/features";
import type { HeadWeights, ModelFile } from "@/lib/scoring/model";
import { ENCODER_FILE } from "@/lib/scoring/shipped-model";

const SAMPLES = [
  "",
  "😂😂😂",
  "https://example.org/report",
  "Thanks Mark, great piece!",
  "You are an idiot and everyone in this thread knows it.",
  "<p>Great &amp; thoughtful piece, don&#39;t stop!</p>",
  "Der Waffenstillstand wird nicht lange halten, und die Verhandlungen sind schon gescheitert.",
  "I doubt the ceasefire holds; we'll see by spring.",
  "Oh great, another summit. What could possibly go wrong? 🙄",
  "The port closed in March because insurers priced war risk at three percent, therefore exports fell.",
];

function expectWellFormed(text: string, score: Score): void {
  expect(TONES).toContain(score.tone);
  expect(STANCES).toContain(score.stance);
  for (const t of TONES) {
    expect(score.toneScores[t]).toBeGreaterThanOrEqual(0);
    expect(score.toneScores[t]).toBeLessThanOrEqual(1);
  }
  expect(score.stanceConfidence).toBeGreaterThanOrEqual(0);
  expect(score.stanceConfidence).toBeLessThanOrEqual(1);
  for (const v of Object.values(score.signals)) {
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(1);
  }
  for (const cue of score.cues) expect(text.slice(cue.start, cue.end)).toBe(cue.text);
  // A flag may come from the flag head with no detector strong enough to name; reasons never come alone.
  if (score.flagReasons.length > 0) expect(score.flag).toBe(true);
  expect(score.flagProbability).toBeGreaterThanOrEqual(0);
  expect(score.flagProbability).toBeLessThanOrEqual(1);
  expect(score.scorerVersion).toBe(SCORER_VERSION);
}

describe("every score is well formed", () => {
  test.each(SAMPLES.map((s) => [s]))("%j", (text) => {
    expectWellFormed(text, scoreComment(text));
  });

  test("deterministic: the same input gives the same output", () => {
    for (const text of SAMPLES) {
      expect(scoreComment(text, { postTitle: "A peace plan", isReply: true })).toEqual(
        scoreComment(text, { postTitle: "A peace plan", isReply: true }),
      );
    }
  });

  test("scoring another comment in between does not change a result", () => {
    const first = scoreComment(SAMPLES[4] as string);
    scoreComment("x".repeat(5000));
    expect(scoreComment(SAMPLES[4] as string)).toEqual(first);
  });
});

describe("edge cases", () => {
  test.each([
    ["empty", ""],
    ["whitespace", "   \n\t "],
    ["only a URL", "https://example.org/a?b=c"],
  ])("%s: neutral, low confidence", (_, text) => {
    const s = scoreComment(text);
    expect(s.tone).toBe("neutral");
    expect(s.stance).toBe("neutral");
    expect(s.sentiment.label).toBe("neutral");
    expect(s.toneScores.neutral).toBeLessThan(0.5);
    expect(s.flag).toBe(false);
  });

  test("only emoji: neutral tone, sentiment from the emoji", () => {
    const s = scoreComment("👍👍🙏");
    expect(s.tone).toBe("neutral");
    expect(s.sentiment.label).toBe("positive");
    expect(s.cues.every((c) => c.text.length > 0)).toBe(true);
  });

  test("non-English text is neutral with low confidence and does not crash", () => {
    const s = scoreComment(
      "Der Waffenstillstand wird nicht lange halten, und die Verhandlungen sind schon gescheitert.",
    );
    expect(s.tone).toBe("neutral");
    expect(s.stance).toBe("neutral");
    expect(s.sentiment.label).toBe("neutral");
    expect(s.stanceConfidence).toBeLessThan(0.5);
  });

  test("non-Latin script does not crash", () => {
    const text = "Переговоры снова отложены 😂 — 和平谈判 نعم";
    expectWellFormed(text, scoreComment(text));
  });

  test("100 KB of text is scored quickly with bounded cues", () => {
    const text = "The envoy is an idiot, I doubt the deal holds because the port is closed. ".repeat(1400);
    expect(text.length).toBeGreaterThan(100_000);
    const started = performance.now();
    const s = scoreComment(text);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(s.cues.length).toBeLessThanOrEqual(100);
    expectWellFormed(text, s);
  });

  test("HTML tags and entities: cue offsets still point into the original text", () => {
    const text = "<p>Great &amp; <b>thoughtful</b> piece, don&#39;t stop!</p><br/>Thanks &mdash; Ann";
    const s = scoreComment(text);
    const signals = s.cues.map((c) => `${c.signal}:${c.text}`);
    expect(signals).toContain("praise:Great");
    expect(signals).toContain("praise:thoughtful");
    expect(signals).toContain("thanks:Thanks");
    expect(signals.some((x) => x.includes("<"))).toBe(false);
    expectWellFormed(text, s);
  });

  test("an entity apostrophe joins the word it sits in", () => {
    const s = scoreComment("I don&#39;t agree with the premise.");
    expect(s.cues.map((c) => c.text)).toContain("I don&#39;t agree");
  });
});

describe("tone on clear cases", () => {
  test.each([
    ["Thank you, Mark. A brilliant and generous piece, as always.", "supportive"],
    ["You are a brainless idiot and a liar, and everyone here can see it.", "hostile"],
  ])("%j is %s", (text, tone) => {
    expect(scoreComment(text).tone).toBe(tone);
  });

  test.each([
    "Oh great, another summit. What could possibly go wrong? 🙄",
    "Yeah right, because the last ten peace plans worked out so well.",
    "Sure, the generals will hand back the land out of kindness. Surprise, surprise.",
  ])("sarcasm %j is not read as supportive or positive", (text) => {
    const s = scoreComment(text);
    expect(s.tone).not.toBe("supportive");
    expect(s.sentiment.label).not.toBe("positive");
    expect(s.cues.some((c) => c.signal === "sarcasm" || c.signal === "dismissive")).toBe(true);
  });

  test("a secondary tone, when given, differs from the primary", () => {
    for (const text of SAMPLES) {
      const s = scoreComment(text);
      if (s.secondaryTone !== null) expect(s.secondaryTone).not.toBe(s.tone);
    }
  });
});

describe("moderation signals and flag rule", () => {
  test.each([
    ["You are a pathetic idiot.", true, "personal-abuse"],
    ["He should be shot for what he did.", true, "threat"],
    ["Those people are vermin.", true, "identity-attack"],
    ["Refugees are parasites.", true, "identity-attack"],
    ["Click here to buy now: https://spam.example/x", true, "spam"],
    ["The senator is an idiot and a coward.", false, null],
    ["The senate voted on the budget today.", false, null],
  ])("%j flag=%s", (text, flag, reason) => {
    const s = scoreComment(text, { isReply: true });
    expect(s.flag).toBe(flag);
    if (reason !== null) expect(s.flagReasons).toContain(reason);
  });

  test("abuse of a public figure raises insult but does not flag", () => {
    const s = scoreComment("The minister is a senile fool and a liar.");
    expect(s.signals.insult).toBeGreaterThan(0.5);
    expect(s.flag).toBe(false);
  });

  test.each([
    ["What a damn mess.", "profanity"],
    ["They are idiots.", "insult"],
    ["Hope they die in a fire.", "threat"],
    ["Those people are vermin.", "identityAttack"],
  ] as const)("%j raises %s", (text, signal) => {
    expect(scoreComment(text).signals[signal]).toBeGreaterThan(0.3);
  });
});

describe("version", () => {
  test("SCORER_VERSION is a code version plus a data hash", () => {
    expect(SCORER_VERSION).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{10}$/);
  });
});

describe("shipped weights", () => {
  test("the encoder refiner was trained on the shipped fast scorer (else it stays off: run scoring:train)", () => {
    expect(ENCODER_FILE.fastScorerVersion).toBe(SCORER_VERSION);
  });
});

/** A weights file whose heads ignore the text: every probability is set by the biases alone. */
function constantModel(flagProbability: number, flagThreshold: number): ModelFile {
  const head = (
    classes: readonly string[],
    featureNames: readonly string[],
    bias: number[],
  ): HeadWeights => ({
    classes: [...classes],
    featureNames: [...featureNames],
    mean: featureNames.map(() => 0),
    scale: featureNames.map(() => 1),
    bias,
    weights: classes.map(() => featureNames.map(() => 0)),
    gramWeights: classes.map(() => []),
    temperature: 1,
    settings: {},
  });
  const logit = Math.log(flagProbability / (1 - flagProbability));
  return {
    format: 2,
    vocabulary: [],
    heads: {
      tone: head(TONES, FEATURE_NAMES, [2, 0, 0, 0, 0, 0]),
      stance: head(STANCES, FEATURE_NAMES, [0, 0, 1]),
      sentiment: head(SENTIMENT_LABELS, FEATURE_NAMES, [0, 1, 0]),
      flag: head(["flag", "ok"], FLAG_FEATURE_NAMES, [logit, 0]),
    },
    flagThreshold,
    training: {},
  };
}

describe("the flag decision", () => {
  const text = "The tariff schedule changed twice in March, and the second change reversed the first.";

  test("flags when the flag head's probability reaches the threshold, and only then", () => {
    expect(createScorer(constantModel(0.7, 0.6))(text).flag).toBe(true);
    expect(createScorer(constantModel(0.7, 0.8))(text).flag).toBe(false);
    expect(createScorer(constantModel(0.7, 0.8))(text).flagProbability).toBeCloseTo(0.7, 3);
  });

  test("spam and doxxing formats flag whatever the head says, and name their ground", () => {
    const spam = createScorer(constantModel(0.01, 0.5))(
      "Make money from home, click here https://example.test/offer",
    );
    expect(spam.flag).toBe(true);
    expect(spam.flagReasons).toContain("spam");
  });

  test("a flag names the detectors that found a ground, strongest first", () => {
    const s = createScorer(constantModel(0.9, 0.5))("You are a clueless moron and always have been.", {
      isReply: true,
    });
    expect(s.flag).toBe(true);
    expect(s.flagReasons[0]).toBe("personal-abuse");
  });

  test("labels come from the heads: the biases pick analytical, neutral stance, negative sentiment", () => {
    const s = createScorer(constantModel(0.1, 0.5))(text);
    expect([s.tone, s.stance, s.sentiment.label]).toEqual(["analytical", "neutral", "negative"]);
    expect(s.sentiment.confidence).toBeGreaterThan(0.5);
  });
});
