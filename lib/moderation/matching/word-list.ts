import { type FoldedText, foldPattern, foldText } from "@/lib/moderation/matching/normalize-text";

export interface WordMatch {
  /** The list entry that matched, as the author wrote it. */
  readonly entry: string;
  /** The matched span exactly as it appears in the comment. */
  readonly matchedText: string;
  /** [start, end) of `matchedText` in the comment (UTF-16 offsets, for highlighting). */
  readonly start: number;
  readonly end: number;
}

export interface CompiledWordList {
  readonly entries: readonly string[];
  /** The earliest match in the text, or null. */
  find(text: string): WordMatch | null;
  /** Every non-overlapping match, in text order. */
  findAll(text: string): WordMatch[];
}

/*
 * Word patterns run on the folded text's skeleton, where " " is whitespace, "." any other non-word
 * character and everything else a letter or digit, so these classes stay ASCII.
 */
const WORD = "[^ .]";
const NOT_WORD = "[ .]";
/** Between the letters of one word: a little punctuation ("i.d.i.o.t", "don't"), never a space. */
const INSIDE_WORD = "\\.{0,4}";
/** Between letters spelled out one at a time ("i d i o t"). */
const BETWEEN_SPELLED_LETTERS = "[ .]{1,3}";
const BETWEEN_PHRASE_WORDS = `${NOT_WORD}+`;
const WILDCARD = `${WORD}*`;
/** Scripts written without spaces between words: no whole-word boundary is required there. */
const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/gu, "\\$&");
}

/** One letter, repeatable; a letter outside the BMP is two UTF-16 units and needs a group. */
function repeatable(letter: string): string {
  const escaped = escapeRegex(letter);
  return letter.length === 1 ? `${escaped}+` : `(?:${escaped})+`;
}

/** One word of an entry: letters with optional punctuation between them, each letter repeatable. */
function wordSource(word: string): string {
  const units = [...word].filter((char) => char === "*" || WORD_CHAR.test(char));
  let source = "";
  units.forEach((unit, index) => {
    const previous = units[index - 1];
    if (unit === "*") {
      source += WILDCARD;
      return;
    }
    if (previous !== undefined && previous !== "*") source += INSIDE_WORD;
    source += repeatable(unit);
  });
  const spelled = spelledOutSource(units);
  return spelled ? `(?:${source}|${spelled})` : source;
}

/** "i d i o t": single letters with spaces or punctuation between; wildcards only at the ends. */
function spelledOutSource(units: readonly string[]): string | null {
  const leading = units[0] === "*";
  const trailing = units.at(-1) === "*";
  const letters = units.slice(leading ? 1 : 0, trailing ? -1 : undefined);
  if (letters.length < 3 || letters.includes("*")) return null;
  const core = letters.map(escapeRegex).join(BETWEEN_SPELLED_LETTERS);
  return `${leading ? WILDCARD : ""}${core}${trailing ? WILDCARD : ""}`;
}

/**
 * The pattern for an entry with letters or digits, to run on the skeleton; null for an entry made of
 * wildcards only. Punctuation inside an entry is optional ("don't" also matches "dont").
 */
function wordEntrySource(folded: string): string | null {
  const words = folded.split(/\s+/u).filter((word) => word !== "");
  if (!words.some((word) => WORD_CHAR.test(word))) return null;
  // Inside a phrase a word of wildcards only stands for any one word ("you * idiot").
  const sources = words.map((word) => (WORD_CHAR.test(word) ? wordSource(word) : `${WORD}+`));
  const unspaced = UNSPACED_SCRIPT.test(folded);
  const before = !unspaced && !folded.startsWith("*") ? `(?<!${WORD})` : "";
  const after = !unspaced && !folded.endsWith("*") ? `(?!${WORD})` : "";
  return `${before}${sources.join(BETWEEN_PHRASE_WORDS)}${after}`;
}

interface EntryPatterns {
  /** Entries with letters or digits, matched on the skeleton. */
  readonly words: { readonly entries: string[]; readonly pattern: RegExp } | null;
  /** Entries of symbols only (emoji), matched literally on the folded text. */
  readonly symbols: { readonly entries: string[]; readonly pattern: RegExp } | null;
}

function alternation(sources: string[], entries: string[]) {
  return sources.length > 0
    ? { entries, pattern: new RegExp(sources.map((s) => `(${s})`).join("|"), "g") }
    : null;
}

function buildPatterns(entries: readonly string[]): EntryPatterns {
  const word = { sources: [] as string[], entries: [] as string[] };
  const symbol = { sources: [] as string[], entries: [] as string[] };
  for (const entry of entries) {
    const folded = foldPattern(entry).trim().replace(/\s+/gu, " ");
    if (folded === "" || /^[*\s]+$/u.test(folded)) continue;
    const wordSourceOrNull = wordEntrySource(folded);
    const target = wordSourceOrNull === null ? symbol : word;
    target.sources.push(wordSourceOrNull ?? escapeRegex(folded));
    target.entries.push(entry);
  }
  return {
    words: alternation(word.sources, word.entries),
    symbols: alternation(symbol.sources, symbol.entries),
  };
}

export function compileWordList(entries: readonly string[]): CompiledWordList {
  const patterns = buildPatterns(entries);
  const usable = [...(patterns.words?.entries ?? []), ...(patterns.symbols?.entries ?? [])];

  function findAll(text: string): WordMatch[] {
    if (usable.length === 0 || text === "") return [];
    const folded = foldedOnce(text);
    const found = [
      ...matchesOf(patterns.words, folded.skeleton, text, folded),
      ...matchesOf(patterns.symbols, folded.text, text, folded),
    ];
    return found.sort((a, b) => a.start - b.start);
  }

  return {
    entries: usable,
    find: (text) => findAll(text)[0] ?? null,
    findAll,
  };
}

function matchesOf(
  compiled: EntryPatterns["words"],
  haystack: string,
  original: string,
  folded: FoldedText,
): WordMatch[] {
  if (compiled === null) return [];
  const found: WordMatch[] = [];
  for (const match of haystack.matchAll(compiled.pattern)) {
    if (match[0] === "") continue;
    const groupIndex = match.findIndex((group, index) => index > 0 && group !== undefined);
    const start = folded.starts[match.index] ?? 0;
    const end = folded.ends[match.index + match[0].length - 1] ?? original.length;
    found.push({
      entry: compiled.entries[groupIndex - 1] ?? "",
      matchedText: original.slice(start, end),
      start,
      end,
    });
  }
  return found;
}

let lastFolded: { original: string; folded: FoldedText } | null = null;

/** Banned and suspect lists look at the same comment back to back; fold it once. */
function foldedOnce(text: string): FoldedText {
  if (lastFolded?.original !== text) lastFolded = { original: text, folded: foldText(text) };
  return lastFolded.folded;
}

const compiledByList = new WeakMap<readonly string[], CompiledWordList>();

/**
 * The compiled form of a settings word list, built once per list object. Settings objects are
 * immutable by contract, so a new settings object (after an edit) compiles afresh.
 */
export function compiledWordList(entries: readonly string[]): CompiledWordList {
  let compiled = compiledByList.get(entries);
  if (compiled === undefined) {
    compiled = compileWordList(entries);
    compiledByList.set(entries, compiled);
  }
  return compiled;
}
