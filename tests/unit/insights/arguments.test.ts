import { describe, expect, test } from "vitest";
import { type ArgumentInput, DEFAULT_ARGUMENT_OPTIONS, groupArguments } from "@/lib/insights/arguments/group";
import { argumentSide } from "@/lib/insights/arguments/side";
import { commentTerms } from "@/lib/insights/text-terms";
import type { Tone } from "@/lib/scoring/types";

/** A hand-written pushback side of a post on sanctions, with three known arguments and two strays. */
const PUSHBACK: [string, Tone, string][] = [
  [
    "energy-1",
    "skeptical",
    "These sanctions mostly raised energy prices for European households, not for Moscow.",
  ],
  [
    "energy-2",
    "analytical",
    "Energy prices in Germany doubled last winter; the sanctions hurt us more than them.",
  ],
  [
    "energy-3",
    "skeptical",
    "Who pays the higher energy prices? Ordinary families in Europe, while the Kremlin shrugs.",
  ],
  [
    "energy-4",
    "dismissive",
    "Sanctions that triple energy prices at home are a self-inflicted wound. Obviously.",
  ],
  [
    "history-1",
    "analytical",
    "The comparison with 1914 is lazy history: the July Crisis had no nuclear deterrence.",
  ],
  ["history-2", "skeptical", "Your 1914 analogy ignores nuclear deterrence entirely."],
  ["history-3", "skeptical", "Stop reaching for 1914. Nuclear deterrence changes the whole calculus."],
  ["propaganda-1", "dismissive", "Just more war propaganda."],
  ["propaganda-2", "hostile", "Propaganda, as usual from this newsletter. Pathetic propaganda."],
  ["propaganda-3", "dismissive", "Pure propaganda, unsubscribing."],
  ["stray-1", "skeptical", "I doubt the footnote about grain exports through the Bosporus."],
  ["stray-2", "analytical", "The chart of tanker insurance rates has its axis mislabelled."],
];

/** Other comments of the publication: what every comment there talks about carries less weight. */
const BACKGROUND = [
  "Sanctions again, I see. Good post on the sanctions regime.",
  "The sanctions debate never ends in this comment section.",
  "Thanks for another long read about Russia and Europe.",
  "Europe has been arguing about Russia since forever.",
];

const inputs = (rows: typeof PUSHBACK): ArgumentInput[] =>
  rows.map(([, tone, text], i) => ({ id: 100 + i, tone, text }));
const keyOf = (id: number) => PUSHBACK[id - 100]![0];

function groupsAsKeys(result: ReturnType<typeof groupArguments>) {
  return result.groups.map((g) => g.commentIds.map(keyOf).sort());
}

describe("groupArguments", () => {
  const TOPIC = "Sanctions after the winter";
  const result = groupArguments(inputs(PUSHBACK), BACKGROUND, TOPIC);

  test("comments making the same argument land together, and strays in no group", () => {
    expect(result.status).toBe("ready");
    expect(groupsAsKeys(result)).toEqual([
      ["energy-1", "energy-2", "energy-3", "energy-4"],
      ["history-1", "history-2", "history-3"],
      ["propaganda-1", "propaganda-2", "propaganda-3"],
    ]);
    expect(result.unclustered).toBe(2);
  });

  test("labels are the group's distinctive phrases", () => {
    const [energy, history, propaganda] = result.groups;
    expect(energy!.label).toContain("energy prices");
    expect(energy!.label).not.toMatch(/sanction/u);
    expect(history!.phrases.map((p) => p.text)).toContain("nuclear deterrence");
    expect(propaganda!.label).toBe("propaganda");
  });

  test("tone mix: substantive versus dismissive", () => {
    const [energy, , propaganda] = result.groups;
    expect(energy!.toneCounts).toEqual({ skeptical: 2, analytical: 1, dismissive: 1 });
    expect([energy!.substantive, energy!.dismissive]).toEqual([3, 1]);
    expect([propaganda!.substantive, propaganda!.dismissive]).toEqual([0, 3]);
  });

  test("two representative comments with the phrases marked in their text", () => {
    const energy = result.groups[0]!;
    expect(energy.representatives).toHaveLength(2);
    for (const r of energy.representatives) {
      const text = PUSHBACK[r.commentId - 100]![2];
      const marked = r.marks.map((m) => text.slice(m.start, m.end).toLowerCase());
      expect(marked).toContain("energy prices");
    }
  });

  test("stable: the same comments in any order give the same groups", () => {
    const shuffled = [...inputs(PUSHBACK)].reverse();
    expect(groupArguments(shuffled, BACKGROUND, TOPIC)).toEqual(result);
  });

  test("too few comments: no groups invented", () => {
    const few = groupArguments(inputs(PUSHBACK.slice(0, 5)), BACKGROUND, TOPIC);
    expect(few).toMatchObject({ status: "too_few", commentCount: 5, groups: [] });
  });

  test("unrelated comments do not form a group", () => {
    const unrelated = groupArguments(
      [
        "The map of the Baltic is wrong.",
        "Your take on Bismarck is too kind.",
        "Grain exports deserve a post of their own.",
        "Why no mention of the Suez crisis?",
        "The footnotes are broken on mobile.",
        "Tanker insurance is the real story.",
      ].map((text, i) => ({ id: i + 1, text, tone: "skeptical" as const })),
      BACKGROUND,
    );
    expect(unrelated).toMatchObject({ status: "ready", groups: [], unclustered: 6 });
  });
});

