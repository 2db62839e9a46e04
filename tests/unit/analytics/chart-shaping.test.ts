import { describe, expect, test } from "vitest";
import {
  postTrendRows,
  sentimentComparisonRows,
  stanceRows,
  toneProfileRows,
  toneRows,
  toneShareGroups,
} from "@/lib/analytics/chart-rows";
import { postTickLabels } from "@/lib/analytics/format";
import { headlineFigures } from "@/lib/analytics/headline-change";
import { stanceCountsFromRows, toneCountsFromRows, totalOf } from "@/lib/analytics/label-counts";
import { sentimentBinLabel, sentimentBins } from "@/lib/analytics/sentiment-bins";
import { chooseTimelineBucket, cumulativeTimelineRows } from "@/lib/analytics/timeline";
import type { Tone } from "@/lib/scoring/types";

const tones = (partial: Partial<Record<Tone, number>>): Record<Tone, number> => ({
  analytical: 0,
  skeptical: 0,
  dismissive: 0,
  supportive: 0,
  hostile: 0,
  neutral: 0,
  ...partial,
});

describe("label counts", () => {
  test.each([
    ["empty", [], tones({})],
    [
      "known labels",
      [
        { label: "skeptical", count: 2 },
        { label: "neutral", count: 1 },
      ],
      tones({ skeptical: 2, neutral: 1 }),
    ],
    [
      "null and unknown labels are ignored",
      [
        { label: null, count: 5 },
        { label: "angry", count: 1 },
      ],
      tones({}),
    ],
    [
      "repeated labels add up",
      [
        { label: "hostile", count: 1 },
        { label: "hostile", count: 2 },
      ],
      tones({ hostile: 3 }),
    ],
  ])("tones: %s", (_name, rows, expected) => {
    expect(toneCountsFromRows(rows)).toEqual(expected);
  });

  test("stances fill zeros", () => {
    expect(stanceCountsFromRows([{ label: "agree", count: 4 }])).toEqual({
      agree: 4,
      disagree: 0,
      neutral: 0,
    });
    expect(totalOf({ a: 1, b: 2 })).toBe(3);
  });
});

