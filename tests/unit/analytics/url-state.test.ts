import { describe, expect, test } from "vitest";
import {
  commentFiltersFromSearchParams,
  commentFiltersSchema,
  commentFiltersToSearchParams,
} from "@/lib/schemas/comment-filters";
import {
  dateRangeFromSearchParams,
  dateRangeSchema,
  instantRange,
  previousRange,
} from "@/lib/schemas/date-range";

describe("comment filters in the URL", () => {
  test.each([
    ["nothing", {}, {}],
    [
      "every filter",
      { tone: "skeptical", stance: "disagree", sentiment: "negative", status: "flagged", q: "tonnage" },
      { tone: "skeptical", stance: "disagree", sentiment: "negative", status: "flagged", q: "tonnage" },
    ],
    [
      "malformed values are dropped on pages",
      { tone: "angry", stance: "agree", status: "" },
      { stance: "agree" },
    ],
    ["the first of repeated values", { tone: ["hostile", "neutral"] }, { tone: "hostile" }],
    ["blank text is no filter", { q: "   " }, {}],
    ["unknown keys are ignored on pages", { bogus: "1", tone: "neutral" }, { tone: "neutral" }],
  ])("%s", (_name, params, expected) => {
    expect(commentFiltersFromSearchParams(params)).toEqual(expected);
  });

  test("filters go to the URL in a fixed order, only the set ones", () => {
    expect(commentFiltersToSearchParams({ q: "a b", tone: "neutral" }).toString()).toBe("tone=neutral&q=a+b");
  });

  test.each([
    [{ tone: "angry" }, false],
    [{ bogus: "1" }, false],
    [{ tone: "", q: "" }, true],
    [{ q: "x".repeat(201) }, false],
  ])("the API schema: %j valid=%s", (query, valid) => {
    expect(commentFiltersSchema.safeParse(query).success).toBe(valid);
  });
});

describe("date ranges", () => {
  test.each([
    [{}, { start: null, end: null }],
    [{ from: "2026-01-01" }, { start: "2026-01-01T00:00:00.000Z", end: null }],
    [
      { from: "2026-01-01", to: "2026-01-31" },
      { start: "2026-01-01T00:00:00.000Z", end: "2026-02-01T00:00:00.000Z" },
    ],
  ])("%j as instants (the end day is included)", (range, expected) => {
    const r = instantRange(range);
    expect({ start: r.start?.toISOString() ?? null, end: r.end?.toISOString() ?? null }).toEqual(expected);
  });

  test.each([
    [
      { from: "2026-01-01", to: "2026-01-31" },
      { start: "2025-12-01T00:00:00.000Z", end: "2026-01-01T00:00:00.000Z" },
    ],
    [
      { from: "2026-01-02", to: "2026-01-02" },
      { start: "2026-01-01T00:00:00.000Z", end: "2026-01-02T00:00:00.000Z" },
    ],
    [{ from: "2026-01-01" }, null],
  ])("the range before %j", (range, expected) => {
    const p = previousRange(instantRange(range));
    expect(p ? { start: p.start?.toISOString(), end: p.end?.toISOString() } : null).toEqual(expected);
  });

  test.each([
    [
      { from: "2026-02-01", to: "2026-01-01" },
      { from: "2026-01-01", to: "2026-02-01" },
    ],
    [{ from: "yesterday", to: "2026-01-01" }, { to: "2026-01-01" }],
    [{}, {}],
  ])("pages read %j leniently", (params, expected) => {
    expect(dateRangeFromSearchParams(params)).toEqual(expected);
  });

  test.each([
    [{ from: "2026-02-01", to: "2026-01-01" }, false],
    [{ from: "2026-02-30" }, false],
    [{ from: "2026-02-01" }, true],
    [{ days: "30" }, false],
  ])("the API schema: %j valid=%s", (query, valid) => {
    expect(dateRangeSchema.safeParse(query).success).toBe(valid);
  });
});
