/**
 * Lexicons compiled once at module load: a token trie for every cue phrase and sentiment phrase, plus
 * lookup maps. Nothing here is rebuilt per comment.
 */
import { createRequire } from "node:module";
import { HARM_LEXICON } from "./harm-lexicon";
import { singular } from "./lemma";
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
// Sentence and opening family sets are 32-bit masks (`1 << family`).
if (FAMILY_COUNT > 32) throw new Error("at most 32 cue families fit the per-sentence bit masks");
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
  // Keyed by singular, and matched by the singular of each token, so "idiots" finds "idiot".
  for (const part of phraseTokens(phrase).map(singular)) {
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
  HARM_LEXICON,
  afinn,
  emoji,
};

/** Everything the scorer needs to know about one token, found with a single map lookup. */
export interface WordInfo {
  /** The word's singular, the key it is matched by inside phrases. */
  lemma: string;
  /** Trie node after this token's singular from the root (phrases starting with it). */
  trie: TrieNode | undefined;
  sentiment: number | undefined;
  negator: boolean;
  clauseBreaker: boolean;
  /** Multiplier for the next sentiment word, 0 when not an intensifier. */
  intensifier: number;
  english: boolean;
}

/**
 * Facts of a word no lexicon knows. Not frozen on purpose: it must share the hidden class of every other
 * WordInfo so the per-token property reads stay monomorphic. Never mutate it.
 */
export const NO_INFO: WordInfo = {
  lemma: "",
  trie: undefined,
  sentiment: undefined,
  negator: false,
  clauseBreaker: false,
  intensifier: 0,
  english: false,
};

function exactInfo(word: string): WordInfo {
  const lemma = singular(word);
  return {
    lemma,
    trie: TRIE.next.get(lemma),
    sentiment: WORD_SENTIMENT.get(word),
    negator: NEGATOR_SET.has(word),
    clauseBreaker: CLAUSE_BREAKER_SET.has(word),
    intensifier: INTENSIFIER_MAP.get(word) ?? 0,
    english: ENGLISH_WORD_SET.has(word),
  };
}

function buildVocabulary(): Map<string, WordInfo> {
  const words = new Set<string>([
    ...TRIE.next.keys(),
    ...WORD_SENTIMENT.keys(),
    ...NEGATOR_SET,
    ...CLAUSE_BREAKER_SET,
    ...INTENSIFIER_MAP.keys(),
    ...ENGLISH_WORD_SET,
  ]);
  const vocabulary = new Map<string, WordInfo>();
  for (const w of words) vocabulary.set(w, exactInfo(w));
  // A listed plural ("lies") also inherits what its singular ("lie") knows, as an unlisted plural does.
  for (const [w, info] of vocabulary) {
    const s = singular(w);
    if (s === w) continue;
    const base = vocabulary.get(s) ?? exactInfo(s);
    info.sentiment ??= base.sentiment;
  }
  return vocabulary;
}

const VOCABULARY: ReadonlyMap<string, WordInfo> = buildVocabulary();

/** Facts about a known word (exact normalised form), or undefined. */
export function lookupWord(norm: string): WordInfo | undefined {
  return VOCABULARY.get(norm);
}
