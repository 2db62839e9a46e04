import { singular } from "./lemma";
import { lookupWord, NO_INFO, type WordInfo } from "./lexicons";

/**
 * One-pass tokeniser over the original text. Every token keeps [start, end) offsets into the ORIGINAL
 * string (HTML tags are skipped, entities are decoded only in the normalised form), so cues built from
 * tokens can be highlighted in the text the reader wrote.
 */

export const WORD = 0;
export const NUMBER = 1;
export const EMOJI = 2;
export const URL = 3;
export const PUNCT = 4;
export type TokenKind = typeof WORD | typeof NUMBER | typeof EMOJI | typeof URL | typeof PUNCT;

export interface Tokens {
  count: number;
  /** Lower-cased form with curly apostrophes and entities normalised. */
  norm: string[];
  /** Crude singular of `norm` ("idiots" -> "idiot", "trump's" -> "trump"), equal to `norm` when none. */
  lemma: string[];
  start: number[];
  end: number[];
  kind: TokenKind[];
  /** Word of three or more letters written in capitals (shouting). */
  caps: boolean[];
  /** Lexicon facts about each token, looked up once here so later passes need no hashing. */
  info: WordInfo[];
  /**
   * A memo slot per distinct plain ASCII word (shared by every token of that word while the word cache
   * keeps it; undefined for other tokens), where a consumer may keep a pure function of the word, tagged
   * with the consumer (e.g. an n-gram vocabulary's id for it).
   */
  memo: (WordMemo | undefined)[];
}

/** See Tokens.memo: `value` is valid only when `owner` is the consumer reading it. */
export interface WordMemo {
  owner: object | null;
  value: number;
}

/** Empty token arrays; pass one to `tokenize` repeatedly to reuse its storage (arrays only grow). */
export function newTokens(): Tokens {
  return { count: 0, norm: [], lemma: [], start: [], end: [], kind: [], caps: [], info: [], memo: [] };
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  rsquo: "'",
  lsquo: "'",
  rdquo: '"',
  ldquo: '"',
  hellip: ".",
  mdash: "-",
  ndash: "-",
};

/** Spelling without apostrophe -> contraction, so lexicons list each contraction once. */
const CONTRACTIONS: Record<string, string> = {
  dont: "don't",
  doesnt: "doesn't",
  didnt: "didn't",
  isnt: "isn't",
  wasnt: "wasn't",
  arent: "aren't",
  werent: "weren't",
  cant: "can't",
  couldnt: "couldn't",
  wouldnt: "wouldn't",
  shouldnt: "shouldn't",
  wont: "won't",
  havent: "haven't",
  hasnt: "hasn't",
  hadnt: "hadn't",
  aint: "ain't",
  im: "i'm",
  ive: "i've",
  youre: "you're",
  theyre: "they're",
  thats: "that's",
  whats: "what's",
  its: "it's",
};

const LETTER = /[\p{L}\p{M}]/u;

function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

function isWordChar(text: string, i: number, c: number): boolean {
  if (c < 128) return isAsciiAlnum(c);
  if (c < 0xc0) return false;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return LETTER.test(text[i] ?? "");
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x2018;
}

/** Emoji and pictographs we treat as one token each. */
function isEmojiCodePoint(cp: number): boolean {
  return (
    (cp >= 0x1f000 && cp <= 0x1faff) ||
    (cp >= 0x2600 && cp <= 0x27bf) ||
    (cp >= 0x2b00 && cp <= 0x2bff) ||
    (cp >= 0x2300 && cp <= 0x23ff) ||
    cp === 0x2665 ||
    cp === 0x2661
  );
}

/** Code points that attach to the preceding emoji (variation selector, skin tones, gender signs). */
function isEmojiModifier(cp: number): boolean {
  return cp === 0xfe0f || (cp >= 0x1f3fb && cp <= 0x1f3ff) || cp === 0x2640 || cp === 0x2642;
}

/** Index just past an HTML tag starting at `i`, or -1 when `<` does not open a tag. */
function tagEnd(text: string, i: number): number {
  const next = text.charCodeAt(i + 1);
  const opensTag = (next >= 97 && next <= 122) || (next >= 65 && next <= 90) || next === 47 || next === 33;
  if (!opensTag) return -1;
  const close = text.indexOf(">", i + 2);
  if (close < 0 || close - i > 500) return -1;
  return close + 1;
}

