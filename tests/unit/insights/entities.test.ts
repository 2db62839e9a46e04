import { describe, expect, test } from "vitest";
import { extractEntities } from "@/lib/insights/entities/extract";
import { entityKey } from "@/lib/insights/entities/keys";
import { type KeyUsage, mergeEntityKeys } from "@/lib/insights/entities/merge";
import type { EntityKindName } from "@/lib/insights/entities/types";

const mentions = (text: string) => extractEntities(text).map((m) => [m.surface, m.key, m.kind]);

describe("entityKey", () => {
  test.each([
    ["Zelensky", "zelensky"],
    ["Zelenskyy", "zelensky"],
    ["Zelenskiy's", "zelensky"],
    ["Zelenskyi", "zelensky"],
    ["President Zelensky", "zelensky"],
    ["Erdoğan", "erdogan"],
    ["the Kremlin", "kremlin"],
    ["U.S.", "us"],
    ["Kim Jong-un", "kim jong un"],
  ])("%s -> %s", (surface, key) => {
    expect(entityKey(surface)).toBe(key);
  });
});

describe("extractEntities", () => {
  test("gazetteer names in every spelling, with their canonical key and kind", () => {
    expect(mentions("Zelenskyy met Biden; later Zelenskiy's aides flew to Kiev.")).toEqual([
      ["Zelenskyy", "volodymyr zelensky", "PERSON"],
      ["Biden", "joe biden", "PERSON"],
      ["Zelenskiy", "volodymyr zelensky", "PERSON"],
      ["Kiev", "kyiv", "PLACE"],
    ]);
  });

  test("acronyms match only as written: US is the country, us is not", () => {
    expect(mentions("Tell us why the US and the EU stayed out; NATO did not.")).toEqual([
      ["US", "united states", "PLACE"],
      ["EU", "european union", "ORGANIZATION"],
      ["NATO", "nato", "ORGANIZATION"],
    ]);
  });

  test("other proper nouns come from the tagger, typed by its tags", () => {
    const found = extractEntities("The author is wrong about Kadyrov. Later Thatcher went to the Falklands.");
    expect(found.map((m) => m.surface)).toEqual(["Kadyrov", "Thatcher", "Falklands"]);
    expect(found.find((m) => m.surface === "Thatcher")?.kind).toBe("PERSON");
  });

  test.each([
    ["A crossing of the Strait of Hormuz is risky.", "Strait of Hormuz", "PLACE"],
    ["Drills around the Taiwan Strait grow every year.", "Taiwan Strait", "PLACE"],
    ["The Bank of England raised rates again.", "Bank of England", "ORGANIZATION"],
    ["Sure, and I'm the Queen of Sheba.", "Queen of Sheba", "PERSON"],
    ["He never understood the Concert of Europe at all.", "Concert of Europe", "OTHER"],
  ])("names with 'of' stay whole and their head word types them: %s", (text, surface, kind) => {
    const found = extractEntities(text).map((m) => [m.surface, m.kind]);
    expect(found).toContainEqual([surface, kind]);
    // The parts are not names of their own.
    for (const part of surface.split(/ of (?:the )?/u))
      if (part !== surface) expect(found.map(([s]) => s)).not.toContain(part);
  });

  test("'of' joins only proper nouns: a plain word after it ends the name", () => {
    expect(mentions("Merkel of all people should know.").map(([s]) => s)).toEqual(["Merkel"]);
  });

  test("each mention carries its sentence", () => {
    const text = "Putin never wanted peace. Merkel trusted him anyway!";
    const [putin, merkel] = extractEntities(text);
    expect(text.slice(putin!.sentenceStart, putin!.sentenceEnd).trim()).toBe("Putin never wanted peace.");
    expect(text.slice(merkel!.sentenceStart, merkel!.sentenceEnd).trim()).toBe("Merkel trusted him anyway!");
    expect(text.slice(merkel!.start, merkel!.end)).toBe("Merkel");
  });

  test("no names, no mentions", () => {
    expect(extractEntities("ok, thanks! great post, i agree with all of it.")).toEqual([]);
    expect(extractEntities("")).toEqual([]);
  });
});

