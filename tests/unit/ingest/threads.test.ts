import { describe, expect, test } from "vitest";
import { placeInThreads } from "@/lib/ingest/threads";

/** [externalId, parentExternalId] pairs; ids are 101, 102, ... in batch order. */
type Batch = [string, string | null][];
const STORED = new Map([
  ["s1", { id: 7, path: "", depth: 0 }],
  ["s2", { id: 9, path: "7", depth: 1 }],
]);

const cases: { name: string; batch: Batch; expected: [number | null, string, number][] }[] = [
  {
    name: "top-level comments",
    batch: [
      ["a", null],
      ["b", null],
    ],
    expected: [
      [null, "", 0],
      [null, "", 0],
    ],
  },
  {
    name: "a reply chain in stream order",
    batch: [
      ["a", null],
      ["b", "a"],
      ["c", "b"],
    ],
    expected: [
      [null, "", 0],
      [101, "101", 1],
      [102, "101.102", 2],
    ],
  },
  {
    name: "a reply before its parent in the same batch",
    batch: [
      ["c", "b"],
      ["b", "a"],
      ["a", null],
    ],
    expected: [
      [102, "103.102", 2],
      [103, "103", 1],
      [null, "", 0],
    ],
  },
  {
    name: "parents stored by an earlier batch",
    batch: [
      ["a", "s1"],
      ["b", "s2"],
      ["c", "a"],
    ],
    expected: [
      [7, "7", 1],
      [9, "7.9", 2],
      [101, "7.101", 2],
    ],
  },
  {
    name: "a parent not stored yet stays unlinked (linked later), its replies below it",
    batch: [
      ["a", "later"],
      ["b", "a"],
    ],
    expected: [
      [null, "", 0],
      [101, "101", 1],
    ],
  },
  {
    name: "a comment that is its own parent stays at the top",
    batch: [["a", "a"]],
    expected: [[null, "", 0]],
  },
  {
    name: "a parent cycle, and a reply below it, stay at the top; the rest of the batch is placed",
    batch: [
      ["a", "b"],
      ["b", "a"],
      ["c", "a"],
      ["d", null],
      ["e", "d"],
    ],
    expected: [
      [null, "", 0],
      [null, "", 0],
      [null, "", 0],
      [null, "", 0],
      [104, "104", 1],
    ],
  },
  {
    name: "a reply placed after its cycle-bound parent was reached first from elsewhere",
    batch: [
      ["c", "a"],
      ["a", "b"],
      ["b", "a"],
    ],
    expected: [
      [null, "", 0],
      [null, "", 0],
      [null, "", 0],
    ],
  },
];

describe("placeInThreads", () => {
  test.each(cases)("$name", ({ batch, expected }) => {
    const places = placeInThreads(
      batch.map(([externalId, parentExternalId]) => ({ externalId, parentExternalId })),
      batch.map((_, i) => 101 + i),
      STORED,
    );
    expect(places.map((p) => [p.parentId, p.path, p.depth])).toEqual(expected);
  });

  test("a long chain is placed without recursion", () => {
    const n = 50_000;
    const batch = Array.from({ length: n }, (_, i) => ({
      externalId: `c${i}`,
      parentExternalId: i === 0 ? null : `c${i - 1}`,
    }));
    const places = placeInThreads(
      batch.reverse(),
      batch.map((_, i) => i + 1),
      new Map(),
    );
    expect(places[0]?.depth).toBe(n - 1);
    expect(places[n - 1]?.depth).toBe(0);
  });
});
