import { describe, expect, test } from "vitest";
import { explainLabel, explanationLine, type LabelExplanationInput } from "@/lib/analytics/label-explanation";
import type { Tone } from "@/lib/scoring/types";

/** Probabilities with `top` for the first tone named and `second` for the second, the rest shared. */
function scores(first: Tone, top: number, secondTone: Tone, second: number): Record<Tone, number> {
  const rest = (1 - top - second) / 4;
  const out = {
    analytical: rest,
    skeptical: rest,
    dismissive: rest,
    supportive: rest,
    hostile: rest,
    neutral: rest,
  };
  out[first] = top;
  out[secondTone] = second;
  return out;
}

const base: LabelExplanationInput = {
  tone: "skeptical",
  stance: "disagree",
  corrected: false,
  toneScores: scores("skeptical", 0.6, "analytical", 0.2),
  secondaryTone: null,
  cues: [],
};

const cue = (text: string, signal: string) => ({ text, signal });

describe("explainLabel", () => {
  test.each<[string, Partial<LabelExplanationInput>, Omit<ReturnType<typeof explainLabel>, "probability">]>([
    [
      "a confident label with the words behind it",
      {
        cues: [
          cue("I doubt", "doubt"),
          cue("we'll see", "doubt"),
          cue("sanctions", "negative"),
          cue("I disagree", "disagree"),
        ],
      },
      {
        tone: "skeptical",
        support: ["I doubt", "we'll see"],
        stanceSupport: ["I disagree"],
        contrary: null,
        runnerUp: null,
        reasons: [],
      },
    ],
    [
      // The example: "Moron" highlighted as an insult under a neutral label.
      "an insult under a neutral label makes the label uncertain",
      {
        tone: "neutral",
        stance: "neutral",
        toneScores: scores("neutral", 0.55, "hostile", 0.3),
        cues: [cue("Moron", "insult")],
      },
      {
        tone: "neutral",
        support: [],
        stanceSupport: [],
        contrary: { tone: "hostile", phrases: ["Moron"] },
        runnerUp: null,
        reasons: ["evidence-disagrees"],
      },
    ],
    [
      "sentiment words and context are not evidence for or against a tone",
      {
        cues: [cue("approved", "positive"), cue("blockade", "negative"), cue("Ukrainians", "identityGroup")],
      },
      { tone: "skeptical", support: [], stanceSupport: [], contrary: null, runnerUp: null, reasons: [] },
    ],
    [
      "a reasoned comment with one jab stays analytical: any supporting cue backs the label",
      {
        tone: "analytical",
        toneScores: scores("analytical", 0.5, "hostile", 0.2),
        cues: [cue("because", "reasoning"), cue("idiots", "insult"), cue("fools", "insult")],
      },
      {
        tone: "analytical",
        support: ["because"],
        stanceSupport: [],
        contrary: null,
        runnerUp: null,
        reasons: [],
      },
    ],
    [
      "evidence for the secondary tone is not a disagreement",
      {
        tone: "analytical",
        secondaryTone: "hostile",
        toneScores: scores("analytical", 0.5, "hostile", 0.3),
        cues: [cue("idiots", "insult")],
      },
      { tone: "analytical", support: [], stanceSupport: [], contrary: null, runnerUp: null, reasons: [] },
    ],
    [
      "the most-cited contrary tone wins; repeated phrases are quoted once",
      {
        tone: "supportive",
        toneScores: scores("supportive", 0.5, "skeptical", 0.2),
        cues: [
          cue("maybe", "hedge"),
          cue("nonsense", "dismissive"),
          cue("Maybe", "hedge"),
          cue("I doubt", "doubt"),
        ],
      },
      {
        tone: "supportive",
        support: [],
        stanceSupport: [],
        contrary: { tone: "skeptical", phrases: ["maybe", "I doubt"] },
        runnerUp: null,
        reasons: ["evidence-disagrees"],
      },
    ],
    [
      "a near tie names the runner-up",
      { toneScores: scores("skeptical", 0.5, "analytical", 0.48), cues: [cue("I doubt", "doubt")] },
      {
        tone: "skeptical",
        support: ["I doubt"],
        stanceSupport: [],
        contrary: null,
        runnerUp: "analytical",
        reasons: ["close-call"],
      },
    ],
    [
      "a calibrated probability under one half: more likely wrong than right",
      { toneScores: scores("skeptical", 0.45, "analytical", 0.15) },
      {
        tone: "skeptical",
        support: [],
        stanceSupport: [],
        contrary: null,
        runnerUp: null,
        reasons: ["low-probability"],
      },
    ],
    [
      "just above both thresholds the label stands",
      { toneScores: scores("skeptical", 0.5, "analytical", 0.46) },
      { tone: "skeptical", support: [], stanceSupport: [], contrary: null, runnerUp: null, reasons: [] },
    ],
    [
      "a person's correction is never uncertain, though the quotes still follow the evidence",
      {
        tone: "neutral",
        corrected: true,
        toneScores: scores("hostile", 0.3, "neutral", 0.29),
        cues: [cue("Moron", "insult")],
      },
      {
        tone: "neutral",
        support: [],
        stanceSupport: [],
        contrary: { tone: "hostile", phrases: ["Moron"] },
        runnerUp: null,
        reasons: [],
      },
    ],
    [
      "without probabilities only the evidence can make a label uncertain",
      { toneScores: null, cues: [cue("thanks", "thanks")] },
      {
        tone: "skeptical",
        support: [],
        stanceSupport: [],
        contrary: { tone: "supportive", phrases: ["thanks"] },
        runnerUp: null,
        reasons: ["evidence-disagrees"],
      },
    ],
    [
      "at most three phrases are quoted",
      { cues: ["a", "b", "c", "d"].map((t) => cue(t, "doubt")) },
      {
        tone: "skeptical",
        support: ["a", "b", "c"],
        stanceSupport: [],
        contrary: null,
        runnerUp: null,
        reasons: [],
      },
    ],
  ])("%s", (_name, change, expected) => {
    const input = { ...base, ...change };
    // The probability of the tone shown is passed through for the line to quote.
    expect(explainLabel(input)).toEqual({ ...expected, probability: input.toneScores?.[input.tone] ?? null });
  });
});

