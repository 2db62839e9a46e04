import { describe, expect, test } from "vitest";
import { EMOJI, NUMBER, PUNCT, tokenize, URL, WORD } from "@/lib/scoring/tokenize";

function tokens(text: string) {
  const t = tokenize(text);
  return Array.from({ length: t.count }, (_, k) => ({
    norm: t.norm[k],
    raw: text.slice(t.start[k], t.end[k]),
    kind: t.kind[k],
  }));
}

describe("tokenize", () => {
  test.each([
    ["Don’t", "don't"],
    ["dont", "don't"],
    ["IDIOTS", "idiots"],
    ["don&#39;t", "don't"],
  ])("%j normalises to %j", (text, norm) => {
    expect(tokens(text)[0]?.norm).toBe(norm);
  });

  test("HTML tags are skipped and offsets index the original text", () => {
    const t = tokens("<p class='x'>Hello <b>world</b></p>");
    expect(t.map((x) => x.raw)).toEqual(["Hello", "world"]);
  });

  test("URLs, numbers, emoji and punctuation get their own kinds", () => {
    const t = tokens("See https://x.org/a, 1,200 tanks 👍🏽!");
    expect(t.map((x) => x.kind)).toEqual([WORD, URL, PUNCT, NUMBER, WORD, EMOJI, PUNCT]);
    expect(t[3]?.raw).toBe("1,200");
    expect(t[5]?.raw).toBe("👍🏽");
  });

  test("a joined emoji sequence is one token", () => {
    expect(tokens("🤷🏻‍♀️")).toHaveLength(1);
  });

  test("an unterminated tag or stray ampersand is kept as text", () => {
    expect(tokens("a < b & c").map((x) => x.norm)).toEqual(["a", "b", "c"]);
  });
});
