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
  private readonly bigrams = new Map<number, number>();
  /** Multiplier that packs a pair of unigram ids into one bigram key. */
  private readonly unigramCount: number;
  private readonly startId: number;
  private seen = new Int32Array(0);
  private stamp = 0;
  private ids = new Int32Array(256);

  constructor(vocabulary: readonly string[]) {
    this.size = vocabulary.length;
    vocabulary.forEach((gram, id) => {
      if (!gram.includes(" ")) this.unigrams.set(gram, id);
    });
    // START never stands alone as a gram, so it gets a slot past every vocabulary id.
    this.unigramCount = vocabulary.length + 1;
    this.startId = vocabulary.length;
    vocabulary.forEach((gram, id) => {
      const space = gram.indexOf(" ");
      if (space <= 0) return;
      const first = gram.slice(0, space);
      const second = gram.slice(space + 1);
      const a = first === START ? this.startId : this.unigrams.get(first);
      const b = this.unigrams.get(second);
      if (a !== undefined && b !== undefined) this.bigrams.set(a * this.unigramCount + b, id);
    });
    this.seen = new Int32Array(vocabulary.length);
  }

  /**
   * Distinct vocabulary ids of the comment's grams, in a buffer reused by the next call (valid until
   * then); `count` tells how many entries are filled.
   */
  collect(tokens: Tokens): { ids: Int32Array; count: number } {
    if (++this.stamp === 0x7fffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    let n = 0;
    let prev = this.startId;
    let prevKnown = true;
    for (let k = 0; k < tokens.count; k++) {
      const u = unit(tokens, k);
      if (u === null) {
        if (tokens.kind[k] === PUNCT && SENTENCE_END.has(tokens.norm[k] ?? "")) {
          prev = this.startId;
          prevKnown = true;
        }
        continue;
      }
      const id = this.unigrams.get(u);
      if (id !== undefined) n = this.add(id, n);
      if (prevKnown && id !== undefined) {
        const bigram = this.bigrams.get(prev * this.unigramCount + id);
        if (bigram !== undefined) n = this.add(bigram, n);
      }
      if (SENTENCE_END.has(u)) {
        prev = this.startId;
        prevKnown = true;
      } else {
        prev = id ?? -1;
        prevKnown = id !== undefined;
      }
    }
    return { ids: this.ids, count: n };
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

/** The value each of a comment's `count` distinct grams carries (their squares sum to one). */
export function gramValue(count: number): number {
  return count > 0 ? 1 / Math.sqrt(count) : 0;
}