describe("explanationLine", () => {
  const line = (change: Partial<LabelExplanationInput>, scoredTone: Tone | null = null) => {
    const input = { ...base, ...change };
    return explanationLine(explainLabel(input), {
      stance: input.stance,
      corrected: input.corrected,
      scoredTone: scoredTone ?? input.tone,
    });
  };

  test.each<[string, Partial<LabelExplanationInput>, Tone | null, { uncertain: boolean; text: string }]>([
    [
      "the words behind the tone and the stance",
      { cues: [cue("I doubt", "doubt"), cue("we'll see", "doubt"), cue("I disagree", "disagree")] },
      null,
      { uncertain: false, text: "Why skeptical: “I doubt”, “we'll see” · disagrees: “I disagree”" },
    ],
    [
      "no phrase stood out",
      { stance: "neutral" },
      null,
      { uncertain: false, text: "Why skeptical: the wording as a whole, no single phrase" },
    ],
    [
      "evidence against the label",
      {
        tone: "neutral",
        stance: "neutral",
        toneScores: scores("neutral", 0.55, "hostile", 0.3),
        cues: [cue("Moron", "insult")],
      },
      null,
      { uncertain: true, text: "Labelled neutral, but “Moron” points to hostile." },
    ],
    [
      "a close call and a weak top together",
      { toneScores: scores("skeptical", 0.21, "dismissive", 0.2), stance: "neutral" },
      null,
      {
        uncertain: true,
        text: "A close call between skeptical and dismissive; the scorer is only 21% sure it is skeptical.",
      },
    ],
    [
      "a weak top alone",
      { toneScores: scores("skeptical", 0.41, "dismissive", 0.15), stance: "neutral" },
      null,
      { uncertain: true, text: "The scorer is only 41% sure it is skeptical." },
    ],
    [
      "a person's correction names what the scorer said",
      { tone: "analytical", corrected: true, cues: [cue("Moron", "insult")] },
      "hostile",
      { uncertain: false, text: "Analytical, set by a person (the scorer said hostile)." },
    ],
  ])("%s", (_name, change, scoredTone, expected) => {
    expect(line(change, scoredTone)).toEqual(expected);
  });
});
