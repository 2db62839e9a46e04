/**
 * Finds every lexicon phrase in a token stream by walking the precompiled trie from each token, so the
 * cost is linear in the text and independent of lexicon size. Commas, quotes and brackets inside a
 * phrase are skipped; sentence punctuation is not (phrases do not cross sentences unless they list it).
 */
import { FAMILY_COUNT, type TrieHit, type TrieNode } from "./lexicons";
import { PUNCT, type Tokens } from "./tokenize";

export interface Match {
  /** Family index (see FAMILIES), or SENTIMENT_PHRASE. */
  family: number;
  /** First and last token index (inclusive) in the Tokens arrays. */
  first: number;
  last: number;
  value: number;
}

const SKIPPED_PUNCT = new Set([",", '"', "'", "(", ")", "[", "]", "*", "-"]);

// Reused across calls: scoring is synchronous, so one buffer per module is safe.
const familyEnd = new Int32Array(FAMILY_COUNT + 1);
const bestLast = new Int32Array(FAMILY_COUNT + 1).fill(-2);
const bestValue = new Float64Array(FAMILY_COUNT + 1);
const touched = new Int32Array(FAMILY_COUNT + 1);
/** Indices of the tokens phrases are matched over (skippable punctuation left out). */
let view = new Int32Array(256);
/** Match objects recycled by `matchPhrases(tokens, true)`, and the array it returns then. */
const pool: Match[] = [];
const reused: Match[] = [];

function isSkippedPunct(norm: string): boolean {
  return norm.length === 1 && SKIPPED_PUNCT.has(norm);
}

/**
 * Matches in order of first token; within a family, matches never nest (the longest wins). With `reuse`,
 * the returned array and its objects are recycled by the next call with `reuse` (read them before then).
 */
export function matchPhrases(tokens: Tokens, reuse = false): Match[] {
  const matches: Match[] = reuse ? reused : [];
  matches.length = 0;
  if (view.length < tokens.count) view = new Int32Array(Math.max(tokens.count, view.length * 2));
  const { kind, norm, lemma, info } = tokens;
  let viewLength = 0;
  for (let k = 0; k < tokens.count; k++) {
    if (kind[k] === PUNCT && isSkippedPunct(norm[k] ?? "")) continue;
    view[viewLength++] = k;
  }
  familyEnd.fill(-1);
  for (let i = 0; i < viewLength; i++) {
    const first = view[i] ?? 0;
    let node: TrieNode | undefined = info[first]?.trie;
    if (node === undefined) continue;
    let touchedCount = 0;
    for (let j = i; ; ) {
      const k = view[j] ?? 0;
      const hits = node.hits;
      if (hits !== null) {
        for (let h = 0; h < hits.length; h++) {
          const hit = hits[h] as TrieHit;
          if (bestLast[hit.family] === -2) touched[touchedCount++] = hit.family;
          bestLast[hit.family] = k;
          bestValue[hit.family] = hit.value;
        }
      }
      if (++j >= viewLength || node.next.size === 0) break;
      node = node.next.get(lemma[view[j] ?? 0] ?? "");
      if (node === undefined) break;
    }
    for (let t = 0; t < touchedCount; t++) {
      const family = touched[t] ?? 0;
      const last = bestLast[family] ?? -2;
      if (last > (familyEnd[family] ?? -1)) {
        const value = bestValue[family] ?? 0;
        let m: Match;
        if (reuse) {
          m = pool[matches.length] ?? { family, first, last, value };
          pool[matches.length] = m;
          m.family = family;
          m.first = first;
          m.last = last;
          m.value = value;
        } else m = { family, first, last, value };
        matches.push(m);
        familyEnd[family] = last;
      }
      bestLast[family] = -2;
    }
  }
  return matches;
}
