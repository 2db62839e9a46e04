import { describe, expect, test } from "vitest";
import { gramStrings, gramValue, NgramIndex } from "@/lib/scoring/ngrams";
import { tokenize } from "@/lib/scoring/tokenize";

describe("gramStrings", () => {
  test.each([
    [
      "words become lemmas and pairs, a sentence start is marked",
      "Nice try.",
      ["nice", "<s> nice", "try", "nice try"],
    ],
    [
      "numbers are one token, ? is kept and restarts the sentence",
      "Is it 1990? No",
      ["is", "<s> is", "it", "is it", "<num>", "it <num>", "?", "<num> ?", "no", "<s> no"],
    ],
    [
      "commas are skipped without breaking the pair",
      "well, maybe",
      ["well", "<s> well", "maybe", "well maybe"],
    ],
    ["plurals share the singular's gram", "idiots", ["idiot", "<s> idiot"]],
  ])("%s", (_, text, expected) => {
    expect(gramStrings(tokenize(text))).toEqual(expected);
  });
});

describe("NgramIndex.collect", () => {
  const vocabulary = ["<s> nice", "nice", "nice try", "try", "?", "again"];
  const index = new NgramIndex(vocabulary);
  const ids = (text: string) => {
    const count = index.collect(tokenize(text));
    return [...index.ids.slice(0, count)].map((id) => vocabulary[id]).sort();
  };

  test("finds exactly the vocabulary's grams that gramStrings would list, each once", () => {
    const text = "Nice try. Nice try again?";
    const expected = [...new Set(gramStrings(tokenize(text)).filter((g) => vocabulary.includes(g)))].sort();
    expect(ids(text)).toEqual(expected);
  });

  test("a bigram needs both of its words in the vocabulary and adjacent", () => {
    expect(ids("try nice")).toEqual(["nice", "try"]);
    expect(ids("nice, try")).toEqual(["<s> nice", "nice", "nice try", "try"]);
  });

  test("unknown words break pairs instead of joining their neighbours", () => {
    expect(ids("nice big try")).toEqual(["<s> nice", "nice", "try"]);
  });

  test("repeated calls reuse the buffer without leaking grams between comments", () => {
    ids("nice try again");
    expect(ids("again")).toEqual(["again"]);
  });
});

describe("the per-word memo", () => {
  test("two vocabularies reading the same words in turn each get their own ids", () => {
    const a = new NgramIndex(["peace", "plan"]);
    const b = new NgramIndex(["plan", "zzz", "peace"]);
    const read = (index: NgramIndex, text: string) => [...index.ids.slice(0, index.collect(tokenize(text)))];
    for (let round = 0; round < 3; round++) {
      expect(read(a, "peace plan")).toEqual([0, 1]);
      expect(read(b, "peace plan")).toEqual([2, 0]);
    }
  });
});

describe("gramValue", () => {
  test.each([
    [0, 0],
    [1, 1],
    [4, 0.5],
  ])("%i grams weigh %d each", (count, value) => {
    expect(gramValue(count)).toBeCloseTo(value);
  });
});
