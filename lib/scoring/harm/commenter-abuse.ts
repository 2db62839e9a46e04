/**
 * Abuse of the person addressed (another commenter, or the author): an insult or contempt next to "you",
 * "you people" lumped together with contempt, a reply that opens at "you" and insults, and phrases that
 * belittle the person addressed ("nobody asked you"). Insults of public figures named in the third person
 * are not aimed at anyone here and stay out of this signal.
 */
import type { Analysis } from "../analyze";
import { HARM_LEXICON } from "../harm-lexicon";
import type { Match } from "../phrase-matcher";
import { WORD } from "../tokenize";
import { HARM_THRESHOLDS } from "./thresholds";
import {
  addressesYou,
  F,
  familiesAround,
  HOSTILE,
  isNegated,
  matchCount,
  normAt,
  SECOND_PERSON,
  WARM,
} from "./token-helpers";

const T = HARM_THRESHOLDS.commenterAbuse;
const POSSESSIVE: ReadonlySet<string> = new Set(HARM_LEXICON.possessiveSecondPerson);
const ARTICLES: ReadonlySet<string> = new Set(HARM_LEXICON.articles);
const COMPARERS: ReadonlySet<string> = new Set(HARM_LEXICON.comparers);
const LIKENERS: ReadonlySet<string> = new Set(HARM_LEXICON.likeners);

/**
 * The person addressed is named by this second-person match: "your argument is stupid" insults the
 * argument, "your a troll" (for "you're a") the person.
 */
function namesPerson(a: Analysis, m: Match): boolean {
  return !POSSESSIVE.has(a.tokens.norm[m.last] ?? "") || ARTICLES.has(normAt(a, m.last + 1));
}

/** "idiots like you", "a bigger fool than you": the second person just after an insult ending at `last`. */
function comparedToYou(a: Analysis, last: number, sentence: number): boolean {
  const { tokens, sentenceOf } = a;
  for (let k = last + 2; k <= last + T.beforeYouReach && k < tokens.count; k++) {
    if (sentenceOf[k] !== sentence) break;
    if (
      tokens.kind[k] === WORD &&
      SECOND_PERSON.has(tokens.norm[k] ?? "") &&
      COMPARERS.has(tokens.norm[k - 1] ?? "")
    )
      return true;
  }
  return false;
}

/**
 * The strongest abuse aimed at "you" (not negated): an insult, slur or dehumanising word, or else a
 * contempt word ("pathetic", "shut up"), at most `atYouReach` tokens after "you" in the same sentence or
 * just before "like you".
 */
function abuseAtYou(a: Analysis): "insult" | "contempt" | null {
  if (
    matchCount(a, F.insult) +
      matchCount(a, F.slur) +
      matchCount(a, F.dehumanizing) +
      matchCount(a, F.contempt) ===
    0
  )
    return null;
  const { matches, sentenceOf } = a;
  let lastYou = -1000;
  let found: "contempt" | null = null;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    if (m === undefined) continue;
    if (m.family === F.secondPerson) {
      if (namesPerson(a, m)) lastYou = m.last;
      continue;
    }
    const abusive = m.family === F.insult || m.family === F.slur || m.family === F.dehumanizing;
    if ((!abusive && m.family !== F.contempt) || isNegated(a, m.first)) continue;
    const sentence = sentenceOf[m.first] ?? 0;
    const atYou =
      (m.first - lastYou <= T.atYouReach && sentenceOf[lastYou] === sentence) ||
      comparedToYou(a, m.last, sentence);
    if (atYou && abusive) return "insult";
    if (atYou) found = "contempt";
  }
  return found;
}

/** "like" follows token `from` within its sentence ("you lot sound just like ..."). */
function likenedAfter(a: Analysis, from: number, sentence: number): boolean {
  const { tokens, sentenceOf } = a;
  for (let k = from + 1; k < tokens.count && sentenceOf[k] === sentence; k++) {
    if (LIKENERS.has(tokens.norm[k] ?? "")) return true;
  }
  return false;
}

/**
 * "You people", "you're all", "people like you" lumped together with insults or contempt, or likened to a
 * named group ("you're all starting to sound like <group>"), in a sentence without thanks or praise.
 */
function collectiveYou(a: Analysis): boolean {
  if (matchCount(a, F.othering) === 0) return false;
  const { matches } = a;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    if (m === undefined || m.family !== F.othering) continue;
    const here = familiesAround(a, m.first);
    if ((here & WARM) !== 0 || !addressesYou(a, m)) continue;
    if ((here & HOSTILE) !== 0) return true;
    if ((here & (1 << F.identityGroup)) !== 0 && likenedAfter(a, m.last, a.sentenceOf[m.first] ?? 0))
      return true;
  }
  return false;
}

/**
 * Phrases belittling the person addressed, not negated, in a sentence that addresses someone ("you") or,
 * in a reply, opening its sentence ("Glowie.", "Shut up and read the treaty") — so "Macron should shut
 * up" or "the little man in the Kremlin" do not count.
 */
function countBelittling(a: Analysis): number {
  if (matchCount(a, F.commenterAbuse) === 0) return 0;
  const { matches, sentenceOf } = a;
  let n = 0;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    if (m === undefined || m.family !== F.commenterAbuse || isNegated(a, m.first)) continue;
    const sentence = sentenceOf[m.first] ?? 0;
    const addressed = (familiesAround(a, m.first) & (1 << F.secondPerson)) !== 0;
    const opensReply = a.isReply === 1 && (m.first === 0 || sentenceOf[m.first - 1] !== sentence);
    if (addressed || opensReply) n++;
  }
  return n;
}

/**
 * The comment opens by addressing someone ("You ...", "Mate, you ..."), and not to thank, praise or
 * agree with them ("Thanks, you are right").
 */
function opensAtYou(a: Analysis): boolean {
  const opening = a.sentenceFamilies[0] ?? 0;
  return (opening & (WARM | (1 << F.agree))) === 0 && ((opening >> F.secondPerson) & 1) === 1;
}

/** 0..1: abuse aimed at the person addressed; a reply raises it (`replyBonus` times the reply indicator). */
export function detectCommenterAbuse(a: Analysis): number {
  const aimed = abuseAtYou(a);
  let level = 0;
  if (aimed === "insult") level = T.insultAtYou + T.replyBonus * a.isReply;
  else if (collectiveYou(a)) level = T.collectiveYou;
  // A reply that opens by addressing someone and insults anywhere is aimed at that person.
  else if (a.isReply === 1 && opensAtYou(a) && matchCount(a, F.insult) > 0) level = T.replyOpeningAtYou;
  else if (aimed === "contempt") level = T.contemptAtYou + T.replyBonus * a.isReply;
  // In a top-level comment the person belittled is often a public figure ("Macron should shut up"), so a
  // belittling phrase alone does not flag there.
  if (countBelittling(a) > 0)
    level = Math.max(level, a.isReply === 0 ? T.belittlingTopLevel : T.belittling + T.replyBonus * a.isReply);
  return level;
}
