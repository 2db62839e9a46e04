/**
 * The search box's little language, parsed into terms the server turns into a PostgreSQL tsquery (every term
 * a bound parameter, never spliced text):
 *
 *   sanctions energy        both words (stemmed: "sanction" matches "sanctions")
 *   "energy prices"         the phrase, words adjacent and in order
 *   sanct*                  any word starting with "sanct"
 *   nato OR alliance        either
 *   -russia  -"cold war"    without
 */

export type SearchTermKind = "word" | "phrase" | "prefix";

export interface SearchTerm {
  kind: SearchTermKind;
  /** Words only (letters, digits, inner apostrophes and hyphens); a phrase keeps its words space-joined. */
  text: string;
  negated: boolean;
}

/** All clauses must match; a clause matches when any of its terms does. A negated term is a clause alone. */
export interface SearchQuery {
  clauses: SearchTerm[][];
}

export class SearchQueryError extends Error {}

/** The longest query accepted, and the most terms in it (each term is one tsquery function call). */
export const MAX_QUERY_LENGTH = 200;
export const MAX_TERMS = 16;

const WORD_CHARS = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** The words of a piece of text, as the term's text (anything else, like punctuation, is dropped). */
function words(raw: string): string[] {
  return raw.match(WORD_CHARS) ?? [];
}

interface Token {
  value: string;
  quoted: boolean;
  negated: boolean;
}

function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (/\s/u.test(ch)) {
      i += 1;
      continue;
    }
    let negated = false;
    if (ch === "-" && i + 1 < input.length && !/\s/u.test(input[i + 1]!)) {
      negated = true;
      i += 1;
    }
    if (input[i] === '"' || input[i] === "“" || input[i] === "”") {
      const close = input.slice(i + 1).search(/["“”]/u);
      const end = close === -1 ? input.length : i + 1 + close;
      tokens.push({ value: input.slice(i + 1, end), quoted: true, negated });
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < input.length && !/\s/u.test(input[end]!)) end += 1;
    tokens.push({ value: input.slice(i, end), quoted: false, negated });
    i = end;
  }
  return tokens;
}

function termOf(token: Token): SearchTerm | null {
  if (token.quoted) {
    const ws = words(token.value);
    if (ws.length === 0) return null;
    return { kind: ws.length === 1 ? "word" : "phrase", text: ws.join(" "), negated: token.negated };
  }
  const prefix = token.value.endsWith("*");
  const ws = words(token.value);
  if (ws.length === 0) return null;
  // "covid-19" or "u.s." written without quotes: adjacent words, as a phrase.
  if (ws.length > 1 && !prefix) return { kind: "phrase", text: ws.join(" "), negated: token.negated };
  const text = ws.join(" ");
  return { kind: prefix && ws.length === 1 ? "prefix" : "word", text, negated: token.negated };
}

/** Parses what a person typed; throws SearchQueryError with a message for them when nothing is searchable. */
export function parseSearchQuery(input: string): SearchQuery {
  const trimmed = input.trim();
  if (trimmed.length > MAX_QUERY_LENGTH)
    throw new SearchQueryError(`the search is longer than ${MAX_QUERY_LENGTH} characters`);
  const clauses: SearchTerm[][] = [];
  let joinNext = false;
  let terms = 0;
  for (const token of lex(trimmed)) {
    if (!token.quoted && !token.negated && token.value === "OR") {
      joinNext = clauses.length > 0;
      continue;
    }
    const term = termOf(token);
    if (!term) continue;
    terms += 1;
    if (terms > MAX_TERMS) throw new SearchQueryError(`a search takes at most ${MAX_TERMS} terms`);
    const last = clauses.at(-1);
    if (joinNext && last && !term.negated && !last[0]!.negated) last.push(term);
    else clauses.push([term]);
    joinNext = false;
  }
  if (!clauses.some((c) => !c[0]!.negated))
    throw new SearchQueryError(
      "type at least one word to search for (a search of exclusions alone finds everything)",
    );
  return { clauses };
}

/** The query written back in its canonical form (shown as "searching for …", used as a cache key). */
export function formatSearchQuery(query: SearchQuery): string {
  const term = (t: SearchTerm) =>
    `${t.negated ? "-" : ""}${t.kind === "phrase" ? `"${t.text}"` : t.kind === "prefix" ? `${t.text}*` : t.text}`;
  return query.clauses.map((c) => c.map(term).join(" OR ")).join(" ");
}

/** Start and stop markers ts_headline puts around matches: control characters no comment body keeps. */
export const HIGHLIGHT_START = "\u0002";
export const HIGHLIGHT_STOP = "\u0003";

export interface HighlightSegment {
  text: string;
  match: boolean;
}

/**
 * Splits a ts_headline result into plain and matched segments, to be rendered as text (never as HTML).
 * Unbalanced markers are tolerated: a stray stop ends nothing, a missing stop ends at the end.
 */
export function highlightSegments(headline: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let match = false;
  let current = "";
  const push = () => {
    if (current) segments.push({ text: current, match });
    current = "";
  };
  for (const ch of headline) {
    if (ch === HIGHLIGHT_START) {
      push();
      match = true;
    } else if (ch === HIGHLIGHT_STOP) {
      push();
      match = false;
    } else current += ch;
  }
  push();
  return segments;
}
