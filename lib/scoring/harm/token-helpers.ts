/**
 * Token-level helpers shared by the harm detectors. They only read the Analysis (its tokens, lexicon
 * matches and per-sentence family masks); per comment, only `questionSentences` and `matchKey` of a
 * multi-word phrase allocate.
 */
import type { Analysis } from "../analyze";
import { HARM_LEXICON } from "../harm-lexicon";
import { singular } from "../lemma";
import { LEXICON } from "../lexicon-data";
import { FAMILY_INDEX, phraseTokens } from "../lexicons";
import type { Match } from "../phrase-matcher";
import { PUNCT } from "../tokenize";

export const F = FAMILY_INDEX;

/** Families that insult whoever they are said of. */
const ABUSIVE = (1 << F.insult) | (1 << F.slur) | (1 << F.dehumanizing);
/** Abuse or contempt. */
export const HOSTILE = ABUSIVE | (1 << F.contempt);
/** Thanks or praise: a sentence with them is not abuse. */
export const WARM = (1 << F.thanks) | (1 << F.praise);

export const SECOND_PERSON: ReadonlySet<string> = new Set(HARM_LEXICON.secondPerson);

/** Matches of a family (`F.insult`...) in the comment: `count` of analyze.ts by index, without a name lookup. */
export function matchCount(a: Analysis, family: number): number {
  return a.familyCounts[family] ?? 0;
}

/** 1 - e^(-x): 0 for no evidence, approaching 1 as evidence accumulates. */
export function saturate(x: number): number {
  return x <= 0 ? 0 : 1 - Math.exp(-x);
}

/** The token is inside a negation scope ("nobody should be shot", "not vermin"). */
export function isNegated(a: Analysis, k: number): boolean {
  return a.sentiment.negatedTokens[k] === 1;
}

/** The families present in token `k`'s sentence (bit mask). */
export function familiesAround(a: Analysis, k: number): number {
  return a.sentenceFamilies[a.sentenceOf[k] ?? 0] ?? 0;
}

/** The normalised token `k`, or "" past the comment's end (token arrays are recycled between comments). */
export function normAt(a: Analysis, k: number): string {
  return k >= 0 && k < a.tokens.count ? (a.tokens.norm[k] ?? "") : "";
}

/** An othering phrase that names the people addressed ("you people", "go back where you came from"). */
export function addressesYou(a: Analysis, m: Match): boolean {
  for (let k = m.first; k <= m.last; k++) if (SECOND_PERSON.has(a.tokens.norm[k] ?? "")) return true;
  return false;
}

/**
 * Per sentence, 1 when it ends in a question mark ("should they hang for it?" asks), in one pass.
 * Allocates: call it only once a comment needs it.
 */
export function questionSentences(a: Analysis): Uint8Array {
  const { tokens, sentenceOf } = a;
  const asks = new Uint8Array(a.sentenceFamilies.length + 1);
  for (let k = 0; k < tokens.count; k++) {
    const last = k + 1 >= tokens.count || sentenceOf[k + 1] !== sentenceOf[k];
    if (last && tokens.norm[k] === "?") asks[sentenceOf[k] ?? 0] = 1;
  }
  return asks;
}

/** The singular forms of a match's words (skipped punctuation left out), e.g. "not a real nation". */
export function matchKey(a: Analysis, m: Match): string {
  const { tokens } = a;
  if (m.first === m.last) return tokens.lemma[m.first] ?? "";
  const words: string[] = [];
  for (let k = m.first; k <= m.last; k++) if (tokens.kind[k] !== PUNCT) words.push(tokens.lemma[k] ?? "");
  return words.join(" ");
}

/**
 * Keys phrases the way `matchKey` keys a match (its words' singular forms). Each must be in the lexicon's
 * dehumanising family, or no match could ever carry it: a phrase missing there fails at load.
 */
export function dehumanizingPhraseKeys(phrases: readonly string[]): ReadonlySet<string> {
  const key = (p: string) => phraseTokens(p).map(singular).join(" ");
  const lexicon = new Set(LEXICON.dehumanizing.map(key));
  const missing = phrases.filter((p) => !lexicon.has(key(p)));
  if (missing.length > 0) throw new Error(`not in the dehumanizing lexicon: ${missing.join(", ")}`);
  return new Set(phrases.map(key));
}

/** Whole-word, case-insensitive alternatives of a lexicon list as one regular expression. */
export function wordPattern(alternatives: readonly string[]): RegExp {
  return new RegExp(`\\b(${alternatives.join("|")})\\b`, "i");
}
