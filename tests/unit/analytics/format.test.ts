import { describe, expect, test } from "vitest";
import { formatCommentCount, postTickLabels, shortTitle } from "@/lib/analytics/format";

// The runtime's default locale is used; these tests pin the shape, computing the expected date text the same
// way a reader's browser would for the en-US locale the test machines run in.
const day = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", timeZone: "UTC" }).format(
    new Date(iso),
  );
const month = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(iso),
  );

describe("formatCommentCount", () => {
  test.each([
    [1, 0, "1 comment"],
    [145, 0, "145 comments"],
    [145, 3, "145 comments and 3 deleted"],
    [0, 2, "0 comments and 2 deleted"],
  ])("%i and %i deleted", (comments, deleted, text) => {
    expect(formatCommentCount(comments, deleted)).toBe(
      text.replace(/\d+/g, (n) => Number(n).toLocaleString()),
    );
  });
});

describe("shortTitle", () => {
  test.each([
    ["Sanctions That Did Not Bite", 24, "Sanctions That Did Not…"],
    ["Short", 24, "Short"],
    ["   ", 24, "(untitled)"],
  ])("%s", (title, max, expected) => {
    expect(shortTitle(title, max)).toBe(expected);
    expect(shortTitle(title, max).length).toBeLessThanOrEqual(max);
  });
});

describe("postTickLabels", () => {
  test("dates within a year show the day; a post without a date shows its short title", () => {
    const posts = [
      { title: "A", publishedAt: "2026-01-05T10:00:00Z" },
      { title: "An undated post with a long title", publishedAt: null },
      { title: "C", publishedAt: "2026-07-09T10:00:00Z" },
    ];
    expect(postTickLabels(posts)).toEqual([
      day("2026-01-05T10:00:00Z"),
      "An undated po…",
      day("2026-07-09T10:00:00Z"),
    ]);
  });

  test("posts spanning more than a year show the month and year", () => {
    const posts = [
      { title: "A", publishedAt: "2024-03-01T00:00:00Z" },
      { title: "B", publishedAt: "2026-03-01T00:00:00Z" },
    ];
    expect(postTickLabels(posts)).toEqual([month("2024-03-01T00:00:00Z"), month("2026-03-01T00:00:00Z")]);
    expect(postTickLabels(posts)[0]).not.toBe(day("2024-03-01T00:00:00Z"));
  });
});
