/**
 * Lexicons compiled once at module load: a token trie for every cue phrase and sentiment phrase, plus
 * lookup maps. Nothing here is rebuilt per comment.
 */
import { createRequire } from "node:module";
import {
  AFINN_OVERRIDES,
  CLAUSE_BREAKERS,
  ENGLISH_FUNCTION_WORDS,
  FAMILIES,
  type Family,
  LEXICON,
  NEGATORS,
  SENTIMENT_INTENSIFIERS,
  SENTIMENT_PHRASES,
} from "./lexicon-data";

export const FAMILY_COUNT = FAMILIES.length;
/** Pseudo-family index of sentiment phrases in the trie. */
export const SENTIMENT_PHRASE = FAMILY_COUNT;

export const FAMILY_INDEX: Readonly<Record<Family, number>> = Object.fromEntries(
  FAMILIES.map((f, i) => [f, i]),
) as Record<Family, number>;

export interface TrieHit {
  family: number;
  /** Sentiment value for SENTIMENT_PHRASE hits, 1 otherwise. */
  value: number;
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  hits: TrieHit[] | null;
}

function newNode(): TrieNode {
  return { next: new Map(), hits: null };
}

/** Splits a lexicon phrase into tokens the way the tokeniser would (words, `?`, `%`, emoji). */
export function phraseTokens(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .replace(/([?%])/g, " $1 ")
    .split(/\s+/)
    .filter((p) => p.length > 0);
}

function insert(root: TrieNode, phrase: string, hit: TrieHit): void {
  let node = root;
  for (const part of phraseTokens(phrase)) {
    let child = node.next.get(part);
    if (!child) {
      child = newNode();
      node.next.set(part, child);
    }
    node = child;
  }
  node.hits ??= [];
  if (!node.hits.some((h) => h.family === hit.family)) node.hits.push(hit);
}

function buildTrie(): TrieNode {
  const root = newNode();
  for (const family of FAMILIES) {
    for (const phrase of LEXICON[family]) insert(root, phrase, { family: FAMILY_INDEX[family], value: 1 });
  }
  for (const [phrase, value] of Object.entries(SENTIMENT_PHRASES)) {
    insert(root, phrase, { family: SENTIMENT_PHRASE, value });
  }
  return root;
}

export const TRIE: TrieNode = buildTrie();

// Loaded with require: an ESM JSON import of the AFINN file trips over keys that are reserved words.
const requireJson = createRequire(import.meta.url);
const afinn = requireJson("sentiment/languages/en/labels.json") as Record<string, number>;
const emoji = requireJson("sentiment/build/emoji.json") as Record<string, number>;

/** AFINN-165 with the package's emoji scores and our corrections; phrases are handled by the trie. */
export const WORD_SENTIMENT: ReadonlyMap<string, number> = new Map<string, number>([
  ...Object.entries(afinn).filter(([w]) => !w.includes(" ")),
  ...Object.entries(emoji),
  ...Object.entries(AFINN_OVERRIDES),
]);

export const NEGATOR_SET: ReadonlySet<string> = new Set(NEGATORS);
export const CLAUSE_BREAKER_SET: ReadonlySet<string> = new Set(CLAUSE_BREAKERS);
export const INTENSIFIER_MAP: ReadonlyMap<string, number> = new Map(Object.entries(SENTIMENT_INTENSIFIERS));
export const ENGLISH_WORD_SET: ReadonlySet<string> = new Set(ENGLISH_FUNCTION_WORDS);

/** Everything the scorer's output depends on besides code, for the version hash. */
export const LEXICON_DATA_FOR_HASH: unknown = {
  LEXICON,
  SENTIMENT_PHRASES,
  AFINN_OVERRIDES,
  NEGATORS,
  CLAUSE_BREAKERS,
  SENTIMENT_INTENSIFIERS,
  ENGLISH_FUNCTION_WORDS,
  afinn,
  emoji,
};
