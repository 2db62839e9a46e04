import { describe, expect, test } from "vitest";
import { JsonStreamError, type JsonStreamEvent, JsonStreamParser } from "@/lib/ingest/files/json-stream";

function parseInChunks(
  text: string,
  chunkSize: number,
  capture: (path: readonly (string | number)[]) => boolean,
) {
  const parser = new JsonStreamParser({ capture });
  const events: JsonStreamEvent[] = [];
  for (let i = 0; i < text.length; i += chunkSize) events.push(...parser.write(text.slice(i, i + chunkSize)));
  events.push(...parser.end());
  return events;
}

const values = (events: JsonStreamEvent[]) => events.flatMap((e) => (e.type === "value" ? [e.value] : []));

const documents = [
  [{ a: 1, b: [true, false, null], c: 'x"y\\z\n\u00e9\ud83d\ude00', d: -1.5e3, e: {} }],
  [1, "two", [3, [4, [5]]], { six: { seven: [] } }, 0, -0.25, 1e-7],
  [{ body: 'quote " backslash \\ slash / tab \t unicode \u2603 \ud83c\udf0d' }],
  [],
];

describe("JsonStreamParser", () => {
  test.each(documents.flatMap((doc) => [1, 2, 3, 5, 64].map((size) => [JSON.stringify(doc), size] as const)))(
    "%s in chunks of %i gives what JSON.parse gives",
    (text, size) => {
      expect(values(parseInChunks(text, size, (p) => p.length === 1))).toEqual(JSON.parse(text));
    },
  );

  test("captures only the requested values and reports the root kind", () => {
    const text = JSON.stringify({
      skip: [1, 2],
      comments: [{ id: 1 }, { id: 2, children: [{ id: 3 }] }],
      other: "x",
    });
    const events = parseInChunks(text, 4, (p) => p.length === 2 && p[0] === "comments");
    expect(events).toEqual([
      { type: "root", kind: "object" },
      { type: "value", path: ["comments", 0], value: { id: 1 } },
      { type: "value", path: ["comments", 1], value: { id: 2, children: [{ id: 3 }] } },
    ]);
  });

  test("keeps __proto__ as an own property, like JSON.parse", () => {
    const [value] = values(parseInChunks('[{"__proto__": {"polluted": true}}]', 3, (p) => p.length === 1));
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toEqual(["__proto__"]);
  });

  test.each([
    ["[1,]", /unexpected "]"/],
    ['{"a" 1}', /expected ":"/],
    ["[1 2]", /expected ","/],
    ["[tru]", /unexpected token "tru"/],
    ['["\\x"]', /bad escape/],
    ['["\\u12G4"]', /bad unicode escape/],
    ["[1]]", /after the end/],
    ['{"a": [1, 2}', /unexpected closing bracket/],
    ["[1, 2", /unexpected end/],
    ['["open', /unexpected end/],
  ])("rejects %s", (text, message) => {
    expect(() => parseInChunks(text, 2, () => true)).toThrow(message);
  });

  test("refuses 100k nested arrays with an error, not a stack overflow", () => {
    const text = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    expect(() => parseInChunks(text, 65_536, (p) => p.length === 1)).toThrow(JsonStreamError);
    expect(() => parseInChunks(text, 65_536, (p) => p.length === 1)).toThrow(/nested deeper than 5000/);
  });

  test("reads a 10 MB string split across many chunks", () => {
    const body = "ä".repeat(5_000_000);
    const [value] = values(parseInChunks(JSON.stringify([{ body }]), 65_536, (p) => p.length === 1));
    expect((value as { body: string }).body.length).toBe(5_000_000);
  });
});
