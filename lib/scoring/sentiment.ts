/**
 * Comment sentiment on AFINN-165 (the `sentiment` package's word and emoji lists) with the fixes the
 * package lacks: negation reaches up to three words and covers never/no/nothing/without..., it stops at a
 * clause boundary, "let alone" carries an open negation into the next clause, fixed phrases carry their
 * own value, plurals fall back to the singular, and emoji are scored.
 */
import { FAMILY_INDEX, SENTIMENT_PHRASE } from "./lexicons";
import type { Match } from "./phrase-matcher";
import { EMOJI, NUMBER, PUNCT, type Tokens, URL, WORD } from "./tokenize";

/** A token or phrase that moved the sentiment score. */
export interface SentimentHit {
  first: number;
  last: number;
  /** Contribution to the score, after negation and intensifiers. */
  value: number;
  /** The word's own polarity before negation. */
  raw: number;
  negated: boolean;
}

export interface SentimentAnalysis {
  score: number;
  comparative: number;
  /** Sum of positive and of (absolute) negative contributions. */
  positive: number;
  negative: number;
  negatedCount: number;
  /** Word, number and emoji tokens: the denominator of `comparative`. */
  scoredTokenCount: number;
  hits: SentimentHit[];
  /**
   * 1 for each token inside a negation scope (so cue families can discount "not great"). Scratch storage
   * shared by all calls: read it before the next call; entries past the token count are meaningless.
   */
  negatedTokens: Uint8Array;
}

const NEGATION_REACH = 3;
const LET_ALONE_REACH = 4;
/** A negated positive word turns negative but weaker; a negated negative only softens toward positive. */
const NEGATED_POSITIVE = -0.8;
const NEGATED_NEGATIVE = -0.4;
/** Under a sarcasm marker ("yeah right", "surprise, surprise") praise words read as mockery. */
const SARCASTIC_POSITIVE = -0.5;

function isSentenceEnd(norm: string): boolean {
  return norm === "." || norm === "!" || norm === "?" || norm === ";" || norm === ":";
}

let negationScratch = new Uint8Array(256);

function negationBuffer(size: number): Uint8Array {
  if (negationScratch.length < size)
    negationScratch = new Uint8Array(Math.max(size, negationScratch.length * 2));
  negationScratch.fill(0, 0, size);
  return negationScratch;
}

/** Hit objects recycled by calls with `reuse`, and the array those calls return as `hits`. */
const hitPool: SentimentHit[] = [];
const reusedHits: SentimentHit[] = [];

/** Running totals of one `analyzeSentiment` call (module state: no closure per call). */
const acc = {
  hits: reusedHits,
  reuse: false,
  sarcastic: false,
  intensity: 1,
  score: 0,
  positive: 0,
  negative: 0,
  negatedCount: 0,
};

function add(first: number, last: number, raw: number, negated: boolean): void {
  let value = raw * acc.intensity;
  if (acc.sarcastic && value > 0 && first === last) value *= SARCASTIC_POSITIVE;
  if (negated) {
    value *= value > 0 ? NEGATED_POSITIVE : NEGATED_NEGATIVE;
    acc.negatedCount++;
  }
  acc.intensity = 1;
  if (value === 0) return;
  acc.score += value;
  if (value > 0) acc.positive += value;
  else acc.negative -= value;
  const hits = acc.hits;
  if (acc.reuse) {
    const hit = hitPool[hits.length] ?? { first, last, value, raw, negated };
    hitPool[hits.length] = hit;
    hit.first = first;
    hit.last = last;
    hit.value = value;
    hit.raw = raw;
    hit.negated = negated;
    hits.push(hit);
  } else hits.push({ first, last, value, raw, negated });
}

/** With `reuse`, `hits` and its objects are recycled by the next call with `reuse` (read them before). */
export function analyzeSentiment(
  tokens: Tokens,
  matches: readonly Match[],
  reuse = false,
): SentimentAnalysis {
  // Matches come in order of first token: walk the sentiment phrases with a cursor.
  let cursor = 0;

  const hits: SentimentHit[] = reuse ? reusedHits : [];
  hits.length = 0;
  let scoredTokenCount = 0;
  let negLeft = 0;
  let clauseNegated = false;
  const negatedTokens = negationBuffer(tokens.count);

  let sarcastic = false;
  for (let i = 0; i < matches.length; i++) if (matches[i]?.family === FAMILY_INDEX.sarcasm) sarcastic = true;
  acc.hits = hits;
  acc.reuse = reuse;
  acc.sarcastic = sarcastic;
  acc.intensity = 1;
  acc.score = 0;
  acc.positive = 0;
  acc.negative = 0;
  acc.negatedCount = 0;

  for (let k = 0; k < tokens.count; k++) {
    const kind = tokens.kind[k];
    const norm = tokens.norm[k] ?? "";
    if (kind === PUNCT) {
      if (isSentenceEnd(norm)) {
        negLeft = 0;
        clauseNegated = false;
      } else if (norm === ",") negLeft = 0;
      continue;
    }
    if (kind === URL) continue;
    scoredTokenCount++;
    if (negLeft > 0) negatedTokens[k] = 1;
    // Skip matches that start earlier, and other families' matches starting here.
    for (let m = matches[cursor]; m !== undefined; m = matches[cursor]) {
      if (m.first > k || (m.first === k && m.family === SENTIMENT_PHRASE)) break;
      cursor++;
    }
    const candidate = matches[cursor];
    const phrase = candidate?.first === k && candidate.family === SENTIMENT_PHRASE ? candidate : undefined;
    if (phrase !== undefined) {
      if (norm === "let" && clauseNegated) negLeft = LET_ALONE_REACH;
      else {
        // "no reason to doubt", "nothing good": the phrase carries its value; its words are negated.
        if (tokens.info[k]?.negator) negatedTokens.fill(1, k, phrase.last + 1);
        add(phrase.first, phrase.last, phrase.value, false);
        negLeft = 0;
      }
      for (let j = k + 1; j <= phrase.last; j++) if (tokens.kind[j] !== PUNCT) scoredTokenCount++;
      k = phrase.last;
      continue;
    }
    const info = tokens.info[k];
    if (kind === WORD && info?.negator) {
      negLeft = NEGATION_REACH;
      clauseNegated = true;
      continue;
    }
    if (kind === WORD && info?.clauseBreaker) {
      negLeft = 0;
      clauseNegated = false;
      continue;
    }
    const boost = kind === WORD ? (info?.intensifier ?? 0) : 0;
    if (boost !== 0) {
      acc.intensity = boost;
      if (negLeft > 0) negLeft--;
      continue;
    }
    const value = kind === WORD || kind === EMOJI ? info?.sentiment : undefined;
    if (value !== undefined) add(k, k, value, negLeft > 0);
    else acc.intensity = 1;
    if ((kind === WORD || kind === NUMBER) && negLeft > 0) negLeft--;
  }
  const score = acc.score;
  return {
    score,
    comparative: scoredTokenCount > 0 ? score / scoredTokenCount : 0,
    positive: acc.positive,
    negative: acc.negative,
    negatedCount: acc.negatedCount,
    scoredTokenCount,
    hits,
    negatedTokens,
  };
}
