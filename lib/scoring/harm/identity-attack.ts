/**
 * Identity attack: slurs, dehumanising language about a group ("they're vermin", "vatniks"), insulting
 * generalisations ("all Xs are liars"), "go back to where you came from", migrants framed as an invading
 * army, and "these people" with strong contempt. Words quoted to be discussed were dropped by `analyze`.
 */
import { type Analysis, cooccurring, within } from "../analyze";
import { HARM_LEXICON } from "../harm-lexicon";
import { HARM_THRESHOLDS } from "./thresholds";
import {
  addressesYou,
  dehumanizingPhraseKeys,
  F,
  familiesAround,
  HOSTILE,
  isNegated,
  matchCount,
  matchKey,
  saturate,
  WARM,
  wordPattern,
} from "./token-helpers";

const T = HARM_THRESHOLDS.identityAttack;
const GENERALISERS: ReadonlySet<string> = new Set(HARM_LEXICON.generalisers);
const TOLD_TO_LEAVE: ReadonlySet<string> = new Set(HARM_LEXICON.toldToLeave);
const STRONG_CONTEMPT: ReadonlySet<string> = new Set(HARM_LEXICON.strongContempt);
const COLLECTIVE: ReadonlySet<string> = new Set(HARM_LEXICON.collective);
/** Matched on the phrase's singular word forms (`matchKey`). */
const STRONG_DEHUMANIZING = dehumanizingPhraseKeys(HARM_LEXICON.strongDehumanizing);
const DEHUMANIZING_GROUP_NAMES = dehumanizingPhraseKeys(HARM_LEXICON.dehumanizingGroupNames);
const INVADER_NAMES = wordPattern(HARM_LEXICON.invaderNames);
const INVASION_WORDS = wordPattern(HARM_LEXICON.invasionWords);
/** Every invader name but a border crossing is an identity-group word: the cheap test before the regexes. */
const BORDER = /border/i;

/** "all <group> are <insult>": abuse closely follows a generalised group in the same sentence. */
function generalisedGroupAbuse(a: Analysis): boolean {
  if (matchCount(a, F.identityGroup) === 0) return false;
  const { matches, tokens, sentenceOf } = a;
  let generalisedEnd = -1;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    if (m === undefined) continue;
    if (m.family === F.identityGroup) {
      if (m.first > 0 && GENERALISERS.has(tokens.norm[m.first - 1] ?? "")) generalisedEnd = m.last;
      continue;
    }
    if (generalisedEnd < 0 || ((1 << m.family) & HOSTILE) === 0 || isNegated(a, m.first)) continue;
    if (
      m.first > generalisedEnd &&
      m.first - generalisedEnd <= T.generalisedReach &&
      sentenceOf[generalisedEnd] === sentenceOf[m.first]
    )
      return true;
  }
  return false;
}

/** An othering phrase telling someone to leave the country ("go back to where you came from"). */
function toldToLeave(a: Analysis): boolean {
  if (matchCount(a, F.othering) === 0) return false;
  const { matches, tokens } = a;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    if (m === undefined || m.family !== F.othering || (familiesAround(a, m.first) & WARM) !== 0) continue;
    for (let k = m.first; k <= m.last; k++) if (TOLD_TO_LEAVE.has(tokens.norm[k] ?? "")) return true;
  }
  return false;
}

/** Strong contempt said right after an othering phrase ending at token `after` ("these people are filth"). */
function strongContemptAfter(a: Analysis, after: number): boolean {
  const { matches, tokens } = a;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    if (m === undefined || m.family !== F.contempt || m.first <= after) continue;
    if (m.first - after > T.otheredContemptReach) break;
    if (!isNegated(a, m.first) && STRONG_CONTEMPT.has(tokens.norm[m.first] ?? "")) return true;
  }
  return false;
}

/** "These people", "those people" (not "you people") followed by strong contempt ("filth", "garbage"). */
function otheredWithContempt(a: Analysis): boolean {
  if (matchCount(a, F.othering) === 0 || matchCount(a, F.contempt) === 0) return false;
  const { matches } = a;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    if (m === undefined || m.family !== F.othering) continue;
    const here = familiesAround(a, m.first);
    if ((here & WARM) !== 0 || (here & (1 << F.contempt)) === 0 || addressesYou(a, m)) continue;
    if (strongContemptAfter(a, m.last)) return true;
  }
  return false;
}

/**
 * A strong dehumanising word said of a collective ("they're vermin", "these orcs", "MAGA voters are
 * subhumans"), a name that dehumanises a whole people ("vatniks"), or several strong ones in one comment.
 */
