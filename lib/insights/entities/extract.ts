import nlp from "compromise";
import { isStopWord } from "../text-terms";
import { entityKey, GAZETTEER_INDEX, LONGEST_ALIAS } from "./keys";
import type { EntityKindName, EntityMentionSpan } from "./types";

/**
 * Named people, places and organisations in a comment: the gazetteer's names first (with every spelling),
 * then the proper nouns compromise (an offline English tagger) finds, typed by its tags. Each mention keeps
 * its span and the span of the sentence that holds it, so the tone around it can be read from that sentence.
 */

export const ENTITIES_VERSION = "entities-2";

const TOKEN = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Capitalised words compromise may call proper nouns that name nobody. */
const NOT_ENTITIES = new Set(
  `i ok okay yes no thanks thank great sure hi hello dear god lol imo imho tl dr ps btw fwiw do did does so but
  and or also still just really maybe well oh ah edit update note`.split(/\s+/u),
);

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

function withoutPossessive(surface: string): string {
  return surface.replace(/['’]s$/u, "");
}

interface TaggedSentence {
  offset: { start: number; length: number };
  terms: { text: string; tags: string[]; offset: { start: number; length: number } }[];
}

/**
 * Sentence spans of the text, in order; never empty for a non-empty text. Read off the one tagging pass
 * (`doc.json`), which carries each sentence's offsets: asking `doc.sentences()` again costs more than the tagging.
 */
function sentences(tagged: readonly TaggedSentence[], length: number): [number, number][] {
  const spans = tagged.map((s) => [s.offset.start, s.offset.start + s.offset.length] as [number, number]);
  return spans.length > 0 ? spans : [[0, length]];
}

/**
 * Head words that say what a name is, whatever the tagger thinks of its other words: "the Strait of Hormuz" and
 * "the Taiwan Strait" are places, "the Bank of England" an organisation, "the Queen of Sheba" a person. The head
 * is the last word before "of", else the last word.
 */
const HEAD_KINDS: ReadonlyMap<string, EntityKindName> = new Map([
  ...`strait straits sea gulf bay ocean river lake mountains island islands peninsula canal valley desert coast
  cape province region city republic kingdom empire`
    .split(/\s+/u)
    .map((w) => [w, "PLACE"] as const),
  ...`bank union nations council party ministry department parliament congress senate court agency institute
  university college company corporation fund organisation organization commission committee army navy league
  federation alliance office assembly`
    .split(/\s+/u)
    .map((w) => [w, "ORGANIZATION"] as const),
  ...`king queen prince princess duke duchess emperor empress pope president tsar czar sultan shah lord lady
  archbishop bishop chancellor`
    .split(/\s+/u)
    .map((w) => [w, "PERSON"] as const),
]);

function kindFromHead(words: readonly string[]): EntityKindName | null {
  const of = words.findIndex((w) => w.toLowerCase() === "of");
  const head = of > 0 ? words[of - 1] : words.at(-1);
  return HEAD_KINDS.get((head ?? "").toLowerCase()) ?? null;
}

function kindFromTags(tags: string[]): EntityKindName {
  if (tags.some((t) => t === "Person" || t === "FirstName" || t === "LastName" || t === "Honorific"))
    return "PERSON";
  if (tags.some((t) => t === "Place" || t === "City" || t === "Country" || t === "Region")) return "PLACE";
  if (tags.some((t) => t === "Organization" || t === "SportsTeam" || t === "Company")) return "ORGANIZATION";
  return "OTHER";
}

/**
 * `ignore`: keys never taken as entities unless the gazetteer names them, e.g. the publication's commenters
 * (readers answering "Victor" are talking to a reader, not about a public figure).
 */
export function extractEntities(text: string, ignore: ReadonlySet<string> = new Set()): EntityMentionSpan[] {
  // Every name either source takes starts with a capital: without one, there is nothing to tag.
  if (!/\p{Lu}/u.test(text)) return [];
  const tagged = nlp(text).json({ offset: true }) as TaggedSentence[];
  const sentenceSpans = sentences(tagged, text.length);
  const sentenceOf = (start: number): [number, number] =>
    sentenceSpans.find(([s, e]) => start >= s && start < e) ?? [0, text.length];
  let found: Omit<EntityMentionSpan, "sentenceStart" | "sentenceEnd">[] = [];
  const overlapping = (start: number, end: number) => found.filter((m) => start < m.end && end > m.start);

  // 1. The gazetteer: longest alias first at each word.
  const words = tokens(text);
  for (let i = 0; i < words.length; i += 1) {
    for (let n = Math.min(LONGEST_ALIAS, words.length - i); n >= 1; n -= 1) {
      const first = words[i]!;
      const last = words[i + n - 1]!;
      const raw = text.slice(first.start, last.end);
      const surface = withoutPossessive(raw);
      const candidates = GAZETTEER_INDEX.get(entityKey(surface));
      const entry = candidates?.find((c) => (c.exact ? surface === c.name : /^\p{Lu}/u.test(first.text)));
      if (!entry) continue;
      const end = first.start + surface.length;
      found.push({ surface, key: entry.key, kind: entry.kind, start: first.start, end });
      i += n - 1;
      break;
    }
  }

  // 2. Other proper nouns, typed by compromise's tags: runs of ProperNoun terms, taking in a capitalised
  // unknown word just before (compromise leaves "Ramzan" of "Ramzan Kadyrov" a plain noun at a sentence start).
  const plainCapitalised = (t: { text: string; tags: string[] }) =>
    /^\p{Lu}\p{Ll}+$/u.test(t.text) && t.tags.every((tag) => tag === "Noun" || tag === "Singular");
  for (const sentence of tagged) {
    const terms = sentence.terms;
    for (let i = 0; i < terms.length; i += 1) {
      if (!terms[i]!.tags.includes("ProperNoun")) continue;
      let first = i;
      let last = i;
      const properFrom = (j: number) => j < terms.length && terms[j]!.tags.includes("ProperNoun");
      while (properFrom(last + 1)) last += 1;
      // "X of Y" is one name (the Strait of Hormuz, the Bank of England), "of the" too (the Prince of the Asturias).
      while (last + 2 < terms.length && terms[last + 1]!.text === "of") {
        const next = terms[last + 2]!.text === "the" ? last + 3 : last + 2;
        if (!properFrom(next)) break;
        last = next;
        while (properFrom(last + 1)) last += 1;
      }
      if (first > 0 && plainCapitalised(terms[first - 1]!)) first -= 1;
      i = last;
      const begin = terms[first]!.offset.start;
      const raw = text.slice(begin, terms[last]!.offset.start + terms[last]!.offset.length);
      const surface = withoutPossessive(raw.replace(/[^\p{L}\p{N}]+$/u, ""));
      const end = begin + surface.length;
      const key = entityKey(surface);
      if (surface.length < 2 || !/^\p{Lu}/u.test(surface) || NOT_ENTITIES.has(key) || ignore.has(key))
        continue;
      const run = terms.slice(first, last + 1);
      const head = kindFromHead(run.map((t) => t.text));
      const inside = overlapping(begin, end);
      if (inside.length > 0) {
        // A longer name built around a known one is another name ("the Taiwan Strait" is not Taiwan, "the Bank
        // of England" not England); anything else the gazetteer found stands.
        const named = head !== null || run.some((t) => t.text === "of");
        if (!named || inside.some((m) => m.start < begin || m.end > end)) continue;
        found = found.filter((m) => !inside.includes(m));
      }
      // Without a telling head word, "X of Y" is typed by X: the Concert of Europe is not a place.
      const of = run.findIndex((t) => t.text === "of");
      const kind = head ?? kindFromTags((of > 0 ? run.slice(0, of) : run).flatMap((t) => t.tags));
      // An untyped single word is a weak guess: not when it opens a sentence (capitalised anyway) or is a
      // contraction ("I've") or a shouted common word ("This IS wrong").
      if (kind === "OTHER" && first === last && (first === 0 || /['’]/u.test(surface) || isStopWord(surface)))
        continue;
      found.push({ surface, key, kind, start: begin, end });
    }
  }

  return found
    .sort((a, b) => a.start - b.start)
    .map((m) => {
      const [sentenceStart, sentenceEnd] = sentenceOf(m.start);
      return { ...m, sentenceStart, sentenceEnd };
    });
}
