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
 * Word patterns run on the folded text's skeleton, where " " is whitespace, "'" an apostrophe, "."
 * any other non-word character and everything else a letter or digit, so every class is ASCII.
 */
const WORD = "[^ .']";
const NOT_WORD = "[ .']";
/** Between the letters of one word: punctuation ("i.d.i.o.t"), but not a space or an apostrophe. */
const INSIDE_WORD = "\\.*";
/** An apostrophe in an entry is optional: "don't" matches "dont" too. */
const OPTIONAL_APOSTROPHE = "'?";
const APOSTROPHE = /['‘’ʼ`´]/u;
/** Between letters spelled out one at a time ("i d i o t"). */
const BETWEEN_SPELLED_LETTERS = `${NOT_WORD}+`;
const BETWEEN_PHRASE_WORDS = `${NOT_WORD}+`;
const WILDCARD = `${WORD}*`;
/** Scripts written without spaces between words: no whole-word boundary is required there. */
const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const NON_WORD_CHARS = /[^\p{L}\p{N}*]+/gu;

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/gu, "\\$&");
}

/** One letter, repeatable; a letter outside the BMP is two UTF-16 units and needs a group. */
function repeatable(letter: string): string {
  const escaped = escapeRegex(letter);
  return letter.length === 1 ? `${escaped}+` : `(?:${escaped})+`;
}

/** Runs of one character cut to one: the letters a match must contain, whatever the evasion. */
function squeeze(text: string): string {
  return text.replace(/(.)\1+/gsu, "$1");
}

/** One word of an entry: letters with optional punctuation between them, each letter repeatable. */
function wordSource(word: string): string {
  const units = [...word].filter((char) => char === "*" || WORD_CHAR.test(char) || APOSTROPHE.test(char));
  let source = "";
  units.forEach((unit, index) => {
    const previous = units[index - 1];
    if (unit === "*") {
      source += WILDCARD;
    } else if (APOSTROPHE.test(unit)) {
      source += OPTIONAL_APOSTROPHE;
    } else {
      if (previous !== undefined && WORD_CHAR.test(previous)) source += INSIDE_WORD;
      source += repeatable(unit);
    }
  });
  const spelled = spelledOutSource(units.filter((unit) => !APOSTROPHE.test(unit)));
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

/** The skeleton pattern for an entry with letters or digits. Punctuation in it is optional. */
function wordEntrySource(folded: string): string {
  const words = folded.split(" ").filter((word) => WORD_CHAR.test(word) || /^\*+$/u.test(word));
  // Inside a phrase a word of wildcards only stands for any one word ("you * idiot").
  const sources = words.map((word) => (WORD_CHAR.test(word) ? wordSource(word) : `${WORD}+`));
  // Boundaries apply even beside a wildcard ("*hole" matches whole words ending in "hole"): they also
  // keep a leading wildcard from being retried at every letter of a long word.
  const unspaced = UNSPACED_SCRIPT.test(folded);
  const before = unspaced ? "" : `(?<!${WORD})`;
  const after = unspaced ? "" : `(?!${WORD})`;
  return `${before}${sources.join(BETWEEN_PHRASE_WORDS)}${after}`;
}

interface CompiledEntry {
  readonly entry: string;
  /** Word entries match on the skeleton; entries of symbols only (emoji) literally on the folded text. */
  readonly on: "skeleton" | "text";
  /** Every one of these must occur in the comment's squeezed letters (or folded text) to try the regex. */
  readonly required: readonly string[];
  /** Built on first use: V8 compiles a regex when it first runs, which costs about a millisecond. */
  pattern: RegExp | null;
  readonly source: string;
}

function compileEntry(entry: string): CompiledEntry | null {
  const folded = foldPattern(entry).trim().replace(/\s+/gu, " ");
  if (folded === "" || /^[*\s]+$/u.test(folded)) return null;
  if (!WORD_CHAR.test(folded)) {
    return { entry, on: "text", required: [folded], pattern: null, source: escapeRegex(folded) };
  }
  const required = squeeze(folded.replace(NON_WORD_CHARS, ""))
    .split("*")
    .filter((segment) => segment !== "");
  return { entry, on: "skeleton", required, pattern: null, source: wordEntrySource(folded) };
}

interface Haystacks {
  readonly folded: FoldedText;
  /** The skeleton's letters and digits only, runs squeezed: the prefilter for word entries. */
  readonly letters: string;
}

let lastHaystacks: { original: string; haystacks: Haystacks } | null = null;

/** Banned and suspect lists look at the same comment back to back; fold it once. */
function haystacksOnce(text: string): Haystacks {
  if (lastHaystacks?.original !== text) {
    const folded = foldText(text);
    const letters = squeeze(folded.skeleton.replace(/[ .']+/gu, ""));
    lastHaystacks = { original: text, haystacks: { folded, letters } };
  }
  return lastHaystacks.haystacks;
}

function entryMatches(compiled: CompiledEntry, original: string, haystacks: Haystacks): WordMatch[] {
  const prefilter = compiled.on === "skeleton" ? haystacks.letters : haystacks.folded.text;
  if (!compiled.required.every((segment) => prefilter.includes(segment))) return [];
  compiled.pattern ??= new RegExp(compiled.source, "g");
  const { folded } = haystacks;
  const haystack = compiled.on === "skeleton" ? folded.skeleton : folded.text;
  const found: WordMatch[] = [];
  compiled.pattern.lastIndex = 0;
  for (let match = compiled.pattern.exec(haystack); match !== null; match = compiled.pattern.exec(haystack)) {
    if (match[0] === "") {
      compiled.pattern.lastIndex++;
      continue;
    }
    const start = folded.starts[match.index] ?? 0;
    const end = folded.ends[match.index + match[0].length - 1] ?? original.length;
    found.push({ entry: compiled.entry, matchedText: original.slice(start, end), start, end });
  }
  return found;
}

/** Earliest first; of matches starting together the longest; a match inside a kept one is dropped. */
function withoutOverlaps(matches: WordMatch[]): WordMatch[] {
  const kept: WordMatch[] = [];
  for (const match of matches.sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = kept.at(-1);
    if (last === undefined || match.start >= last.end) kept.push(match);
  }
  return kept;
}

/**
 * Compiles a word list. Each entry becomes its own regex, built the first time a comment contains
 * the entry's letters, so a long list costs a substring check per entry per comment.
 */
export function compileWordList(entries: readonly string[]): CompiledWordList {
  const compiled = entries.map(compileEntry).filter((entry) => entry !== null);

  function findAll(text: string): WordMatch[] {
    if (compiled.length === 0 || text === "") return [];
    const haystacks = haystacksOnce(text);
    return withoutOverlaps(compiled.flatMap((entry) => entryMatches(entry, text, haystacks)));
  }

  return {
    entries: compiled.map((entry) => entry.entry),
    find: (text) => findAll(text)[0] ?? null,
    findAll,
  };
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
