/**
 * The feature vector fed to the linear model: per-family cue counts (log-scaled) and densities, surface
 * shape (length, questions, quotes, capitals), sentiment, context and moderation signals. Names are the
 * contract with the weights file: the model refuses weights written for a different list.
 */
import { type Analysis, cooccurring } from "./analyze";
import type { HarmSignals } from "./harm";
import { FAMILIES } from "./lexicon-data";
import { FAMILY_INDEX } from "./lexicons";

/** Families whose density (matches per ~20 words) matters apart from their count. */
const DENSITY_FAMILIES = [
  "doubt",
  "dismissive",
  "sarcasm",
  "insult",
  "contempt",
  "praise",
  "thanks",
  "reasoning",
  "evidence",
  "agree",
  "disagree",
  "hedge",
  "absolute",
  "politicalLabel",
  "newsRelay",
] as const;

/** Families whose presence in the opening words matters (an opening "Thanks", "Exactly", "Nonsense"). */
const OPENING_FAMILIES = [
  "thanks",
  "praise",
  "agree",
  "disagree",
  "dismissive",
  "sarcasm",
  "laughter",
] as const;

export const FEATURE_NAMES: readonly string[] = [
  ...FAMILIES.map((f) => `count:${f}`),
  ...DENSITY_FAMILIES.map((f) => `density:${f}`),
  ...OPENING_FAMILIES.map((f) => `opening:${f}`),
  "logWords",
  "short",
  "long",
  "logSentences",
  "questions",
  "endsWithQuestion",
  "exclamations",
  "capsWords",
  "quotes",
  "urls",
  "urlOnly",
  "numbers",
  "years",
  "emoji",
  "sentimentComparative",
  "sentimentPositive",
  "sentimentNegative",
  "sentimentScoreSign",
  "negations",
  "isReply",
  "replyUnknown",
  "postOverlap",
  "insultAtYou",
  "contemptAtYou",
  "disagreeAtYou",
  "praiseAtAuthor",
  "signal:insult",
  "signal:profanity",
  "signal:threat",
  "signal:identityAttack",
  "signal:personalAbuse",
];

export const FEATURE_COUNT = FEATURE_NAMES.length;

const F = FAMILY_INDEX;
const DENSITY_AT = Int32Array.from(DENSITY_FAMILIES, (f) => F[f]);
const OPENING_AT = Int32Array.from(OPENING_FAMILIES, (f) => F[f]);

/** Fills `out` (length FEATURE_COUNT) and returns it; pass a reused buffer on the hot path. */
export function extractFeatures(
  a: Analysis,
  m: HarmSignals,
  out: Float64Array = new Float64Array(FEATURE_COUNT),
): Float64Array {
  let i = 0;
  const counts = a.familyCounts;
  for (let f = 0; f < FAMILIES.length; f++) out[i++] = Math.log1p(counts[f] ?? 0);
  const per20 = 1 + a.wordCount / 20;
  for (let d = 0; d < DENSITY_AT.length; d++)
    out[i++] = Math.min(3, (counts[DENSITY_AT[d] ?? 0] ?? 0) / per20);
  for (let o = 0; o < OPENING_AT.length; o++) out[i++] = (a.openingFamilies >> (OPENING_AT[o] ?? 0)) & 1;
  const s = a.sentiment;
  out[i++] = Math.log1p(a.wordCount);
  out[i++] = a.wordCount <= 8 ? 1 : 0;
  out[i++] = a.wordCount >= 60 ? 1 : 0;
  out[i++] = Math.log1p(a.sentenceCount);
  out[i++] = Math.log1p(a.questionCount);
  out[i++] = a.endsWithQuestion ? 1 : 0;
  out[i++] = Math.log1p(a.exclamationCount);
  out[i++] = Math.log1p(a.capsCount);
  out[i++] = Math.log1p(a.quoteCount / 2);
  out[i++] = Math.log1p(a.urlCount);
  out[i++] = a.urlCount > 0 && a.wordCount <= 3 ? 1 : 0;
  out[i++] = Math.log1p(a.numberCount);
  out[i++] = Math.log1p(a.yearCount);
  out[i++] = Math.log1p(a.emojiCount);
  out[i++] = Math.max(-1, Math.min(1, s.comparative));
  out[i++] = Math.log1p(s.positive);
  out[i++] = Math.log1p(s.negative);
  out[i++] = Math.sign(s.score);
  out[i++] = Math.log1p(s.negatedCount);
  out[i++] = a.isReply === 1 ? 1 : 0;
  out[i++] = a.isReply === 0.5 ? 1 : 0;
  out[i++] = a.postOverlap;
  out[i++] = Math.log1p(cooccurring(a, F.insult, F.secondPerson));
  out[i++] = Math.log1p(cooccurring(a, F.contempt, F.secondPerson));
  out[i++] = Math.log1p(cooccurring(a, F.disagree, F.secondPerson));
  out[i++] = Math.log1p(
    cooccurring(a, F.praise, F.authorAddress) + cooccurring(a, F.thanks, F.authorAddress),
  );
  out[i++] = m.insult;
  out[i++] = m.profanity;
  out[i++] = m.threat;
  out[i++] = m.identityAttack;
  out[i++] = m.commenterAbuse;
  return out;
}
