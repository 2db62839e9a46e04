/**
 * Cues: the spans of the original text behind a decision (lexicon matches and sentiment-bearing words),
 * so the dashboard can highlight them. Offsets come from the tokeniser, which never rewrites the text.
 */
import type { Analysis } from "./analyze";
import { FAMILIES } from "./lexicon-data";
import type { Cue } from "./types";

/** Highlighting more is noise for a reader; very long comments keep their first MAX_CUES cues. */
export const MAX_CUES = 100;

/** Families that say something about tone, stance or moderation (the rest are only model features). */
const SHOWN_FAMILIES: ReadonlySet<string> = new Set([
  "hedge",
  "doubt",
  "absolute",
  "dismissive",
  "sarcasm",
  "reasoning",
  "insult",
  "contempt",
  "profanity",
  "threat",
  "identityGroup",
  "othering",
  "dehumanizing",
  "slur",
  "agree",
  "disagree",
  "praise",
  "thanks",
  "laughter",
  "spam",
  "commenterAbuse",
]);

/** Words too common to be worth highlighting on their own (they still count as model features). */
const TOO_COMMON_ALONE: ReadonlySet<string> = new Set([
  "all",
  "only",
  "if",
  "then",
  "since",
  "while",
  "though",
  "every",
  "whole",
  "simply",
  "purely",
  "good",
  "best",
  "clear",
  "hope",
  "true",
  "yes",
  "indeed",
  "actually",
  "spin",
  "drama",
  "tired",
  "quality",
]);

/** SHOWN_FAMILIES by family index. */
const SHOWN_AT: readonly boolean[] = FAMILIES.map((f) => SHOWN_FAMILIES.has(f));

function span(a: Analysis, first: number, last: number, signal: string): Cue {
  const start = a.tokens.start[first] ?? 0;
  const end = a.tokens.end[last] ?? start;
  return { start, end, text: a.text.slice(start, end), signal };
}

/** Cues in order of start offset (lexicon matches and sentiment hits are each already in order). */
export function collectCues(a: Analysis): Cue[] {
  const cues: Cue[] = [];
  const matches = a.matches;
  const hits = a.sentiment.hits;
  let m = 0;
  let h = 0;
  while (cues.length < MAX_CUES && (m < matches.length || h < hits.length)) {
    const match = matches[m];
    const hit = hits[h];
    if (match !== undefined && (hit === undefined || match.first <= hit.first)) {
      m++;
      const family = FAMILIES[match.family];
      if (family === undefined || SHOWN_AT[match.family] !== true) continue;
      const alone = match.first === match.last && TOO_COMMON_ALONE.has(a.tokens.norm[match.first] ?? "");
      if (!alone) cues.push(span(a, match.first, match.last, family));
    } else if (hit !== undefined) {
      h++;
      const polarity = hit.raw > 0 ? "positive" : "negative";
      cues.push(span(a, hit.first, hit.last, hit.negated ? `negated-${polarity}` : polarity));
    }
  }
  return cues;
}
