/**
 * Cues: the spans of the original text behind a decision (lexicon matches and sentiment-bearing words),
 * so the dashboard can highlight them. Offsets come from the tokeniser, which never rewrites the text.
 */
import type { Analysis } from "./analyze";
import { FAMILIES } from "./lexicon-data";
import { SENTIMENT_PHRASE } from "./lexicons";
import type { Cue } from "./types";

/** Highlighting more is noise for a reader; very long comments keep their first MAX_CUES cues. */
export const MAX_CUES = 100;

/** Families that say something about tone, stance or moderation (the rest are only model features). */
const SHOWN_FAMILIES: ReadonlySet<string> = new Set([
  "hedge", "doubt", "absolute", "dismissive", "sarcasm", "reasoning", "insult", "contempt", "profanity",
  "threat", "identityGroup", "dehumanizing", "slur", "agree", "disagree", "praise", "thanks", "laughter",
  "spam",
]);

function span(a: Analysis, first: number, last: number, signal: string): Cue {
  const start = a.tokens.start[first] ?? 0;
  const end = a.tokens.end[last] ?? start;
  return { start, end, text: a.text.slice(start, end), signal };
}

export function collectCues(a: Analysis): Cue[] {
  const cues: Cue[] = [];
  for (const m of a.matches) {
    if (m.family === SENTIMENT_PHRASE) continue;
    const family = FAMILIES[m.family];
    if (family !== undefined && SHOWN_FAMILIES.has(family)) cues.push(span(a, m.first, m.last, family));
  }
  for (const h of a.sentiment.hits) {
    const polarity = h.raw > 0 ? "positive" : "negative";
    cues.push(span(a, h.first, h.last, h.negated ? `negated-${polarity}` : polarity));
  }
  cues.sort((x, y) => x.start - y.start || y.end - x.end || (x.signal < y.signal ? -1 : 1));
  if (cues.length > MAX_CUES) cues.length = MAX_CUES;
  return cues;
}
