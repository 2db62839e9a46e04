import { describe, expect, test } from "vitest";
import { binomialTail, detectSurges, type SurgeCounts } from "@/lib/insights/surge";

const calm: SurgeCounts = {
  windowComments: 20,
  windowHostile: 1,
  hourComments: 6,
  hourNewcomers: 0,
  postComments: 200,
  postHostile: 8,
  postActiveHours: 40,
  publicationComments: 5000,
  publicationHostile: 200,
  publicationNewcomers: 250,
};

describe("binomialTail", () => {
  test.each([
    [0, 10, 0.5, 1],
    [11, 10, 0.5, 0],
    [10, 10, 0.5, 1 / 1024],
    [5, 10, 0.5, 638 / 1024],
    [1, 3, 0.1, 1 - 0.9 ** 3],
  ])("P(X >= %d | n=%d, p=%d) = %d", (k, n, p, expected) => {
    expect(binomialTail(k, n, p)).toBeCloseTo(expected, 10);
  });
});

describe("detectSurges", () => {
  test.each<[string, Partial<SurgeCounts>, string[]]>([
    ["a calm thread", {}, []],
    ["9 of 20 hostile against 4% baselines", { windowHostile: 9 }, ["HOSTILE_SURGE"]],
    ["3 hostile is below the minimum count", { windowHostile: 3, windowComments: 5 }, []],
    ["a post that is always heated: 9 of 20 against its own 40%", { windowHostile: 9, postHostile: 80 }, []],
    [
      "a new post with no history uses the publication",
      { windowHostile: 6, postComments: 5, postHostile: 0 },
      ["HOSTILE_SURGE"],
    ],
    [
      "a spotless publication does not make 4 of 40 a surge (floor)",
      { windowHostile: 4, windowComments: 40, postHostile: 0, publicationHostile: 0 },
      [],
    ],
    ["a burst of newcomers", { hourComments: 30, hourNewcomers: 22 }, ["BRIGADING"]],
    [
      "many newcomers but no burst (usual rate)",
      { hourComments: 12, hourNewcomers: 9, postComments: 480, postActiveHours: 40 },
      [],
    ],
    ["a burst of regulars", { hourComments: 30, hourNewcomers: 3 }, []],
    [
      "both at once",
      { windowHostile: 12, hourComments: 30, hourNewcomers: 25 },
      ["HOSTILE_SURGE", "BRIGADING"],
    ],
  ])("%s", (_, change, kinds) => {
    expect(detectSurges({ ...calm, ...change }).map((s) => s.kind)).toEqual(kinds);
  });

  test("the summary states the figures that triggered it", () => {
    const [surge] = detectSurges({ ...calm, windowHostile: 9 });
    expect(surge!.summary).toMatch(
      /^9 of the last 20 comments are hostile or flagged \(45%\), against 4% on this post before and 4% across the publication/u,
    );
    expect(surge!.figures).toMatchObject({ windowHostile: 9, windowComments: 20, windowShare: 0.45 });
  });
});
