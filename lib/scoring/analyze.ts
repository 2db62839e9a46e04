/**
 * One pass of text analysis shared by features, harm detectors and cues: tokens, lexicon matches,
 * per-family counts, which families co-occur in a sentence, sentiment and surface counts.
 */
import { HARM_LEXICON } from "./harm-lexicon";
import { ENGLISH_WORD_SET, FAMILY_COUNT, FAMILY_INDEX, SENTIMENT_PHRASE } from "./lexicons";
import { type Match, matchPhrases } from "./phrase-matcher";
import { analyzeSentiment, type SentimentAnalysis } from "./sentiment";
import { EMOJI, NUMBER, PUNCT, type Tokens, tokenize, URL, WORD } from "./tokenize";
import type { ScoreContext } from "./types";

export interface Analysis {
  text: string;
  tokens: Tokens;
  matches: Match[];
  /** Matches per family (index = family index). */
  familyCounts: Float64Array;
  /** Bit mask of families present, one entry per sentence. */
  sentenceFamilies: number[];
  /** Sentence index of each token (scratch storage: valid until the next call to `analyze`). */
  sentenceOf: Int32Array;
  sentiment: SentimentAnalysis;
  wordCount: number;
  sentenceCount: number;
  questionCount: number;
  endsWithQuestion: boolean;
  exclamationCount: number;
  capsCount: number;
  quoteCount: number;
  urlCount: number;
  numberCount: number;
  yearCount: number;
  emojiCount: number;
  /** Share of words that are common English function words (low for other languages). */
  englishRatio: number;
  /** Share of the comment's content words that also occur in the post title or body (0 without them). */
  postOverlap: number;
  /** 1 reply, 0 top-level, 0.5 unknown. */
  isReply: number;
  /** Families matched among the first five tokens (bit mask), e.g. an opening "Thanks". */
  openingFamilies: number;
}

const MAX_POST_CHARS = 4000;

let sentenceScratch = new Int32Array(256);

/** Sentence index per token: scratch storage reused by every call (only read within `analyze`). */
function sentenceBuffer(size: number): Int32Array {
  if (sentenceScratch.length < size)
    sentenceScratch = new Int32Array(Math.max(size, sentenceScratch.length * 2));
  return sentenceScratch;
}

// Recycled by calls with `reuse` (the Analysis is then valid only until the next such call).
const reusedFamilyCounts = new Float64Array(FAMILY_COUNT);
const reusedSentenceFamilies: number[] = [];

/** Family a match counts toward when it sits in a negation scope (-1: not counted). */
const REDIRECT_WHEN_NEGATED: ReadonlyMap<number, number> = new Map([
  [FAMILY_INDEX.praise, FAMILY_INDEX.disagree],
  [FAMILY_INDEX.agree, FAMILY_INDEX.disagree],
  [FAMILY_INDEX.thanks, -1],
  [FAMILY_INDEX.doubt, -1],
  [FAMILY_INDEX.hedge, -1],
]);

/** Abuse families whose words, when quoted, are mentioned rather than used ("calling them 'vermin' is vile"). */
const MENTIONED_WHEN_QUOTED: ReadonlySet<number> = new Set([
  FAMILY_INDEX.insult,
  FAMILY_INDEX.slur,
  FAMILY_INDEX.dehumanizing,
  FAMILY_INDEX.threat,
  FAMILY_INDEX.harm,
]);

function isQuoteMark(tokens: Tokens, k: number): boolean {
  const norm = tokens.norm[k];
  return tokens.kind[k] === PUNCT && (norm === '"' || norm === "'");
}

/** After an insult word these make it a thing, not a person: "troll farms", "bot networks". */
const NOT_A_PERSON_AFTER: ReadonlySet<string> = new Set(HARM_LEXICON.notAPersonAfterInsult);

let quotedScratch = new Uint8Array(256);

/**
 * Marks the tokens inside a closed pair of quote marks within one sentence (1 = quoted), in one pass.
 * Apostrophes inside words are part of the word token, so a standalone ' is a quote mark; one left open at
 * the end of its sentence (a plural possessive, "kids' rooms") marks nothing. Scratch storage, reused.
 */
function markQuoted(tokens: Tokens, sentenceOf: Int32Array): Uint8Array {
  if (quotedScratch.length < tokens.count)
    quotedScratch = new Uint8Array(Math.max(tokens.count, quotedScratch.length * 2));
  const quoted = quotedScratch;
  quoted.fill(0, 0, tokens.count);
  let open = -1;
  for (let k = 0; k < tokens.count; k++) {
    if (open >= 0 && sentenceOf[k] !== sentenceOf[open]) open = -1;
    if (!isQuoteMark(tokens, k)) continue;
    if (open < 0) open = k;
    else {
      quoted.fill(1, open + 1, k);
      open = -1;
    }
  }
  return quoted;
}

function isYear(norm: string): boolean {
  if (norm.length !== 4) return false;
  const n = Number(norm);
  return n >= 1000 && n <= 2099;
}

function postWords(context: ScoreContext | undefined): Set<string> | null {
  if (!context) return null;
  const source = `${context.postTitle ?? ""} ${(context.postBody ?? "").slice(0, MAX_POST_CHARS)}`;
  if (source.trim().length === 0) return null;
  const words = new Set<string>();
  const t = tokenize(source);
  for (let k = 0; k < t.count; k++) {
    const w = t.lemma[k] ?? "";
    if (t.kind[k] === WORD && w.length > 3 && !ENGLISH_WORD_SET.has(w)) words.add(w);
  }
  return words;
}

/**
 * Analyses `text`. With `reuse`, token storage (and the match, sentiment-hit and count storage) is
 * recycled between calls: the returned Analysis is then valid only until the next call with a `reuse`
 * buffer (the scorer's hot path copies what it keeps).
 */
