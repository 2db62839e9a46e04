/**
 * Word n-gram features: the lemmas of a comment's words and the pairs of neighbouring ones, with numbers,
 * question marks, exclamation marks and quote marks kept as tokens of their own ("<num>", "?") and a
 * sentence start marker, so "<s> yawn" and "right ?" are features. The vocabulary is learned in training
 * (grams seen in at least two training comments) and shipped in the weights file; grams outside it are
 * ignored. Each comment's grams count once and share a total weight of one (value 1/sqrt(n) each), so
 * long comments do not dominate.
 */
import { NUMBER, PUNCT, type Tokens, WORD } from "./tokenize";

const START = "<s>";
const NUM = "<num>";
/** Punctuation that carries tone ("?", "!", quotes); other punctuation is skipped, a full stop restarts. */
const KEPT_PUNCT: ReadonlySet<string> = new Set(["?", "!", '"']);
const SENTENCE_END: ReadonlySet<string> = new Set([".", "?", "!"]);
const QUESTION = 63;
const EXCLAMATION = 33;
const QUOTE = 34;
const FULL_STOP = 46;

/** The gram's unit for token `k`, or null when the token is skipped. */
function unit(tokens: Tokens, k: number): string | null {
  const kind = tokens.kind[k];
  if (kind === WORD) return tokens.lemma[k] ?? null;
  if (kind === NUMBER) return NUM;
  if (kind === PUNCT) {
    const norm = tokens.norm[k] ?? "";
    return KEPT_PUNCT.has(norm) ? norm : null;
  }
  return null;
}

/**
 * Every gram of a comment as text ("word" and "previous word"), in order, duplicates included: used in
 * training to build the vocabulary. Scoring uses `NgramIndex.collect`, which needs no strings.
 */
export function gramStrings(tokens: Tokens): string[] {
  const out: string[] = [];
  let prev = START;
  for (let k = 0; k < tokens.count; k++) {
    const u = unit(tokens, k);
    if (u === null) {
      if (tokens.kind[k] === PUNCT && SENTENCE_END.has(tokens.norm[k] ?? "")) prev = START;
      continue;
    }
    out.push(u, `${prev} ${u}`);
    prev = SENTENCE_END.has(u) ? START : u;
  }
  return out;
}

/**
 * A compiled vocabulary: unigrams by text, bigrams by the pair of their unigram ids (a bigram seen twice
 * has both words seen twice, so both are in the vocabulary). `collect` fills a reused buffer with the
 * distinct gram ids of a comment without allocating.
 */
export class NgramIndex {
  readonly size: number;
  private readonly unigrams = new Map<string, number>();
  /** Bigram ids by packed key, an open-addressing table (faster than a Map on the hot path). */
  private readonly bigramKeys: Int32Array;
  private readonly bigramIds: Int32Array;
  private readonly bigramMask: number;
  /** Multiplier that packs a pair of unigram ids into one bigram key. */
  private readonly unigramCount: number;
  private readonly startId: number;
  /** Ids of the special units (-1 when the vocabulary lacks them). */
  private readonly numberId: number;
  private readonly questionId: number;
  private readonly exclamationId: number;
  private readonly quoteId: number;
  private seen = new Int32Array(0);
  private stamp = 0;
  /** The ids `collect` found (valid until its next call). */
  ids = new Int32Array(256);

