/**
 * Finds every lexicon phrase in a token stream by walking the precompiled trie from each token, so the
 * cost is linear in the text and independent of lexicon size. Commas, quotes and brackets inside a
 * phrase are skipped; sentence punctuation is not (phrases do not cross sentences unless they list it).
 */
import { FAMILY_COUNT, TRIE, type TrieNode } from "./lexicons";
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
const touched: number[] = [];
/** Indices of the tokens phrases are matched over (skippable punctuation left out). */
const view: number[] = [];

function step(node: TrieNode, tokens: Tokens, k: number): TrieNode | undefined {
  if (node === TRIE) return tokens.info[k]?.trie;
  return node.next.get(tokens.lemma[k] ?? "");
}

/** Matches in order of first token; within a family, matches never nest (the longest wins). */
export function matchPhrases(tokens: Tokens): Match[] {
  const matches: Match[] = [];
  let viewLength = 0;
  for (let k = 0; k < tokens.count; k++) {
    if (tokens.kind[k] === PUNCT && SKIPPED_PUNCT.has(tokens.norm[k] ?? "")) continue;
    view[viewLength++] = k;
  }
  familyEnd.fill(-1);
  for (let i = 0; i < viewLength; i++) {
    const firstInfo = tokens.info[view[i] ?? 0];
    if (firstInfo?.trie === undefined) continue;
    let node: TrieNode | undefined = TRIE;
    touched.length = 0;
    for (let j = i; j < viewLength; j++) {
      const k = view[j] ?? 0;
      node = step(node, tokens, k);
      if (node === undefined) break;
      if (node.hits === null) continue;
      for (const hit of node.hits) {
        if (bestLast[hit.family] === -2) touched.push(hit.family);
        bestLast[hit.family] = k;
        bestValue[hit.family] = hit.value;
      }
    }
    const first = view[i] ?? 0;
    for (const family of touched) {
      const last = bestLast[family] ?? -2;
      if (last > (familyEnd[family] ?? -1)) {
        matches.push({ family, first, last, value: bestValue[family] ?? 0 });
        familyEnd[family] = last;
      }
      bestLast[family] = -2;
    }
  }
  return matches;
}
