import { describe, expect, test } from "vitest";
import { analyze } from "@/lib/scoring/analyze";
import { detectHarms, type HarmSignals, ruleFlag, storedSignals } from "@/lib/scoring/harm";
import { HARM_CATEGORIES, type HarmCategory } from "@/lib/scoring/types";
import { FLAG } from "./support";

const QUIET: HarmSignals = {
  insult: 0,
  profanity: 0,
  threat: 0,
  identityAttack: 0,
  commenterAbuse: 0,
  spam: 0,
  doxxing: 0,
};

/** The signal each harm category is decided on. */
const CATEGORY_SIGNALS: readonly [HarmCategory, keyof HarmSignals][] = [
  ["threat", "threat"],
  ["identity-attack", "identityAttack"],
  ["personal-abuse", "commenterAbuse"],
  ["spam", "spam"],
  ["doxxing", "doxxing"],
];

describe("ruleFlag: every category whose signal reaches the threshold", () => {
  test.each<[string, Partial<HarmSignals>, string[]]>([
    ["nothing", {}, []],
    ["a threat at the threshold", { threat: FLAG }, ["threat"]],
    ["a threat just under it", { threat: FLAG - 0.001 }, []],
    ["abuse of the person addressed", { commenterAbuse: 0.75 }, ["personal-abuse"]],
    ["insult and profanity never flag on their own", { insult: 1, profanity: 1 }, []],
    [
      "several categories, in HARM_CATEGORIES order",
      { doxxing: 0.6, threat: 0.9, spam: 0.5, identityAttack: 0.6, commenterAbuse: 0.5 },
      ["threat", "identity-attack", "personal-abuse", "spam", "doxxing"],
    ],
  ])("%s", (_, signals, reasons) => {
    expect(ruleFlag({ ...QUIET, ...signals })).toEqual({ flag: reasons.length > 0, reasons });
  });

  test.each(CATEGORY_SIGNALS)("%s is decided on the %s signal alone", (category, signal) => {
    expect(ruleFlag({ ...QUIET, [signal]: FLAG })).toEqual({ flag: true, reasons: [category] });
  });

  test("every harm category has its signal above, in order", () => {
    expect(CATEGORY_SIGNALS.map(([category]) => category)).toEqual([...HARM_CATEGORIES]);
  });
});

describe("detectHarms", () => {
  test("returns every detector's signal, rounded to thousandths and within [0, 1]", () => {
    const h = detectHarms(
      analyze("You people are vermin and I know where you live. Click here https://spam.example.test/x", {
        isReply: true,
      }),
    );
    expect(Object.keys(h)).toEqual(Object.keys(QUIET));
    for (const v of Object.values(h)) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
      expect(Math.round(v * 1000) / 1000).toBe(v);
    }
    expect(ruleFlag(h).reasons).toEqual(["threat", "identity-attack", "personal-abuse", "spam"]);
  });

  test("a civil comment raises no signal", () => {
    expect(
      detectHarms(analyze("Thanks for the clear piece on the grain corridor.", { isReply: false })),
    ).toEqual(QUIET);
  });

  test("the stored signals are the four a Score keeps", () => {
    const stored = storedSignals({
      ...QUIET,
      insult: 0.2,
      profanity: 0.3,
      threat: 0.4,
      identityAttack: 0.5,
      spam: 1,
    });
    expect(stored).toEqual({ insult: 0.2, profanity: 0.3, threat: 0.4, identityAttack: 0.5 });
  });
});