describe("toneRows / stanceRows", () => {
  test.each([
    [
      "shares of a total",
      tones({ analytical: 1, skeptical: 3 }),
      { analytical: 0.25, skeptical: 0.75, hostile: 0 },
    ],
    ["all zero gives zero shares", tones({}), { analytical: 0, skeptical: 0, hostile: 0 }],
  ])("%s", (_name, counts, shares) => {
    const rows = toneRows(counts);
    expect(rows.map((r) => r.key)).toEqual([
      "analytical",
      "skeptical",
      "dismissive",
      "supportive",
      "hostile",
      "neutral",
    ]);
    for (const [key, value] of Object.entries(shares))
      expect(rows.find((r) => r.key === key)?.share).toBe(value);
  });

  test("stance rows carry labels and colours", () => {
    const rows = stanceRows({ agree: 1, disagree: 1, neutral: 2 });
    expect(rows.map((r) => [r.label, r.share])).toEqual([
      ["Agree", 0.25],
      ["Disagree", 0.25],
      ["Neutral", 0.5],
    ]);
    expect(rows.every((r) => /^#[0-9A-F]{6}$/i.test(r.color))).toBe(true);
  });
});

describe("toneShareGroups", () => {
  test.each([
    [
      "top-level vs replies",
      [{ group: "Top-level", tones: tones({ analytical: 2, supportive: 2 }) }],
      { analytical: 0.5, supportive: 0.5, total: 4 },
    ],
    ["an empty group", [{ group: "Replies", tones: tones({}) }], { analytical: 0, total: 0 }],
  ])("%s", (_name, groups, expected) => {
    expect(toneShareGroups(groups)[0]).toMatchObject(expected);
  });
});

describe("sentimentBins", () => {
  test.each([
    ["no rows: ten empty bins", [], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
    [
      "sparse buckets land in place",
      [
        { bucket: 1, count: 2 },
        { bucket: 9, count: 1 },
      ],
      [0, 2, 0, 0, 0, 0, 0, 0, 0, 1],
    ],
    [
      "out-of-range buckets are clamped",
      [
        { bucket: -3, count: 1 },
        { bucket: 12, count: 1 },
      ],
      [1, 0, 0, 0, 0, 0, 0, 0, 0, 1],
    ],
  ])("%s", (_name, rows, counts) => {
    expect(sentimentBins(rows).map((b) => b.count)).toEqual(counts);
  });

  test("bin edges and labels", () => {
    const bins = sentimentBins([]);
    expect(bins[0]).toEqual({ from: null, to: -1, count: 0 });
    expect(bins[1]).toEqual({ from: -1, to: -0.75, count: 0 });
    expect(bins[9]).toEqual({ from: 1, to: null, count: 0 });
    expect(sentimentBinLabel(bins[0]!)).toBe("below -1");
    expect(sentimentBinLabel(bins[9]!)).toBe("1 and above");
    expect(sentimentBinLabel(bins[5]!)).toBe("0 to 0.25");
  });
});

describe("timeline", () => {
  test.each([
    [3_600_000, "hour"],
    [3 * 86_400_000, "hour"],
    [3 * 86_400_000 + 1, "day"],
    [70 * 86_400_000, "day"],
    [71 * 86_400_000, "week"],
  ])("a span of %i ms uses %s buckets", (span, bucket) => {
    expect(chooseTimelineBucket(span)).toBe(bucket);
  });

  test("cumulates by tone and fills the gaps", () => {
    const rows = cumulativeTimelineRows({
      start: "2026-01-01T00:00:00.000Z",
      bucket: "hour",
      buckets: [
        { index: 0, tones: tones({ analytical: 1 }) },
        { index: 2, tones: tones({ skeptical: 2, analytical: 1 }) },
      ],
    });
    expect(rows.map((r) => [r.index, r.analytical, r.skeptical, r.total])).toEqual([
      [0, 1, 0, 1],
      [1, 1, 0, 1],
      [2, 2, 2, 4],
    ]);
    expect(rows[0]?.at).toBe("2026-01-01T01:00:00.000Z");
  });

  test("no buckets, no rows", () => {
    expect(cumulativeTimelineRows({ start: "2026-01-01T00:00:00.000Z", bucket: "day", buckets: [] })).toEqual(
      [],
    );
  });
});

describe("postTrendRows", () => {
  const post = (id: number, publishedAt: string | null, scored: number, disagree: number) => ({
    id,
    title: `P${id}`,
    publishedAt,
    comments: scored,
    scored,
    meanSentiment: scored ? 0.1 : null,
    sentimentQuartiles: scored ? { p25: -0.1, p75: 0.3 } : null,
    stances: { agree: 0, disagree, neutral: scored - disagree },
    tones: {
      analytical: scored - disagree,
      skeptical: disagree,
      dismissive: 0,
      supportive: 0,
      hostile: 0,
      neutral: 0,
    },
  });

  test.each([
    ["oldest first", [post(1, "2026-02-01", 4, 1), post(2, "2026-01-01", 2, 2)], [2, 1], [1, 0.25]],
    [
      "undated first, then by id",
      [post(3, "2026-01-01", 1, 0), post(5, null, 0, 0), post(4, null, 0, 0)],
      [4, 5, 3],
      [null, null, 0],
    ],
  ])("%s", (_name, posts, ids, rates) => {
    const rows = postTrendRows(posts);
    expect(rows.map((r) => r.postId)).toEqual(ids);
    expect(rows.map((r) => r.disagreeRate)).toEqual(rates);
  });

  test("the spread is the quartile pair", () => {
    expect(postTrendRows([post(1, "2026-01-01", 2, 0)])[0]?.spread).toEqual([-0.1, 0.3]);
  });

  test("tone shares of scored comments; a post with none scored gets zeros, not NaN", () => {
    const [scored, empty] = postTrendRows([post(1, "2026-01-01", 4, 1), post(2, "2026-02-01", 0, 0)]);
    expect([scored?.analytical, scored?.skeptical, scored?.hostile]).toEqual([0.75, 0.25, 0]);
    expect([empty?.analytical, empty?.skeptical]).toEqual([0, 0]);
  });

  test("ticks are the posts' dates, in the rows' order", () => {
    const rows = postTrendRows([
      post(1, "2026-02-01T00:00:00Z", 1, 0),
      post(2, "2026-01-01T00:00:00Z", 1, 0),
    ]);
    expect(rows.map((r) => r.tick)).toEqual(
      postTickLabels([
        { title: "P2", publishedAt: "2026-01-01T00:00:00Z" },
        { title: "P1", publishedAt: "2026-02-01T00:00:00Z" },
      ]),
    );
    expect(rows[0]?.tick).not.toBe(rows[1]?.tick);
  });
});

describe("headlineFigures", () => {
  const figures = (comments: number, commenters: number, t: Partial<Record<Tone, number>>) => {
    const counts = tones(t);
    return { comments, commenters, scored: Object.values(counts).reduce((a, b) => a + b, 0), tones: counts };
  };

  test.each([
    [
      "against a previous range",
      figures(15, 6, { skeptical: 3, analytical: 6, neutral: 1 }),
      figures(10, 8, { skeptical: 1, analytical: 3, neutral: 1 }),
      {
        comments: [15, 0.5],
        commenters: [6, -0.25],
        skeptical: [0.3, 0.1],
        dismissive: [0, 0],
        analytical: [0.6, 0],
      },
    ],
    [
      "without a previous range",
      figures(4, 2, { dismissive: 1, neutral: 3 }),
      null,
      {
        comments: [4, null],
        commenters: [2, null],
        skeptical: [0, null],
        dismissive: [0.25, null],
        analytical: [0, null],
      },
    ],
    [
      "a previous count of zero has no relative change",
      figures(3, 1, {}),
      figures(0, 0, {}),
      {
        comments: [3, null],
        commenters: [1, null],
        skeptical: [0, 0],
        dismissive: [0, 0],
        analytical: [0, 0],
      },
    ],
  ])("%s", (_name, current, previous, expected) => {
    const result = Object.fromEntries(
      headlineFigures(current, previous).map((f) => [f.key, [f.value, f.change]]),
    );
    for (const [key, [value, change]] of Object.entries(expected)) {
      expect(result[key]?.[0]).toBeCloseTo(value as number, 10);
      if (change === null) expect(result[key]?.[1]).toBeNull();
      else expect(result[key]?.[1]).toBeCloseTo(change as number, 10);
    }
  });
});

describe("toneProfileRows", () => {
  test.each([
    [
      "shares side by side",
      tones({ skeptical: 1, hostile: 1 }),
      tones({ skeptical: 1, analytical: 3 }),
      { skeptical: [0.5, 0.25], hostile: [0.5, 0], analytical: [0, 0.75] },
    ],
    ["an unscored person", tones({}), tones({ neutral: 2 }), { neutral: [0, 1], analytical: [0, 0] }],
  ])("%s", (_name, person, publication, expected) => {
    const rows = toneProfileRows(person, publication);
    for (const [tone, [p, pub]] of Object.entries(expected)) {
      expect(rows.find((r) => r.key === tone)).toMatchObject({ person: p, publication: pub });
    }
  });
});

describe("sentimentComparisonRows", () => {
  test.each([
    [
      "shares per bin of each post",
      [
        { id: 1, sentimentBins: [{ count: 1 }, { count: 3 }] },
        { id: 2, sentimentBins: [{ count: 0 }, { count: 0 }] },
      ],
      [
        { label: "a", "post-1": 0.25, "post-2": 0 },
        { label: "b", "post-1": 0.75, "post-2": 0 },
      ],
    ],
  ])("%s", (_name, posts, expected) => {
    expect(sentimentComparisonRows(posts, ["a", "b"])).toEqual(expected);
  });
});