interface Entity {
  char: string;
  length: number;
}

/** The HTML entity at `i` (named or numeric), or null. */
function entityAt(text: string, i: number): Entity | null {
  const semi = text.indexOf(";", i + 1);
  if (semi < 0 || semi - i > 10) return null;
  const body = text.slice(i + 1, semi);
  if (body.charCodeAt(0) === 35) {
    const hex = body.charCodeAt(1) === 120 || body.charCodeAt(1) === 88;
    const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return null;
    const ch = String.fromCodePoint(code);
    return { char: ch === "\u2019" || ch === "\u2018" ? "'" : ch, length: semi - i + 1 };
  }
  const named = ENTITIES[body.toLowerCase()];
  return named === undefined ? null : { char: named, length: semi - i + 1 };
}

function isCaps(raw: string): boolean {
  if (raw.length < 3) return false;
  return raw === raw.toUpperCase() && raw !== raw.toLowerCase();
}

const PUNCT_NORM: Record<string, string> = {
  "\u201c": '"',
  "\u201d": '"',
  "\u2014": "-",
  "\u2013": "-",
  "\u2026": ".",
};

function isSentencePunct(ch: string): boolean {
  return ".!?;:,\"'()-/%+[]*".includes(ch) || PUNCT_NORM[ch] !== undefined;
}

/** Set by `resolve` (module state rather than a returned object: no allocation per token). */
let resolvedLemma = "";
let resolvedInfo: WordInfo = NO_INFO;

/** What a token's normalised form implies: its lemma and lexicon facts (one vocabulary lookup). */
function resolve(norm: string, kind: TokenKind): void {
  let info = lookupWord(norm);
  let lemma = info?.lemma ?? norm;
  if (info === undefined) {
    // Only unknown words pay for the singular (known ones carry theirs).
    if (kind === WORD && norm.charCodeAt(norm.length - 1) === 115) {
      lemma = singular(norm);
      info = lookupWord(lemma);
    }
  }
  resolvedLemma = lemma;
  resolvedInfo = info ?? NO_INFO;
}

function push(t: Tokens, norm: string, start: number, end: number, kind: TokenKind, caps: boolean): void {
  resolve(norm, kind);
  store(t, norm, resolvedLemma, resolvedInfo, start, end, kind, caps, undefined);
}

function store(
  t: Tokens,
  norm: string,
  lemma: string,
  info: WordInfo,
  start: number,
  end: number,
  kind: TokenKind,
  caps: boolean,
  memo: WordMemo | undefined,
): void {
  const k = t.count++;
  t.norm[k] = norm;
  t.lemma[k] = lemma;
  t.start[k] = start;
  t.end[k] = end;
  t.kind[k] = kind;
  t.caps[k] = caps;
  t.info[k] = info;
  t.memo[k] = memo;
}

/**
 * Cache of plain ASCII words (letters and digits), keyed by their lower-cased characters, so the hot path
 * finds a word's normalised form, lemma and lexicon facts without slicing, lower-casing or hashing a new
 * string. It only memoises a pure function of the characters, so it never changes any output; it is
 * emptied when half full, which bounds its memory.
 */
interface CachedWord {
  /** Lower-cased characters as written (before contractions are restored). */
  key: string;
  norm: string;
  lemma: string;
  info: WordInfo;
  kind: TokenKind;
  memo: WordMemo;
}

const CACHE_SIZE = 1 << 15;
const CACHE_MASK = CACHE_SIZE - 1;
const cacheHash = new Int32Array(CACHE_SIZE);
const cacheWords: (CachedWord | undefined)[] = new Array<CachedWord | undefined>(CACHE_SIZE).fill(undefined);
let cacheUsed = 0;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** `key` equals text[i, j) lower-cased; both are ASCII letters and digits, so `| 32` lower-cases. */
function sameWord(key: string, text: string, i: number, j: number): boolean {
  if (key.length !== j - i) return false;
  for (let x = 0; x < key.length; x++) if (key.charCodeAt(x) !== (text.charCodeAt(i + x) | 32)) return false;
  return true;
}

