import { describe, expect, test } from "vitest";
import { detectDoxxing } from "@/lib/scoring/harm/doxxing";
import { HARM_THRESHOLDS } from "@/lib/scoring/harm/thresholds";
import { FLAG, signalOf } from "./support";

const T = HARM_THRESHOLDS.doxxing;

describe("detectDoxxing", () => {
  test.each([
    [
      "an e-mail address",
      "Write to him at j.doe@example.com and tell him what you think.",
      T.contactOrStreetAddress,
    ],
    ["a phone number", "Her number is 555-201-7788, call her tonight.", T.contactOrStreetAddress],
    [
      "a street address where someone lives",
      "He lives at 41 Alder Grove Road, go and tell him.",
      T.contactOrStreetAddress,
    ],
    ["a European street address", "She lives at Lindenstraße 12, the blue door.", T.contactOrStreetAddress],
    ["talk of a home address", "Someone posted her home address in the other thread.", T.addressTalk],
  ])("%s: %j", (_, text, level) => {
    expect(signalOf(detectDoxxing, text)).toBe(level);
    expect(level).toBeGreaterThanOrEqual(FLAG);
  });

  test.each([
    ["a street address in the news", "The embassy at 12 Market Street was closed on Monday."],
    ["a date", "The treaty was signed on 14 March 1921 in Riga."],
    [
      "numbers that are not a phone number",
      "The hotline would reopen in 2025 after 300 complaints, they said.",
    ],
    ["an address of a speech", "The president's address to the nation was short."],
  ])("does not flag %s: %j", (_, text) => {
    expect(signalOf(detectDoxxing, text)).toBe(0);
  });
});
