/**
 * Folds text into the form word lists are matched against, keeping a map back to the original so a
 * match can be reported exactly as the commenter typed it.
 *
 * Folding: compatibility decomposition (fullwidth and "𝐛𝐨𝐥𝐝" letters become plain), accents and
 * invisible characters removed, lower case, a few look-alike letters mapped to Latin, common leetspeak
 * undone inside words that contain letters ("1d10t", "a$$", "sh!t"), and runs of one character cut to
 * two ("stuuupid" → "stuupid"; patterns are cut the same way).
 */

export interface FoldedText {
  /** The folded text. */
  readonly text: string;
  /**
   * `text` with every whitespace unit replaced by " ", every apostrophe by "'" and every other
   * non-letter, non-digit unit by "."; same length. Word patterns run on it with plain ASCII classes: Unicode property classes
   * repeated across hundreds of patterns make V8 regexes slow to compile and run.
   */
  readonly skeleton: string;
  /** For each UTF-16 unit of `text`: the [start, end) range of the original it came from. */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

const DROPPED = /[\p{Mn}\p{Me}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

const LOOK_ALIKES: Readonly<Record<string, string>> = {
  а: "a", // Cyrillic
  е: "e",
  о: "o",
  р: "p",
  с: "c",
  у: "y",
  х: "x",
  і: "i",
  ј: "j",
  ѕ: "s",
  α: "a", // Greek
  ο: "o",
  ι: "i",
  ß: "ss",
};

/** Digits and $/@ read as letters inside a word; "!" and "|" only between two letters ("sh!t"). */
const LEET: Readonly<Record<string, string>> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  $: "s",
  "@": "a",
  "!": "i",
  "|": "i",
};
const LEET_BETWEEN_LETTERS_ONLY = new Set(["!", "|"]);

interface Unit {
  char: string;
  start: number;
  end: number;
}

export function foldText(original: string): FoldedText {
  const units = undoLeetspeak(decompose(original));
  return collapseRuns(units);
}

function decompose(original: string): Unit[] {
  const units: Unit[] = [];
  let offset = 0;
  for (const codePoint of original) {
    const start = offset;
    offset += codePoint.length;
    const folded = codePoint.normalize("NFKD").replace(DROPPED, "").toLowerCase();
    if (folded === "") {
      // A trailing accent or zero-width character belongs to the letter before it.
      const previous = units.at(-1);
      if (previous && previous.end === start && /\S/u.test(codePoint)) previous.end = offset;
      continue;
    }
    for (const char of folded) units.push({ char: LOOK_ALIKES[char] ?? char, start, end: offset });
  }
  return units;
}

function isWordish(char: string): boolean {
  return WORD_CHAR.test(char) || char in LEET;
}

function undoLeetspeak(units: Unit[]): Unit[] {
  let runStart = 0;
  while (runStart < units.length) {
    if (!isWordish(units[runStart]?.char ?? " ")) {
      runStart++;
      continue;
    }
    let runEnd = runStart;
    while (runEnd < units.length && isWordish(units[runEnd]?.char ?? " ")) runEnd++;
    replaceLeetInRun(units, runStart, runEnd);
    runStart = runEnd;
  }
  return units;
}

function replaceLeetInRun(units: Unit[], from: number, to: number): void {
  const run = units.slice(from, to);
  const hasLetter = run.some((unit) => LETTER.test(unit.char));
  const hasDigit = run.some((unit) => DIGIT.test(unit.char));
  // "2026", "$5" and "100%" stay numbers; a run of symbols only ("@$$") is read as letters.
  if (!hasLetter && (hasDigit || run.length < 2)) return;
  run.forEach((unit, index) => {
    const letter = LEET[unit.char];
    if (letter === undefined) return;
    const next = run[index + 1]?.char ?? "";
    if (unit.char === "@" && index === 0 && LETTER.test(next)) return; // "@name" is a mention, not "aname"
    if (LEET_BETWEEN_LETTERS_ONLY.has(unit.char)) {
      const before = run[index - 1]?.char;
      const after = run[index + 1]?.char;
      if (!before || !after || !WORD_CHAR.test(before) || !WORD_CHAR.test(after)) return;
    }
    unit.char = letter;
  });
}

function collapseRuns(units: readonly Unit[]): FoldedText {
  let text = "";
  const starts: number[] = [];
  const ends: number[] = [];
  let previous = "";
  let runLength = 0;
  for (const unit of units) {
    runLength = unit.char === previous ? runLength + 1 : 1;
    previous = unit.char;
    if (runLength > 2) {
      ends[ends.length - 1] = unit.end;
      if (unit.char.length === 2) ends[ends.length - 2] = unit.end;
      continue;
    }
    text += unit.char;
    for (let i = 0; i < unit.char.length; i++) {
      starts.push(unit.start);
      ends.push(unit.end);
    }
  }
  return { text, skeleton: skeletonOf(text), starts, ends };
}

/** Apostrophes are kept apart from other punctuation so "he'll" is not read as "hell". */
const APOSTROPHE = /['‘’ʼ`´]/u;

function skeletonChar(char: string): string {
  if (WORD_CHAR.test(char)) return char;
  if (/\s/u.test(char)) return " ";
  return APOSTROPHE.test(char) ? "'" : ".";
}

function skeletonOf(text: string): string {
  let skeleton = "";
  for (const char of text) {
    const replacement = skeletonChar(char);
    skeleton += replacement.length === char.length ? replacement : replacement.repeat(char.length);
  }
  return skeleton;
}

/** Folds a word-list entry the same way, so "Stüüpid" in a list matches "stupid" in a comment. */
export function foldPattern(entry: string): string {
  return foldText(entry).text;
}
