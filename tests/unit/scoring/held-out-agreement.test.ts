import { describe, expect, test } from "vitest";
import {
  compareOnHeldOut,
  decideActivation,
  type HeadComparison,
  MIN_HELD_OUT,
  refitDue,
  splitHeldOut,
} from "@/lib/scoring/held-out-agreement";
import type { Scorer } from "@/lib/scoring/score";
import { scoreComment } from "@/lib/scoring/shipped-model";
import type { Tone } from "@/lib/scoring/types";

const ids = (n: number, from = 1) => Array.from({ length: n }, (_, i) => ({ id: from + i }));

describe("splitHeldOut", () => {
  test.each([
    [3, 3],
    [5, 5],
    [12, 5],
    [25, 5],
    [26, 5],
    [40, 8],
    [100, 20],
  ])("%i corrections hold out %i", (n, held) => {
    const { heldOut, rest } = splitHeldOut(ids(n));
    expect(heldOut).toHaveLength(held);
    expect(rest).toHaveLength(n - held);
    expect(new Set([...heldOut, ...rest].map((c) => c.id)).size).toBe(n);
  });

  test("is the same whatever the order, and mostly the same as corrections join", () => {
    const items = ids(50);
    const a = splitHeldOut(items).heldOut.map((c) => c.id);
    const b = splitHeldOut([...items].reverse()).heldOut.map((c) => c.id);
    expect(new Set(b)).toEqual(new Set(a));
    const grown = splitHeldOut(ids(60)).heldOut.map((c) => c.id);
    // Ten of the first 50 were held out; with 12 held out of 60, those ten stay held out unless outranked
    // by one of the ten new comments.
    expect(a.filter((id) => grown.includes(id)).length).toBeGreaterThanOrEqual(a.length - 2);
  });

  test("does not simply hold out the lowest or highest ids", () => {
    const held = splitHeldOut(ids(100)).heldOut.map((c) => c.id);
    expect(held).not.toEqual(ids(20).map((c) => c.id));
    expect(held).not.toEqual(ids(20, 81).map((c) => c.id));
    expect(MIN_HELD_OUT).toBe(5);
  });
});

/** A scorer that answers `tone` for every comment, the shipped scorer for the rest of the score. */
const always =
  (tone: Tone): Scorer =>
  (text, context) => ({ ...scoreComment(text, context), tone });

describe("compareOnHeldOut", () => {
  const heldOut = [
    { text: "a", tone: "dismissive" as const, stance: null },
    { text: "b", tone: "dismissive" as const, stance: null },
    { text: "c", tone: "neutral" as const, stance: "agree" as const },
    { text: "d", tone: null, stance: "agree" as const },
  ];

  test("measures agreement on the corrections of the head only", () => {
    const c = compareOnHeldOut("tone", heldOut, always("neutral"), always("dismissive"), 12);
    expect(c).toEqual({
      heldOut: 3,
      before: { accuracy: 1 / 3, macroF1: (0 + 0.5) / 2 },
      after: { accuracy: 2 / 3, macroF1: (0.8 + 0) / 2 },
      measured: true,
    });
  });

  test("is null without corrections of the head, and unmeasured when the refit had too few", () => {
    expect(
      compareOnHeldOut("stance", heldOut.slice(0, 2), always("neutral"), always("neutral"), 20),
    ).toBeNull();
    expect(compareOnHeldOut("tone", heldOut, always("neutral"), always("neutral"), 9)?.measured).toBe(false);
  });
});

const head = (before: number, after: number, measured = true): HeadComparison => ({
  heldOut: 10,
  before: { accuracy: before, macroF1: before },
  after: { accuracy: after, macroF1: after },
  measured,
});

describe("decideActivation", () => {
  test.each([
    ["both rise", { tone: head(0.5, 0.7), stance: head(0.4, 0.6) }, true, /did not drop: tone 50% → 70%/],
    ["one rises, one stays", { tone: head(0.5, 0.7), stance: head(0.6, 0.6) }, true, /stance 60% → 60%/],
    ["one drops", { tone: head(0.5, 0.7), stance: head(0.6, 0.5) }, false, /dropped: stance 60% → 50%/],
    [
      "an unmeasured head is not judged",
      { tone: head(0.5, 0.6), stance: head(0.6, 0.1, false) },
      true,
      /tone/,
    ],
    ["nothing measured", { tone: head(0.5, 0.5, false), stance: null }, false, /not measured/],
    ["no held-out corrections", { tone: null, stance: null }, false, /not measured/],
  ])("%s", (_name, comparisons, activate, reason) => {
    const d = decideActivation(comparisons);
    expect(d.activate).toBe(activate);
    expect(d.reason).toMatch(reason);
  });
});

describe("refitDue", () => {
  const V = "2.0.0+abc";
  test.each([
    ["too few of both heads", { total: 12, tone: 9, stance: 9 }, null, false],
    ["enough tone, no model yet", { total: 10, tone: 10, stance: 0 }, null, true],
    [
      "a stale model, nothing new",
      { total: 30, tone: 30, stance: 30 },
      { corrections: 30, baseVersion: "1.9" },
      true,
    ],
    ["9 new of 20", { total: 29, tone: 29, stance: 29 }, { corrections: 20, baseVersion: V }, false],
    ["10 new of 20", { total: 30, tone: 30, stance: 30 }, { corrections: 20, baseVersion: V }, true],
    [
      "15 new of 100 (15%)",
      { total: 115, tone: 115, stance: 0 },
      { corrections: 100, baseVersion: V },
      false,
    ],
    ["20 new of 100 (20%)", { total: 120, tone: 120, stance: 0 }, { corrections: 100, baseVersion: V }, true],
    ["fewer than before", { total: 15, tone: 15, stance: 15 }, { corrections: 30, baseVersion: V }, false],
  ])("%s", (_name, counts, latest, due) => {
    expect(refitDue(counts, latest, V).due).toBe(due);
  });
});