export function analyze(text: string, context?: ScoreContext, reuse?: Tokens): Analysis {
  const tokens = tokenize(text, reuse);
  const recycle = reuse !== undefined;
  const matches = matchPhrases(tokens, recycle);
  const sentiment = analyzeSentiment(tokens, matches, recycle);

  const sentenceOf = sentenceBuffer(tokens.count);
  let sentence = 0;
  let wordCount = 0;
  let questionCount = 0;
  let exclamationCount = 0;
  let capsCount = 0;
  let quoteCount = 0;
  let urlCount = 0;
  let numberCount = 0;
  let yearCount = 0;
  let emojiCount = 0;
  let englishWords = 0;
  let lastContentKind = -1;
  let lastContentNorm = "";
  let sawContentInSentence = false;
  for (let k = 0; k < tokens.count; k++) {
    const kind = tokens.kind[k];
    const norm = tokens.norm[k] ?? "";
    sentenceOf[k] = sentence;
    if (kind === PUNCT) {
      if (norm === "?") questionCount++;
      else if (norm === "!") exclamationCount++;
      else if (norm === '"') quoteCount++;
      if ((norm === "." || norm === "?" || norm === "!") && sawContentInSentence) {
        sentence++;
        sawContentInSentence = false;
      }
    } else {
      sawContentInSentence = true;
      if (kind === WORD) {
        wordCount++;
        if (tokens.caps[k]) capsCount++;
        if (tokens.info[k]?.english) englishWords++;
      } else if (kind === NUMBER) {
        numberCount++;
        if (isYear(norm)) yearCount++;
      } else if (kind === URL) urlCount++;
      else if (kind === EMOJI) emojiCount++;
    }
    if (kind !== PUNCT || norm === "?" || norm === "." || norm === "!") {
      lastContentKind = kind ?? -1;
      lastContentNorm = norm;
    }
  }
  const sentenceCount = sentence + (sawContentInSentence ? 1 : 0);

  const familyCounts = recycle ? reusedFamilyCounts.fill(0) : new Float64Array(FAMILY_COUNT);
  const negated = sentiment.negatedTokens;
  const sentenceFamilies: number[] = recycle ? reusedSentenceFamilies : [];
  sentenceFamilies.length = 0;
  for (let i = Math.max(1, sentenceCount); i > 0; i--) sentenceFamilies.push(0);
  let openingFamilies = 0;
  let quoted: Uint8Array | null = null;
  for (const m of matches) {
    if (m.family === SENTIMENT_PHRASE) continue;
    // "not great", "don't agree": a negated approval counts as disagreement; "no reason to doubt" as nothing.
    let family = negated[m.first] === 1 ? (REDIRECT_WHEN_NEGATED.get(m.family) ?? m.family) : m.family;
    if (
      family === FAMILY_INDEX.insult &&
      m.last + 1 < tokens.count &&
      NOT_A_PERSON_AFTER.has(tokens.norm[m.last + 1] ?? "")
    )
      family = -1;
    if (MENTIONED_WHEN_QUOTED.has(family)) {
      quoted ??= markQuoted(tokens, sentenceOf);
      if (quoted[m.first] === 1) family = -1;
    }
    m.family = family;
    if (family < 0) continue;
    familyCounts[family] = (familyCounts[family] ?? 0) + 1;
    const s = sentenceOf[m.first] ?? 0;
    sentenceFamilies[s] = (sentenceFamilies[s] ?? 0) | (1 << family);
    if (m.first < 5) openingFamilies |= 1 << family;
  }

  let postOverlap = 0;
  const post = postWords(context);
  if (post !== null) {
    let content = 0;
    let shared = 0;
    for (let k = 0; k < tokens.count; k++) {
      const w = tokens.lemma[k] ?? "";
      if (tokens.kind[k] !== WORD || w.length <= 3 || ENGLISH_WORD_SET.has(w)) continue;
      content++;
      if (post.has(w)) shared++;
    }
    postOverlap = content > 0 ? shared / content : 0;
  }

  return {
    text,
    tokens,
    matches,
    familyCounts,
    sentenceFamilies,
    sentenceOf,
    sentiment,
    wordCount,
    sentenceCount,
    questionCount,
    endsWithQuestion: lastContentKind === PUNCT && lastContentNorm === "?",
    exclamationCount,
    capsCount,
    quoteCount,
    urlCount,
    numberCount,
    yearCount,
    emojiCount,
    englishRatio: wordCount > 0 ? englishWords / wordCount : 0,
    postOverlap,
    isReply: context?.isReply === true ? 1 : context?.isReply === false ? 0 : 0.5,
    openingFamilies,
  };
}

/** Number of sentences in which both families occur. */
export function cooccurring(a: Analysis, first: number, second: number): number {
  const mask = (1 << first) | (1 << second);
  let n = 0;
  for (const s of a.sentenceFamilies) if ((s & mask) === mask) n++;
  return n;
}

export function count(a: Analysis, family: keyof typeof FAMILY_INDEX): number {
  return a.familyCounts[FAMILY_INDEX[family]] ?? 0;
}

/** Both families occur in sentences at most `window` apart (0: the same sentence). */
export function within(a: Analysis, first: number, second: number, window: number): boolean {
  const fa = 1 << first;
  const fb = 1 << second;
  const s = a.sentenceFamilies;
  for (let i = 0; i < s.length; i++) {
    if (((s[i] ?? 0) & fa) === 0) continue;
    const to = Math.min(s.length - 1, i + window);
    for (let j = Math.max(0, i - window); j <= to; j++) if ((s[j] ?? 0) & fb) return true;
  }
  return false;
}
