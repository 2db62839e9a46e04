/**
 * Threat: threat phrases ("I know where you live"), harm wished or called for ("hope he dies", "they
 * should hang"), and violence aimed at a person or a group. Violence alone (war reporting) stays low.
 */
import { type Analysis, cooccurring } from "../analyze";
import { HARM_LEXICON } from "../harm-lexicon";
import { PUNCT } from "../tokenize";
import { HARM_THRESHOLDS } from "./thresholds";
import { F, isNegated, matchCount, questionSentences, saturate } from "./token-helpers";

const T = HARM_THRESHOLDS.threat;
const WISHES: ReadonlySet<string> = new Set(HARM_LEXICON.wishes);
const SENTENCE_OPENING_WISHES: ReadonlySet<string> = new Set(HARM_LEXICON.sentenceOpeningWishes);
const FAILED_ATTACK_ENDS: ReadonlySet<string> = new Set(HARM_LEXICON.failedAttackEnds);

/**
 * Threat phrases that count: not negated ("nobody should be shot"), and a failed-attack regret only when
 * it closes its sentence ("shame they missed." but not "shame they missed the deadline").
 */
function countThreatPhrases(a: Analysis): number {
  if (matchCount(a, F.threat) === 0) return 0;
  const { tokens, matches } = a;
  let n = 0;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    if (m === undefined || m.family !== F.threat || isNegated(a, m.first)) continue;
    const next = m.last + 1;
    if (
      FAILED_ATTACK_ENDS.has(tokens.norm[m.last] ?? "") &&
      next < tokens.count &&
      tokens.kind[next] !== PUNCT
    )
      continue;
    n++;
  }
  return n;
}

/** A wish word stands at token `k` of `sentence` ("hope", "should"; "May" only opening the sentence). */
function isWish(a: Analysis, k: number, sentence: number): boolean {
  const word = a.tokens.norm[k] ?? "";
  return (
    WISHES.has(word) || (SENTENCE_OPENING_WISHES.has(word) && (k === 0 || a.sentenceOf[k - 1] !== sentence))
  );
}

/**
 * Harm phrases called for or wished: a wish word at most `wishReach` tokens before, in the same sentence,
 * not negated and not asked as a question ("should they hang for it?").
 */
function countWishedHarm(a: Analysis): number {
  if (matchCount(a, F.harm) === 0) return 0;
  const { matches, sentenceOf } = a;
  let asks: Uint8Array | null = null;
  let n = 0;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    if (m === undefined || m.family !== F.harm || isNegated(a, m.first)) continue;
    const sentence = sentenceOf[m.first] ?? 0;
    let wished = false;
    for (let k = m.first - 1; k >= 0 && k >= m.first - T.wishReach && sentenceOf[k] === sentence; k--) {
      if (isWish(a, k, sentence)) {
        wished = true;
        break;
      }
    }
    if (!wished) continue;
    asks ??= questionSentences(a);
    if (asks[sentenceOf[m.last] ?? 0] !== 1) n++;
  }
  return n;
}

/**
 * 0..1: a threat phrase or wished harm, then violence in a sentence with "these people", then violence in a
 * sentence with "you" or a group name; violence words alone (reporting) stay low.
 */
export function detectThreat(a: Analysis): number {
  const threats = countThreatPhrases(a) + countWishedHarm(a);
  if (threats > 0) return T.threatBase + T.threatGrowth * saturate(threats);
  if (cooccurring(a, F.violence, F.othering) > 0) return T.violenceAtOthered;
  if (cooccurring(a, F.violence, F.secondPerson) + cooccurring(a, F.violence, F.identityGroup) > 0)
    return T.violenceAtPerson;
  return saturate(T.violenceWeight * matchCount(a, F.violence));
}