function collectiveDehumanized(a: Analysis): boolean {
  if (matchCount(a, F.dehumanizing) === 0) return false;
  const { tokens, matches, sentenceOf, sentenceFamilies } = a;
  let strong = 0;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    if (m === undefined || m.family !== F.dehumanizing || isNegated(a, m.first)) continue;
    const key = matchKey(a, m);
    if (!STRONG_DEHUMANIZING.has(key)) continue;
    if (DEHUMANIZING_GROUP_NAMES.has(key) || ++strong >= T.strongDehumanizingPerComment) return true;
    const sentence = sentenceOf[m.first] ?? 0;
    if (((sentenceFamilies[sentence] ?? 0) & ((1 << F.othering) | (1 << F.identityGroup))) !== 0) return true;
    const from = Math.max(0, m.first - T.collectiveReach);
    const to = Math.min(tokens.count - 1, m.last + T.collectiveReach);
    for (let k = from; k <= to; k++)
      if (sentenceOf[k] === sentence && COLLECTIVE.has(tokens.norm[k] ?? "")) return true;
  }
  return false;
}

/**
 * Insults within `groupInsultReach` tokens of an identity-group word in the same sentence: "All Muslims
 * are liars" counts, "the women of Iran deserve better than that creep" does not.
 */
function insultsNearGroup(a: Analysis): number {
  if (matchCount(a, F.insult) === 0 || matchCount(a, F.identityGroup) === 0) return 0;
  const { matches, sentenceOf } = a;
  const window = T.groupMatchWindow;
  let n = 0;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    if (m === undefined || m.family !== F.insult) continue;
    for (let j = Math.max(0, i - window); j < Math.min(matches.length, i + window + 1); j++) {
      const g = matches[j];
      if (g === undefined || g.family !== F.identityGroup || sentenceOf[g.first] !== sentenceOf[m.first])
        continue;
      if (Math.abs(g.first - m.first) <= T.groupInsultReach) {
        n++;
        break;
      }
    }
  }
  return n;
}

/**
 * Migrants framed as an invading army within one sentence ("an army of illegals crossed our border"),
 * over the analysis's own sentences (the original text of each, from its first to its last token).
 */
function invasionFraming(a: Analysis): boolean {
  const { text, tokens, sentenceOf } = a;
  if (matchCount(a, F.identityGroup) === 0 && !BORDER.test(text)) return false;
  if (!INVADER_NAMES.test(text)) return false;
  let first = 0;
  for (let k = 0; k < tokens.count; k++) {
    if (k + 1 < tokens.count && sentenceOf[k + 1] === sentenceOf[k]) continue;
    const sentence = text.slice(tokens.start[first] ?? 0, tokens.end[k] ?? text.length);
    if (INVADER_NAMES.test(sentence) && INVASION_WORDS.test(sentence)) return true;
    first = k + 1;
  }
  return false;
}

/** 0..1: the strongest evidence of an attack on people for who they are; each level is in HARM_THRESHOLDS. */
export function detectIdentityAttack(a: Analysis): number {
  const insults = matchCount(a, F.insult);
  const slurs = matchCount(a, F.slur);
  const dehumanizing = matchCount(a, F.dehumanizing);
  const othered = matchCount(a, F.othering) > 0;
  const groupDehumanized = cooccurring(a, F.identityGroup, F.dehumanizing);
  const groupInsulted = insultsNearGroup(a) + cooccurring(a, F.identityGroup, F.slur);

  let level = slurs > 0 ? T.slurBase + T.slurGrowth * saturate(slurs) : 0;
  if (groupDehumanized > 0)
    level = Math.max(level, T.groupDehumanizedBase + T.groupDehumanizedGrowth * saturate(groupDehumanized));
  else if (within(a, F.identityGroup, F.dehumanizing, T.groupSentenceWindow))
    level = Math.max(level, T.groupDehumanizedNearby);
  if (generalisedGroupAbuse(a) || toldToLeave(a) || otheredWithContempt(a))
    level = Math.max(level, T.aimedAtGroup);
  if (othered && dehumanizing > 0) level = Math.max(level, T.otheredDehumanized);
  // Insulting "all of them" is about a named group only when one is named; otherwise it is usually a
  // set of officials or pundits ("crooks, all of them"), which the rubric does not flag.
  else if (othered && insults > 0)
    level = Math.max(level, matchCount(a, F.identityGroup) > 0 ? T.otheredInsultedGroup : T.otheredInsulted);
  if (collectiveDehumanized(a)) level = Math.max(level, T.collectiveDehumanized);
  if (invasionFraming(a)) level = Math.max(level, T.invasionFraming);
  if (groupInsulted > 0)
    level = Math.max(level, T.groupInsultedBase + T.groupInsultedGrowth * saturate(groupInsulted));
  if (cooccurring(a, F.identityGroup, F.contempt) > 0 || othered) level = Math.max(level, T.groupContempt);
  if (dehumanizing > 0)
    level = Math.max(level, T.dehumanizingBase + T.dehumanizingGrowth * saturate(dehumanizing));
  return level;
}
