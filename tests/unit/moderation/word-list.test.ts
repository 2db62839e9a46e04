import { describe, expect, test } from "vitest";
import { compiledWordList, compileWordList } from "@/lib/moderation";

describe("compileWordList", () => {
  const list = compileWordList(["idiot*", "moron", "you * fool", "*hole", "go - away"]);

  test("findAll returns every match with offsets into the original text", () => {
    const text = "Ｙｏｕ moron, you idiots, you utter fool, a$$hole";
    const matches = list.findAll(text);
    expect(matches.map((match) => [match.entry, match.matchedText])).toEqual([
      ["moron", "moron"],
      ["idiot*", "idiots"],
      ["you * fool", "you utter fool"],
      ["*hole", "a$$hole"],
    ]);
    expect(list.find("oh go away")?.entry).toBe("go - away");
    expect(list.find("a black hole")?.matchedText).toBe("hole");
    for (const match of matches) expect(text.slice(match.start, match.end)).toBe(match.matchedText);
  });

  test("offsets survive astral characters and run collapsing before the match", () => {
    const text = "🤡🤡🤡 sooooo mooooron";
    const [match] = list.findAll(text);
    expect(match?.matchedText).toBe("mooooron");
    expect(text.slice(match?.start, match?.end)).toBe("mooooron");
  });

  test.each([[[]], [[""]], [["*"]], [["   "]]])("unusable lists %j never match", (entries) => {
    const empty = compileWordList(entries);
    expect(empty.find("anything at all")).toBeNull();
    expect(empty.findAll("")).toEqual([]);
  });

  test("entries with regex syntax are taken literally", () => {
    const tricky = compileWordList(["c++", "(a|b)", "[x]"]);
    expect(tricky.find("I like (a|b) patterns")?.matchedText).toBe("a|b");
    expect(tricky.find("nothing here")).toBeNull();
  });

  test("compiledWordList compiles once per list object", () => {
    const words = ["idiot"];
    expect(compiledWordList(words)).toBe(compiledWordList(words));
    expect(compiledWordList(["idiot"])).not.toBe(compiledWordList(words));
  });

  const longList = [
    ...Array.from({ length: 1_000 }, (_, i) => `term${i}x*`),
    "ass",
    "i d i o t",
    "*hole",
    "f*ck",
    "sss*",
    "🖕",
  ];

  test("a thousand-entry list compiles and checks an ordinary comment quickly", () => {
    const started = performance.now();
    const list = compileWordList(longList);
    for (let i = 0; i < 100; i++) list.find(`An ordinary comment number ${i} about the post.`);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(list.find("see term7x and term12xyz")?.matchedText).toBe("term7x");
  });

  test.each([
    ["exclamation marks", "!".repeat(20_000)],
    ["dotted letters", "i.".repeat(10_000)],
    ["one repeated letter", "s".repeat(20_000)],
    ["spaced letters", "a s ".repeat(5_000)],
    ["emoji", "🖕".repeat(5_000)],
    ["one long word before a wildcard suffix", `${"ab".repeat(10_000)}hole`],
    ["one long word inside a wildcard", `f${"ab".repeat(10_000)}`],
  ])("a long run of %s is handled quickly", (_label, text) => {
    const list = compileWordList(longList);
    const started = performance.now();
    list.findAll(text);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