describe("mergeEntityKeys", () => {
  const usage = (key: string, surfaces: Record<string, number>, kind: EntityKindName): KeyUsage => ({
    key,
    surfaces: new Map(Object.entries(surfaces)),
    kinds: new Map([[kind, Object.values(surfaces).reduce((a, b) => a + b, 0)]]),
  });

  test("a surname joins the one full name ending with it; a slip of spelling joins the more used", () => {
    const merged = mergeEntityKeys([
      usage("ramzan kadyrov", { "Ramzan Kadyrov": 2 }, "PERSON"),
      usage("kadyrov", { Kadyrov: 5 }, "OTHER"),
      usage("kadyrow", { Kadyrow: 1 }, "OTHER"),
      usage("volodymyr zelensky", { Zelensky: 4, Zelenskyy: 3 }, "PERSON"),
    ]);
    expect(merged).toEqual([
      {
        key: "ramzan kadyrov",
        name: "Ramzan Kadyrov",
        kind: "PERSON",
        aliases: ["Kadyrov", "Ramzan Kadyrov", "Kadyrow"],
        memberKeys: ["kadyrov", "ramzan kadyrov", "kadyrow"],
      },
      {
        key: "volodymyr zelensky",
        name: "Volodymyr Zelensky",
        kind: "PERSON",
        aliases: ["Zelensky", "Zelenskyy"],
        memberKeys: ["volodymyr zelensky"],
      },
    ]);
  });

  test("a place's last word joins the one place ending with it, never two, never a person", () => {
    const merged = mergeEntityKeys([
      usage("taiwan strait", { "Taiwan Strait": 2 }, "PLACE"),
      usage("strait", { Strait: 9 }, "PLACE"),
      usage("black sea", { "Black Sea": 2 }, "PLACE"),
      usage("red sea", { "Red Sea": 2 }, "PLACE"),
      usage("sea", { Sea: 4 }, "PLACE"),
      usage("george washington", { "George Washington": 2 }, "PERSON"),
      usage("washington", { Washington: 5 }, "PLACE"),
    ]);
    const members = Object.fromEntries(merged.map((m) => [m.key, m.memberKeys.sort()]));
    expect(members).toEqual({
      "taiwan strait": ["strait", "taiwan strait"],
      sea: ["sea"],
      "black sea": ["black sea"],
      "red sea": ["red sea"],
      washington: ["washington"],
      "george washington": ["george washington"],
    });
    expect(merged.find((m) => m.key === "taiwan strait")).toMatchObject({
      name: "Taiwan Strait",
      kind: "PLACE",
    });
  });

  test("a surname shared by two full names stays apart; short names never merge by spelling", () => {
    const merged = mergeEntityKeys([
      usage("ed miliband", { "Ed Miliband": 1 }, "PERSON"),
      usage("david miliband", { "David Miliband": 1 }, "PERSON"),
      usage("miliband", { Miliband: 3 }, "PERSON"),
      usage("iran", { Iran: 3 }, "PLACE"),
      usage("iraq", { Iraq: 3 }, "PLACE"),
    ]);
    expect(merged.map((m) => m.key).sort()).toEqual([
      "david miliband",
      "ed miliband",
      "iran",
      "iraq",
      "miliband",
    ]);
  });
});

describe("extractEntities leaves out weak guesses", () => {
  test("contractions, sentence-opening words and the publication's commenters", () => {
    const text = "Do you agree? I've read Victor on this. Honestly Kadyrov is the story, not Brussels.";
    expect(extractEntities(text, new Set(["victor"])).map((m) => m.surface)).toEqual(["Kadyrov", "Brussels"]);
  });
});
test("a shouted common word is not a name", () => {
  expect(extractEntities("This IS wrong, and Kadyrov knows it.").map((m) => m.surface)).toEqual(["Kadyrov"]);
});
