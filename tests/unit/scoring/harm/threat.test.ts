import { describe, expect, test } from "vitest";
import { detectThreat } from "@/lib/scoring/harm/threat";
import { HARM_THRESHOLDS } from "@/lib/scoring/harm/thresholds";
import { FLAG, signalOf } from "./support";

const T = HARM_THRESHOLDS.threat;

describe("detectThreat flags threats and harm wished on people", () => {
  test.each([
    ["a threat phrase", "I know where you live, and I know which car is yours."],
    ["a threat phrase about a group", "The generals deserve to hang for what they ordered."],
    ["harm wished after 'hope'", "If the committee signs this, I hope every one of them hangs."],
    [
      "harm called for after 'should'",
      "Every minister who voted for it should be strung up from a lamp post.",
    ],
    ["harm wished after an opening 'May'", "May the lot of them end up at the bottom of the sea."],
    ["regret that an attack failed, closing its sentence", "Pity they missed."],
    ["violence in a sentence with 'these people'", "These people want blood and they will get it."],
  ])("%s: %j", (_, text) => {
    expect(signalOf(detectThreat, text)).toBeGreaterThanOrEqual(FLAG);
  });

  test("a threat flags wherever it stands: reply, top level or unknown", () => {
    const text = "Say that to my face next time.";
    for (const where of ["reply", "top-level", "unknown"] as const)
      expect(signalOf(detectThreat, text, where)).toBeGreaterThanOrEqual(FLAG);
  });

  test("more threats in one comment raise the signal", () => {
    const one = signalOf(detectThreat, "They should be shot, the whole cabinet.");
    const two = signalOf(detectThreat, "They should be shot, the whole cabinet. Hang them all.");
    expect(one).toBeGreaterThanOrEqual(T.threatBase);
    expect(two).toBeGreaterThan(one);
    expect(two).toBeLessThanOrEqual(T.threatBase + T.threatGrowth);
  });
});

describe("detectThreat does not flag near misses", () => {
  test.each([
    ["a failed-attack phrase that goes on", "Pity they missed the last train home."],
    ["harm asked about, not wished", "Should they hang for it? No, a court should decide."],
    ["negated harm", "No one should be shot for writing a newspaper column."],
    ["reporting of violence", "The shelling killed forty people in the market, the ministry said."],
    [
      "a threat phrase quoted to be criticised",
      'The op-ed said the rebels "should be shot" and I find that chilling.',
    ],
    ["'May' asking, not wishing", "May I add one more source to the thread?"],
    ["'may' inside a sentence", "He may well lose the vote, and he deserves to."],
  ])("%s: %j", (_, text) => {
    expect(signalOf(detectThreat, text)).toBeLessThan(FLAG);
  });

  test.each([
    [
      "violence in a sentence with 'you' is worth a look, not a flag",
      "You talk about bombing cities as if it were a board game.",
      T.violenceAtPerson,
    ],
    [
      "violence in a sentence with a group name",
      "The massacre of Kurds at Halabja is still denied by some.",
      T.violenceAtPerson,
    ],
    ["no violence at all", "The treaty was signed in Riga in 1921.", 0],
  ])("%s: %j has level %d", (_, text, level) => {
    expect(signalOf(detectThreat, text)).toBe(level);
  });

  test("violence words alone stay far below a flag however many there are", () => {
    const report =
      "Bombing, shelling and killing went on all week; the dead were counted after the massacre.";
    const level = signalOf(detectThreat, report);
    expect(level).toBeGreaterThan(0);
    expect(level).toBeLessThan(T.violenceAtPerson);
  });
});
