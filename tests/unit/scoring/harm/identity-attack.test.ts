import { describe, expect, test } from "vitest";
import { detectIdentityAttack } from "@/lib/scoring/harm/identity-attack";
import { HARM_THRESHOLDS } from "@/lib/scoring/harm/thresholds";
import { dehumanizingPhraseKeys } from "@/lib/scoring/harm/token-helpers";
import { HARM_LEXICON } from "@/lib/scoring/harm-lexicon";
import { FLAG, signalOf } from "./support";

const T = HARM_THRESHOLDS.identityAttack;

describe("detectIdentityAttack flags attacks on people for who they are", () => {
  test.each([
    ["a slur", "Another libtard talking point, right on schedule."],
    ["a dehumanising word about a named group", "Refugees are vermin and should be treated as such."],
    ["a dehumanising word a sentence after the group", "The refugees keep coming. Vermin, all of it."],
    ["a generalisation with an insult", "All immigrants are liars and thieves."],
    ["told to leave the country", "If you don't like the parliament, go back to where you came from."],
    ["'those people' with strong contempt", "Those people are garbage, every one of them."],
    ["a strong dehumanising word said of 'they'", "They are rats, nothing more."],
    ["a dehumanising word said of voters", "The senator's voters are subhumans."],
    ["a name that dehumanises a whole people", "Vatniks will believe anything the television tells them."],
    ["migrants framed as an invading army", "An army of illegals is crossing our border every night."],
    ["'these people' with a dehumanising word", "These people breed like rabbits and vote like sheep."],
  ])("%s: %j", (_, text) => {
    expect(signalOf(detectIdentityAttack, text)).toBeGreaterThanOrEqual(FLAG);
  });

  test("a slur stands above every other evidence", () => {
    expect(
      signalOf(detectIdentityAttack, "Another libtard talking point, right on schedule."),
    ).toBeGreaterThanOrEqual(T.slurBase);
  });
});

describe("detectIdentityAttack does not flag near misses", () => {
  test.each([
    ["insults of a public figure", "The minister is a coward and a liar."],
    ["an insult of a ruler beside a group", "The women of Iran deserve better than that creep in Tehran."],
    ["'those people' with mere disagreement", "Those people are wrong about the tariff, and I will say so."],
    ["officials lumped together, no group named", "Crooks, all of them, from the chancellor down."],
    [
      "a slur quoted to be criticised",
      'Calling people "libtard" says more about the speaker than about them.',
    ],
    ["a dehumanising word quoted to be criticised", 'Calling refugees "vermin" is how every pogrom started.'],
    ["a group in neutral reporting", "The report counts how many migrants crossed the border this spring."],
    [
      "a group named with praise",
      "The immigrants I taught last year were the hardest working students I have had.",
    ],
    ["an invasion in history", "The invasion of Normandy began at dawn."],
    ["a group in history", "Serbs and Croats fought over the same valley for centuries."],
  ])("%s: %j", (_, text) => {
    expect(signalOf(detectIdentityAttack, text)).toBeLessThan(FLAG);
  });

  test.each([
    [
      "'those people' without contempt",
      "Those people are wrong about the tariff, and I will say so.",
      T.groupContempt,
    ],
    [
      "officials lumped together, no group named",
      "Crooks, all of them, from the chancellor down.",
      T.otheredInsulted,
    ],
    ["nothing about a group", "The central bank raised rates again.", 0],
  ])("%s: %j has level %d", (_, text, level) => {
    expect(signalOf(detectIdentityAttack, text)).toBe(level);
  });

  test("reply or top level does not matter", () => {
    const text = "All immigrants are liars and thieves.";
    expect(signalOf(detectIdentityAttack, text, "reply")).toBe(
      signalOf(detectIdentityAttack, text, "top-level"),
    );
  });
});

describe("the dehumanising word lists", () => {
  test("every dehumanising group name is also a strong dehumanising word (checked first)", () => {
    const strong = dehumanizingPhraseKeys(HARM_LEXICON.strongDehumanizing);
    for (const key of dehumanizingPhraseKeys(HARM_LEXICON.dehumanizingGroupNames))
      expect(strong).toContain(key);
  });

  test("a phrase missing from the lexicon's dehumanising family fails at load", () => {
    expect(() => dehumanizingPhraseKeys(["kind neighbours"])).toThrow(/kind neighbours/);
  });
});