describe("groupArguments and readers' names", () => {
  const ADDRESSED = [
    "Exactly, Victor. The map of the Baltic is wrong.",
    "Victor, your take on Bismarck is too kind.",
    "Grain exports deserve a post of their own, Victor.",
    "Why no mention of the Suez crisis, Victor?",
    "Victor: the footnotes are broken on mobile.",
    "Tanker insurance is the real story, Victor.",
  ].map((text, i) => ({ id: i + 1, text, tone: "skeptical" as const }));

  test("a name alone links comments that address the same reader…", () => {
    const grouped = groupArguments(ADDRESSED, BACKGROUND);
    expect(grouped.groups).toHaveLength(1);
    expect(grouped.groups[0]!.label).toMatch(/Victor/u);
  });

  test("…unless it is a commenter's name: then nothing links them and no label names them", () => {
    const result = groupArguments(ADDRESSED, BACKGROUND, "", DEFAULT_ARGUMENT_OPTIONS, new Set(["victor"]));
    expect(result).toMatchObject({ status: "ready", groups: [], unclustered: 6 });
  });

  test("a commenter's name written in lower case is a word like any other", () => {
    const victory = [
      "A victor writes the treaty; the victor here was the bond market.",
      "The victor of the trade war is the victor who holds the debt.",
      ...ADDRESSED.slice(0, 4).map((c) => c.text.replace(/,? ?Victor[,.:?]? ?/u, " ")),
    ].map((text, i) => ({ id: i + 1, text, tone: "skeptical" as const }));
    const result = groupArguments(victory, BACKGROUND, "", DEFAULT_ARGUMENT_OPTIONS, new Set(["victor"]));
    expect(result.groups.map((g) => g.commentIds)).toEqual([[1, 2]]);
  });
});

describe("argumentSide", () => {
  test.each([
    ["analytical", "disagree", "PUSHBACK"],
    ["skeptical", "neutral", "PUSHBACK"],
    ["dismissive", "neutral", "PUSHBACK"],
    ["hostile", "disagree", "PUSHBACK"],
    ["skeptical", "agree", "PUSHBACK"],
    ["supportive", "neutral", "LANDED"],
    ["analytical", "agree", "LANDED"],
    ["neutral", "neutral", null],
    ["hostile", "neutral", null],
  ] as const)("%s + %s -> %s", (tone, stance, side) => {
    expect(argumentSide(tone, stance)).toBe(side);
  });
});

describe("commentTerms", () => {
  test("content words and clause-bound bigrams, with spans in the original text", () => {
    const { terms } = commentTerms("Energy prices rose; prices of oil, too.");
    expect([...terms.keys()]).toEqual(["energy", "price", "energy price", "rose", "price rose", "oil"]);
    expect(terms.get("price")).toEqual([
      { start: 7, end: 13 },
      { start: 20, end: 26 },
    ]);
  });
});
