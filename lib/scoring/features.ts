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

/**
 * Public corpora in the training data whose label habits differ from a newsletter's (one picked for
 * toxicity, one of short Reddit comments). Their indicator features are 1 for their comments in training
 * and always 0 when scoring, so what is peculiar to a corpus is learned by its indicator instead of by the
 * words (domain adaptation by source bias).
 */
export const TRAINING_SOURCES = ["civil_comments", "goemotions"] as const;
const SOURCE_FEATURES = TRAINING_SOURCES.map((s) => `trainingSource:${s}`);

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
  ...SOURCE_FEATURES,
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
  for (let k = 0; k < SOURCE_FEATURES.length; k++) out[i++] = 0;
  return out;
}

/** Marks a training comment's corpus in features from `extractFeatures` or `extractFlagFeatures`. */
export function markTrainingSource(
  features: Float64Array,
  names: readonly string[],
  source: string | null | undefined,
): void {
  const at = names.indexOf(`trainingSource:${source}`);
  if (at >= 0) features[at] = 1;
}

/**
 * What the flag head reads: the abuse detectors, how hostile the tone head found the comment, and whether
 * it is aimed at the person addressed (a reply, "you", an insult next to "you"). Spam and doxxing are left
 * out: they flag on their own detectors (see score.ts), the labelled sets holding too few to learn from.
 */
export const FLAG_FEATURE_NAMES: readonly string[] = [
  "harm:insult",
  "harm:profanity",
  "harm:threat",
  "harm:identityAttack",
  "harm:commenterAbuse",
  "hostileLogOdds",
  "isReply",
  "replyUnknown",
  "secondPerson",
  "insultAtYou",
  "commenterAbuseWords",
  ...SOURCE_FEATURES,
];

export const FLAG_FEATURE_COUNT = FLAG_FEATURE_NAMES.length;

/** Log-odds of a probability, bounded so a certain head does not dominate the flag head. */
export function logOdds(p: number): number {
  const q = Math.min(0.999, Math.max(0.001, p));
  return Math.log(q / (1 - q));
}

/** Fills `out` (length FLAG_FEATURE_COUNT) and returns it; `hostile` is the tone head's probability. */
export function extractFlagFeatures(
  a: Analysis,
  m: HarmSignals,
  hostile: number,
  out: Float64Array = new Float64Array(FLAG_FEATURE_COUNT),
): Float64Array {
  let i = 0;
  out[i++] = m.insult;
  out[i++] = m.profanity;
  out[i++] = m.threat;
  out[i++] = m.identityAttack;
  out[i++] = m.commenterAbuse;
  out[i++] = logOdds(hostile);
  out[i++] = a.isReply === 1 ? 1 : 0;
  out[i++] = a.isReply === 0.5 ? 1 : 0;
  out[i++] = Math.log1p(a.familyCounts[F.secondPerson] ?? 0);
  out[i++] = Math.log1p(cooccurring(a, F.insult, F.secondPerson));
  out[i++] = Math.log1p(a.familyCounts[F.commenterAbuse] ?? 0);
  for (let k = 0; k < SOURCE_FEATURES.length; k++) out[i++] = 0;
  return out;
}
