import { describe, expect, test } from "vitest";
import { BadCursorError, decodeCursor, encodeCursor } from "@/lib/server/keyset-cursor";

const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("decodeCursor", () => {
  test.each([
    ["timestamp", "2026-01-02T00:18:06.044123Z"],
    ["timestamp", "2024-02-29T23:59:59.000000Z"],
    ["number", "0.0607927"],
    ["number", "1e-05"],
    ["number", "0"],
  ] as const)("gives back a %s cursor it made: %s", (kind, value) => {
    expect(decodeCursor(encodeCursor(value, 42), kind)).toEqual([value, 42]);
  });

  test.each([
    ["timestamp", encodeCursor("not a date", 1)],
    ["timestamp", encodeCursor("2026-02-30T00:00:00.000000Z", 1)],
    ["timestamp", encodeCursor("2026-01-02 00:18:06+00", 1)],
    ["timestamp", encodeCursor("2026-01-02T25:00:00.000000Z", 1)],
    ["number", encodeCursor("many", 1)],
    ["number", encodeCursor("", 1)],
    ["number", encodeCursor("1e999", 1)],
    ["number", forged(["0.5", -1])],
    ["number", forged({ k: "0.5", i: 1 })],
    ["number", "%%%"],
  ] as const)("refuses a %s cursor it did not make (%s) as a bad request", (kind, cursor) => {
    expect(() => decodeCursor(cursor, kind)).toThrow(BadCursorError);
  });
});
