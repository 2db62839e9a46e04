/** Spam: advertising cues ("click here", "work from home") with links, many links, get-rich earnings claims. */
import type { Analysis } from "../analyze";
import { HARM_THRESHOLDS } from "./thresholds";
import { F, matchCount, saturate } from "./token-helpers";

const T = HARM_THRESHOLDS.spam;

/** A bare web address without a scheme ("shop.example/deal", "amzn.to/x"), which the tokeniser keeps as words. */
const BARE_LINK =
  /\b[a-z0-9-]+\.(?:com|net|org|shop|store|work|biz|info|io|co|xyz|online|site|club|to|ly|me|app)\b(?:\/\S*)?/i;
/** "$400 a day", "$8,400 last month": the earnings claims of get-rich spam. */
const MONEY_CLAIM = /\$\s?\d[\d,.]*\s*(?:k\b)?\s*(?:a|per|\/|every|last|each)\s*(?:day|week|month|hour)/i;

/** 0..1; the substring checks keep the regexes off the hot path for nearly every comment. */
export function detectSpam(a: Analysis): number {
  const cues = matchCount(a, F.spam);
  const moneyClaim = a.text.includes("$") && MONEY_CLAIM.test(a.text);
  const linked = a.urlCount > 0 || (cues > 0 && a.text.includes(".") && BARE_LINK.test(a.text));
  return saturate(
    T.cueWeight * cues +
      (cues > 0 && linked ? T.linkedCue : 0) +
      (a.urlCount >= T.manyLinks ? T.manyLinksWeight : 0) +
      (moneyClaim ? T.moneyClaim : 0),
  );
}
