import { describe, expect, test } from "vitest";
import {
  formatSearchQuery,
  highlightSegments,
  parseSearchQuery,
  SearchQueryError,
} from "@/lib/insights/search-query";

describe("parseSearchQuery", () => {
  test.each([
    ["sanctions energy", "sanctions energy"],
    ['"energy prices"', '"energy prices"'],
    ["“energy prices”", '"energy prices"'],
    ["sanct*", "sanct*"],
    ["nato OR alliance", "nato OR alliance"],
    ["nato OR alliance OR un", "nato OR alliance OR un"],
    ["prices -sanctions", "prices -sanctions"],
    ['prices -"cold war"', 'prices -"cold war"'],
    ["covid-19", "covid-19"],
    ["u.s. policy", '"u s" policy'],
    ["  spaced   out  ", "spaced out"],
    ["it's fine!", "it's fine"],
    ['"unclosed phrase', '"unclosed phrase"'],
    ["OR leading", "leading"],
    ["trailing OR", "trailing"],
    ["a & b | c", "a b c"],
    ["'; DROP TABLE comment; --", "DROP TABLE comment"],
  ])("%s -> %s", (input, canonical) => {
    expect(formatSearchQuery(parseSearchQuery(input))).toBe(canonical);
  });

  test("terms carry their kind and negation", () => {
    expect(parseSearchQuery('war* "cold war" -peace').clauses).toEqual([
      [{ kind: "prefix", text: "war", negated: false }],
      [{ kind: "phrase", text: "cold war", negated: false }],
      [{ kind: "word", text: "peace", negated: true }],
    ]);
  });

  test.each(["", "   ", "-only -exclusions", "*** !!!", "x".repeat(201)])("refuses %j", (input) => {
    expect(() => parseSearchQuery(input)).toThrow(SearchQueryError);
  });

  test("refuses too many terms", () => {
    expect(() => parseSearchQuery(Array.from({ length: 17 }, (_, i) => `w${i}`).join(" "))).toThrow(
      /at most/,
    );
  });
});

describe("highlightSegments", () => {
  test.each([
    ["plain", [{ text: "plain", match: false }]],
    [
      "a \u0002b\u0003 c",
      [
        { text: "a ", match: false },
        { text: "b", match: true },
        { text: " c", match: false },
      ],
    ],
    ["\u0002open to the end", [{ text: "open to the end", match: true }]],
    [
      "stray\u0003 stop",
      [
        { text: "stray", match: false },
        { text: " stop", match: false },
      ],
    ],
    ["<b>&amp;</b>", [{ text: "<b>&amp;</b>", match: false }]],
  ])("%j", (input, expected) => {
    expect(highlightSegments(input)).toEqual(expected);
  });
});