/** The cached facts about the ASCII word text[i, j) whose FNV-1a hash (of `c | 32`) is `hash`. */
function cachedWord(text: string, i: number, j: number, hash: number): CachedWord {
  let slot = hash & CACHE_MASK;
  for (let w = cacheWords[slot]; w !== undefined; w = cacheWords[slot]) {
    if (cacheHash[slot] === hash && sameWord(w.key, text, i, j)) return w;
    slot = (slot + 1) & CACHE_MASK;
  }
  if (cacheUsed >= CACHE_SIZE >> 1) {
    cacheWords.fill(undefined);
    cacheUsed = 0;
    slot = hash & CACHE_MASK;
  }
  const key = text.slice(i, j).toLowerCase();
  const kind: TokenKind = text.charCodeAt(i) <= 57 ? NUMBER : WORD;
  const norm = key.length <= 7 ? (CONTRACTIONS[key] ?? key) : key;
  resolve(norm, kind);
  const word: CachedWord = {
    key,
    norm,
    lemma: resolvedLemma,
    info: resolvedInfo,
    kind,
    memo: { owner: null, value: 0 },
  };
  cacheWords[slot] = word;
  cacheHash[slot] = hash;
  cacheUsed++;
  return word;
}

/** End of the link starting at `i` ("http://", "https://", "www."), or 0 when none starts there. */
function linkEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const starts =
    (c === 104 && (text.startsWith("http://", i) || text.startsWith("https://", i))) ||
    (c === 119 && text.startsWith("www.", i));
  if (!starts) return 0;
  const n = text.length;
  let j = i;
  while (j < n) {
    const d = text.charCodeAt(j);
    if (d <= 32 || d === 60 || d === 34 || d === 41 || d === 93) break;
    j++;
  }
  // Sentence punctuation right after a link belongs to the sentence, not the link.
  while (j > i + 4 && ".,;:!?".includes(text[j - 1] ?? "")) j--;
  return j;
}

/** Token facts of each ASCII punctuation character we keep (undefined: dropped). */
const ASCII_PUNCT: readonly (CachedWord | undefined)[] = Array.from({ length: 128 }, (_, code) => {
  const ch = String.fromCharCode(code);
  if (!isSentencePunct(ch)) return undefined;
  const norm = PUNCT_NORM[ch] ?? ch;
  resolve(norm, PUNCT);
  return {
    key: ch,
    norm,
    kind: PUNCT,
    lemma: resolvedLemma,
    info: resolvedInfo,
    memo: { owner: null, value: 0 },
  };
});

/**
 * Tokens of `text`. With `into`, its arrays are overwritten and returned (valid until the next call
 * with the same `into`); only the first `count` entries of each array belong to this text.
 */
export function tokenize(text: string, into: Tokens = newTokens()): Tokens {
  const t = into;
  t.count = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    // Most characters start a plain word (links start with "h" or "w"), then come spaces and punctuation.
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) {
      const link = c === 104 || c === 119 ? linkEnd(text, i) : 0;
      if (link > 0) {
        push(t, "<url>", i, link, URL, false);
        i = link;
      } else i = scanWord(text, i, t);
      continue;
    }
    if (c <= 32 || c === 0xa0 || c === 0x200b) {
      i++;
      continue;
    }
    if (c === 60) {
      const close = tagEnd(text, i);
      if (close > 0) {
        i = close;
        continue;
      }
    }
    if (c === 38) {
      const entity = entityAt(text, i);
      if (entity) {
        if (isSentencePunct(entity.char))
          push(t, PUNCT_NORM[entity.char] ?? entity.char, i, i + entity.length, PUNCT, false);
        i += entity.length;
        continue;
      }
    }
    if (c < 128) {
      const punct = ASCII_PUNCT[c];
      if (punct !== undefined)
        store(t, punct.norm, punct.lemma, punct.info, i, i + 1, PUNCT, false, undefined);
      i++;
      continue;
    }
    if (isWordChar(text, i, c)) {
      i = scanWord(text, i, t);
      continue;
    }
    const cp = text.codePointAt(i) ?? c;
    const width = cp > 0xffff ? 2 : 1;
    if (isEmojiCodePoint(cp)) {
      let j = i + width;
      // Absorb modifiers and zero-width-joined parts so a composed emoji is one token.
      while (j < n) {
        const next = text.codePointAt(j) ?? 0;
        if (isEmojiModifier(next)) j += next > 0xffff ? 2 : 1;
        else if (next === 0x200d) {
          j++;
          const joined = text.codePointAt(j) ?? 0;
          if (joined) j += joined > 0xffff ? 2 : 1;
        } else break;
      }
      push(t, String.fromCodePoint(cp), i, j, EMOJI, false);
      i = j;
      continue;
    }
    const ch = text[i] ?? "";
    if (isSentencePunct(ch)) push(t, PUNCT_NORM[ch] ?? ch, i, i + 1, PUNCT, false);
    i += width;
  }
  return t;
}

