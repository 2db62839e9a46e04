import { describe, expect, test } from "vitest";
import { parseModerationSettings } from "@/lib/moderation";
import { bannedWordsRule } from "@/lib/moderation/rules/banned-words";
import { makeInput } from "./make-input";

const settings = parseModerationSettings({
  bannedWords: [
    "idiot*",
    "stupid",
    "ass",
    "shit",
    "hell",
    "don't",
    "go back to where",
    "crétin",
    "🖕",
    "Straße",
    "バカ",
  ],
});

function matched(text: string): string | null {
  return bannedWordsRule(makeInput({ text }), settings)?.matchedText ?? null;
}

describe("banned-words rule", () => {
  test.each([
    ["a plain word", "What a stupid take.", "stupid"],
    ["upper case", "WHAT A STUPID TAKE", "STUPID"],
    ["a wildcard suffix", "Only idiots believe this.", "idiots"],
    ["a wildcard with zero letters", "You idiot!", "idiot"],
    ["a possessive", "That idiot's argument fails.", "idiot"],
    ["repeated letters", "so stuuuuupid", "stuuuuupid"],
    ["dots inside the word", "you i.d.i.o.t", "i.d.i.o.t"],
    ["dashes and underscores inside", "you i-d-i_o-t", "i-d-i_o-t"],
    ["letters spelled out with spaces", "you are an I D I O T", "I D I O T"],
    ["leetspeak digits", "total 1d10t", "1d10t"],
    ["leetspeak with 3", "what a stup1d post, 5tup1d", "stup1d"],
    ["dollar signs", "kiss my a$$", "a$$"],
    ["an exclamation mark inside", "this is sh!t", "sh!t"],
    ["a leading dollar sign", "$hit happens", "$hit"],
    ["an @ for a", "you @$$", "@$$"],
    ["a multi-word phrase", "Go back to where you came from", "Go back to where"],
    ["a phrase with extra spacing and punctuation", "go  back... to where", "go  back... to where"],
    ["a precomposed accent in the list", "Quel crétin.", "crétin"],
    ["an accent missing from the comment", "quel cretin", "cretin"],
    ["an accent added as an evasion", "you ïdiot", "ïdiot"],
    ["a combining accent", "you i\u0308diot", "i\u0308diot"],
    ["a zero-width space inside", "you id\u200Biot", "id\u200Biot"],
    ["a soft hyphen inside", "so stu\u00ADpid", "stu\u00ADpid"],
    ["fullwidth letters", "ｓｔｕｐｉｄ take", "ｓｔｕｐｉｄ"],
    ["mathematical bold letters", "𝐬𝐭𝐮𝐩𝐢𝐝 take", "𝐬𝐭𝐮𝐩𝐢𝐝"],
    ["a Cyrillic look-alike letter", "ѕtupid take", "ѕtupid"],
    ["ß spelled ss", "STRASSE", "STRASSE"],
    ["an emoji entry", "here is my answer 🖕🖕", "🖕"],
    ["an entry with an apostrophe", "I don't care", "don't"],
    ["an entry with an apostrophe, typed without", "I dont care", "dont"],
    ["an entry with an apostrophe, typed curly", "I DON’T care", "DON’T"],
    ["a word next to emoji", "😡idiot😡", "idiot"],
    ["an emoji inside the word", "you id🤡iot", "id🤡iot"],
    ["Japanese without spaces", "お前はバカだ", "バカ"],
    ["a word glued to the next sentence", "He is an idiot.Really.", "idiot"],
  ])("matches %s", (_label, text, expected) => {
    expect(matched(text)).toBe(expected);
  });

  test.each([
    ["empty text", ""],
    ["only whitespace", "   \n "],
    ["only emoji", "😀👍"],
    ["a word containing a banned word", "The class assignment was hard."],
    ["a longer word starting with one", "stupidity is not a crime"],
    ["a banned word split across two words", "that's hit or miss"],
    ["letters of a banned word spread over real words", "Mrs Hit plays bass"],
    ["a place name", "Scunthorpe and Essex"],
    ["a contraction spelling a banned word", "He'll see, she’ll see."],
    ["numbers alone are not leetspeak", "It cost $5 in 2026, 100% sure."],
    ["an exclamation mark after a word", "Stupendous!"],
    ["a partial phrase", "go back to work"],
    ["a handle that contains a word", "@stupidfan thanks"],
  ])("does not match %s", (_label, text) => {
    expect(matched(text)).toBeNull();
  });

  test("rejects and names the list entry and the matched text", () => {
    expect(bannedWordsRule(makeInput({ text: "Classic IDIOTS." }), settings)).toEqual({
      rule: "banned-words",
      action: "reject",
      reason: "BANNED_WORD",
      matchedText: "IDIOTS",
      detail: 'Banned word "idiot*" matched "IDIOTS".',
    });
  });

  test("reports the first occurrence in the comment", () => {
    expect(matched("stupid and an idiot")).toBe("stupid");
    expect(matched("an idiot and stupid")).toBe("idiot");
  });

  test("an empty list never fires", () => {
    const none = parseModerationSettings({});
    expect(bannedWordsRule(makeInput({ text: "idiot" }), none)).toBeNull();
  });
});
