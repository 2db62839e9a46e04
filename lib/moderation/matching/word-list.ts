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

const WORD = "[\\p{L}\\p{N}]";
const NOT_WORD = "[^\\p{L}\\p{N}]";
/** Between the letters of one word: a little punctuation ("i.d.i.o.t", "don't"), never a space. */
const INSIDE_WORD = "[^\\p{L}\\p{N}\\s]{0,3}";
/** Between letters spelled out one at a time ("i d i o t"). */
const BETWEEN_SPELLED_LETTERS = "[^\\p{L}\\p{N}]{1,3}";
const BETWEEN_PHRASE_WORDS = `${NOT_WORD}+`;
const WILDCARD = `${WORD}*`;
/** Scripts written without spaces between words: no whole-word boundary is required there. */
const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

function escapeRegex(char: string): string {
  return char.replace(/[\\^$.*+?()[\]{}|/]/gu, "\\$&");
}

/** One word of an entry: letters with optional punctuation between them, each letter repeatable. */
function wordSource(word: string): string | null {
  const chars = [...word];
  const hasWordChars = chars.some((char) => WORD_CHAR.test(char));
  if (!hasWordChars) return chars.some((char) => char !== "*") ? chars.map(escapeRegex).join("") : null;
  const units = chars.filter((char) => char === "*" || WORD_CHAR.test(char));
  let source = "";
  units.forEach((unit, index) => {
    const previous = units[index - 1];
    if (unit === "*") {
      source += WILDCARD;
      return;
    }
    if (previous !== undefined && previous !== "*") source += INSIDE_WORD;
    source += `${escapeRegex(unit)}+`;
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

function entrySource(entry: string): string | null {
  const folded = foldPattern(entry).trim();
  const words = folded.split(/\s+/u).filter((word) => word !== "");
  // Inside a phrase a lone "*" stands for any one word ("you * idiot").
  const sources = words.map((word) =>
    words.length > 1 && /^\*+$/u.test(word) ? `${WORD}+` : wordSource(word),
  );
  if (sources.length === 0 || sources.some((source) => source === null)) return null;
  const first = [...folded].at(0) ?? "";
  const last = [...folded].at(-1) ?? "";
  const unspaced = UNSPACED_SCRIPT.test(folded);
  const before = !unspaced && WORD_CHAR.test(first) ? `(?<!${WORD})` : "";
  const after = !unspaced && WORD_CHAR.test(last) ? `(?!${WORD})` : "";
  return `${before}${sources.join(BETWEEN_PHRASE_WORDS)}${after}`;
}

export function compileWordList(entries: readonly string[]): CompiledWordList {
  const usable: string[] = [];
  const sources: string[] = [];
  for (const entry of entries) {
    const source = entrySource(entry);
    if (source === null) continue;
    usable.push(entry);
    sources.push(`(${source})`);
  }
  const pattern = sources.length > 0 ? new RegExp(sources.join("|"), "gu") : null;

  function* matches(text: string): Generator<WordMatch> {
    if (pattern === null || text === "") return;
    const folded = foldedOnce(text);
    pattern.lastIndex = 0;
    for (let match = pattern.exec(folded.text); match !== null; match = pattern.exec(folded.text)) {
      if (match[0] === "") {
        pattern.lastIndex++;
        continue;
      }
      yield toWordMatch(text, folded, match, usable);
    }
  }

  return {
    entries: usable,
    find: (text) => {
      for (const match of matches(text)) return match;
      return null;
    },
    findAll: (text) => [...matches(text)],
  };
}

function toWordMatch(
  original: string,
  folded: FoldedText,
  match: RegExpExecArray,
  entries: string[],
): WordMatch {
  const groupIndex = match.findIndex((group, index) => index > 0 && group !== undefined);
  const start = folded.starts[match.index] ?? 0;
  const end = folded.ends[match.index + match[0].length - 1] ?? original.length;
  return {
    entry: entries[groupIndex - 1] ?? "",
    matchedText: original.slice(start, end),
    start,
    end,
  };
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