/** Scans one word or number from `i` (letters, digits, inner apostrophes, inner `.`/`,` in numbers). */
function scanWord(text: string, i: number, t: Tokens): number {
  const n = text.length;
  // Fast path: a run of ASCII letters and digits ended by a character that cannot continue a word.
  {
    let j = i;
    let upper = 0;
    let lower = 0;
    let c = 0;
    let hash = FNV_OFFSET;
    for (; j < n; j++) {
      c = text.charCodeAt(j);
      if (c >= 97 && c <= 122) lower++;
      else if (c >= 65 && c <= 90) upper++;
      else if (c < 48 || c > 57) break;
      hash = Math.imul(hash ^ (c | 32), FNV_PRIME);
    }
    const startsWithDigit = text.charCodeAt(i) <= 57;
    const afterNext = text.charCodeAt(j + 1);
    const continues =
      j < n &&
      (c >= 128 ||
        c === 38 ||
        (c === 39 && afterNext > 64) ||
        ((c === 44 || c === 46) && startsWithDigit && afterNext >= 48 && afterNext <= 57));
    if (!continues) {
      const w = cachedWord(text, i, j, hash);
      // Only ASCII letters here: three or more capitals and no lower case is shouting.
      store(t, w.norm, w.lemma, w.info, i, j, w.kind, upper >= 3 && lower === 0, w.memo);
      return j;
    }
  }
  const numeric = text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57;
  let j = i;
  let decoded: string | null = null;
  let upper = 0;
  let lower = 0;
  while (j < n) {
    const d = text.charCodeAt(j);
    if (d >= 97 && d <= 122) {
      lower++;
      if (decoded !== null) decoded += text[j];
      j++;
      continue;
    }
    if (d >= 65 && d <= 90) {
      upper++;
      if (decoded !== null) decoded += text[j];
      j++;
      continue;
    }
    if (d < 128 ? d >= 48 && d <= 57 : isWordChar(text, j, d)) {
      if (d >= 128) upper++;
      if (decoded !== null) decoded += text[j];
      j++;
      continue;
    }
    if (isApostrophe(d) && j + 1 < n && isWordChar(text, j + 1, text.charCodeAt(j + 1))) {
      decoded = `${decoded ?? text.slice(i, j)}'`;
      j++;
      continue;
    }
    if (numeric && (d === 44 || d === 46) && j + 1 < n) {
      const e = text.charCodeAt(j + 1);
      if (e >= 48 && e <= 57) {
        if (decoded !== null) decoded += text[j];
        j++;
        continue;
      }
    }
    if (d === 38) {
      const entity = entityAt(text, j);
      if (entity && entity.char === "'" && j + entity.length < n) {
        const after = text.charCodeAt(j + entity.length);
        if (isWordChar(text, j + entity.length, after)) {
          decoded = `${decoded ?? text.slice(i, j)}'`;
          j += entity.length;
          continue;
        }
      }
    }
    break;
  }
  const raw = decoded ?? text.slice(i, j);
  // Non-ASCII letters count as "upper" above only to force lower-casing; shouting needs ASCII capitals.
  const lowered = upper > 0 ? raw.toLowerCase() : raw;
  const norm = lowered.length <= 7 ? (CONTRACTIONS[lowered] ?? lowered) : lowered;
  push(t, norm, i, j, numeric ? NUMBER : WORD, upper >= 3 && lower === 0 && isCaps(raw));
  return j;
}