  constructor(vocabulary: readonly string[]) {
    this.size = vocabulary.length;
    vocabulary.forEach((gram, id) => {
      if (!gram.includes(" ")) this.unigrams.set(gram, id);
    });
    // START never stands alone as a gram, so it gets a slot past every vocabulary id.
    this.unigramCount = vocabulary.length + 1;
    this.startId = vocabulary.length;
    const bigrams: [number, number][] = [];
    vocabulary.forEach((gram, id) => {
      const space = gram.indexOf(" ");
      if (space <= 0) return;
      const first = gram.slice(0, space);
      const second = gram.slice(space + 1);
      const a = first === START ? this.startId : this.unigrams.get(first);
      const b = this.unigrams.get(second);
      if (a !== undefined && b !== undefined) bigrams.push([a * this.unigramCount + b, id]);
    });
    let capacity = 16;
    while (capacity < bigrams.length * 2) capacity *= 2;
    this.bigramMask = capacity - 1;
    this.bigramKeys = new Int32Array(capacity).fill(-1);
    this.bigramIds = new Int32Array(capacity);
    for (const [key, id] of bigrams) {
      let slot = slotOf(key, this.bigramMask);
      while (this.bigramKeys[slot] !== -1) slot = (slot + 1) & this.bigramMask;
      this.bigramKeys[slot] = key;
      this.bigramIds[slot] = id;
    }
    this.seen = new Int32Array(vocabulary.length);
    this.numberId = this.unigrams.get(NUM) ?? -1;
    this.questionId = this.unigrams.get("?") ?? -1;
    this.exclamationId = this.unigrams.get("!") ?? -1;
    this.quoteId = this.unigrams.get('"') ?? -1;
  }

  /**
   * Collects the distinct vocabulary ids of the comment's grams into `ids` (reused by the next call) and
   * returns how many there are. Same grams as `gramStrings`, without building them:
   * punctuation is told apart by its first character, words by one map lookup of their (cached) lemma.
   */
  collect(tokens: Tokens): number {
    if (++this.stamp === 0x7fffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    const start = this.startId;
    let n = 0;
    // The previous unit's id (start after a sentence end; -1 after a word outside the vocabulary).
    let prev = start;
    for (let k = 0; k < tokens.count; k++) {
      const kind = tokens.kind[k];
      let id: number | undefined;
      let ends = false;
      if (kind === WORD) {
        // A plain word's id is memoised on the tokeniser's cache entry: one map lookup per distinct word.
        const memo = tokens.memo[k];
        if (memo !== undefined && memo.owner === this) id = memo.value;
        else {
          id = this.unigrams.get(tokens.lemma[k] as string) ?? -1;
          if (memo !== undefined) {
            memo.owner = this;
            memo.value = id;
          }
        }
      } else if (kind === NUMBER) id = this.numberId;
      else if (kind === PUNCT) {
        const c = (tokens.norm[k] as string).charCodeAt(0);
        if (c === QUESTION) {
          id = this.questionId;
          ends = true;
        } else if (c === EXCLAMATION) {
          id = this.exclamationId;
          ends = true;
        } else if (c === QUOTE) id = this.quoteId;
        else {
          if (c === FULL_STOP) prev = start;
          continue;
        }
      } else continue;
      if (id === undefined || id < 0) {
        prev = ends ? start : -1;
        continue;
      }
      n = this.add(id, n);
      if (prev >= 0) {
        const key = prev * this.unigramCount + id;
        const keys = this.bigramKeys;
        for (
          let slot = slotOf(key, this.bigramMask);
          keys[slot] !== -1;
          slot = (slot + 1) & this.bigramMask
        ) {
          if (keys[slot] === key) {
            n = this.add(this.bigramIds[slot]!, n);
            break;
          }
        }
      }
      prev = ends ? start : id;
    }
    return n;
  }

  private add(id: number, n: number): number {
    if (this.seen[id] === this.stamp) return n;
    this.seen[id] = this.stamp;
    if (n === this.ids.length) {
      const grown = new Int32Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[n] = id;
    return n + 1;
  }
}

/** Fibonacci hashing of a packed bigram key into a power-of-two table. */
function slotOf(key: number, mask: number): number {
  return (Math.imul(key, 0x9e3779b1) >>> 15) & mask;
}

/** The value each of a comment's `count` distinct grams carries (their squares sum to one). */
export function gramValue(count: number): number {
  return count > 0 ? 1 / Math.sqrt(count) : 0;
}
