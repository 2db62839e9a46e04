import { describe, expect, test } from "vitest";
import { scoreComment } from "@/lib/scoring";
import { analyze } from "@/lib/scoring/analyze";
import { newTokens, tokenize } from "@/lib/scoring/tokenize";

/** Plain copies of the token arrays (the buffers themselves are recycled). */
function snapshot(text: string, into = newTokens()) {
  const t = tokenize(text, into);
  return Array.from({ length: t.count }, (_, k) => ({
    norm: t.norm[k],
    lemma: t.lemma[k],
    start: t.start[k],
    end: t.end[k],
    kind: t.kind[k],
    caps: t.caps[k],
    sentiment: t.info[k]?.sentiment,
  }));
}

describe("word cache of the tokeniser never changes a result", () => {
  test.each([
    ["case variants share facts but keep their own offsets and shouting", "Idiots IDIOTS idiots iDiOtS"],
    ["contractions without apostrophe", "DONT dont Dont cant CANT"],
    ["numbers and words", "2024 NATO nato 1999 abc123"],
  ])("%s", (_, text) => {
    const first = snapshot(text);
    // Push thousands of distinct words through the cache so it is emptied at least once.
    const filler = newTokens();
    for (let i = 0; i < 40_000; i++) tokenize(`w${i.toString(36)}x`, filler);
    expect(snapshot(text)).toEqual(first);
    expect(snapshot(text, newTokens())).toEqual(first);
  });

  test("a cached word keeps its lower-cased norm and the shouting flag follows the spelling", () => {
    const t = snapshot("Disgrace DISGRACE disgrace");
    expect(t.map((x) => x.norm)).toEqual(["disgrace", "disgrace", "disgrace"]);
    expect(t.map((x) => x.caps)).toEqual([false, true, false]);
  });
});

describe("recycled storage", () => {
  test("analyze without a reuse buffer returns matches and hits that later calls do not touch", () => {
    const a = analyze("You are a pathetic idiot, what a disgrace.");
    const matches = a.matches.map((m) => ({ ...m }));
    const hits = a.sentiment.hits.map((h) => ({ ...h }));
    analyze("Thanks, great piece, I could not agree more.", undefined, newTokens());
    analyze("Another comment entirely.");
    expect(a.matches).toEqual(matches);
    expect(a.sentiment.hits).toEqual(hits);
  });

  test("a score is unaffected by scoring other comments afterwards", () => {
    const text = "Those people are vermin and you are an idiot for defending them.";
    const first = scoreComment(text, { isReply: true });
    const copy = structuredClone(first);
    for (let i = 0; i < 50; i++) scoreComment(`Great piece number ${i}, thanks!`);
    expect(first).toEqual(copy);
    expect(scoreComment(text, { isReply: true })).toEqual(copy);
  });
});
