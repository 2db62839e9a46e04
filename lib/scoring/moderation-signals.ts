/**
 * Moderation signals (0..1) and the flag rule of the rubric: flag slurs or dehumanising language about a
 * group, threats or wished harm, personal abuse of another commenter, spam and doxxing. Insults aimed only
 * at public figures raise `insult` (and push the tone to hostile) but do not flag on their own.
 */
import { type Analysis, cooccurring, count, within } from "./analyze";
import { singular } from "./lemma";
import { LEXICON } from "./lexicon-data";
import { FAMILY_INDEX, phraseTokens } from "./lexicons";
import { PUNCT, WORD } from "./tokenize";
import type { HarmCategory, ModerationSignals } from "./types";

export interface Moderation {
  signals: ModerationSignals;
  /** Abuse aimed at the person addressed (another commenter or the author), 0..1. */
  personalAbuse: number;
  spam: number;
  doxxing: number;
  flag: boolean;
  flagReasons: HarmCategory[];
}

export const FLAG_THRESHOLD = 0.5;

const F = FAMILY_INDEX;
const EMAIL = /[\w.+-]+@[\w-]+\.[a-z]{2,}/i;
const PHONE = /\b\d{3}[-. )]\s?\d{3}[-. ]\d{4}\b/;
const ADDRESS_HINT = /\b(home address|lives at|his address|her address|their address)\b/i;
/** Words tying an address to a person ("lives", "works", "found her"), not to a news event. */
const PERSON_AT_ADDRESS =
  /\b(lives?|living|home|house|apartment|apt|works|found (?:him|her|them)|his|her|their)\b/i;
/** A street address: house number, capitalised street name, street type ("2211 Maple Ridge Dr"). */
const EUROPEAN_STREET_ADDRESS =
  /\b[A-Z][a-zäöüß]+(?:straat|strasse|straße|weg|laan|gasse|platz|gracht|plein|gatan|vej)\s+\d{1,4}\b/;
const STREET_ADDRESS =
  /\b\d{1,5}\s+(?:[A-Z][a-z]+\s+){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Blvd|Boulevard|Lane|Ln|Ct|Court|Way|Pl|Place|Terrace)\b/;

/** An insult this many tokens after "you"/"your" (or before "like you") is aimed at the person addressed. */
const AT_YOU_REACH = 4;
const BEFORE_YOU_REACH = 3;
/** Dehumanising words within this many sentences of a named group are read as being about the group. */
const GROUP_SENTENCE_WINDOW = 2;

const ABUSIVE = (1 << F.insult) | (1 << F.slur) | (1 << F.dehumanizing);
const HOSTILE = ABUSIVE | (1 << F.contempt);
const WARM = (1 << F.thanks) | (1 << F.praise);
/** Words after which a group noun is a generalisation about all its members ("all Xs are"). */
const GENERALISERS: ReadonlySet<string> = new Set(["all", "every"]);
const GENERALISED_REACH = 5;
const COMPARERS: ReadonlySet<string> = new Set(["like", "as", "than"]);
const SECOND_PERSON_WORDS: ReadonlySet<string> = new Set(["you", "you're", "your", "ya", "u"]);

interface Aimed {
  /** An insult, slur or dehumanising word next to "you"/"your" (not negated). */
  insultAtYou: boolean;
  /** A contempt word ("pathetic", "disgrace", "shut up") next to "you"/"your". */
  contemptAtYou: boolean;
  /** "you people", "you're all", "people like you" in a sentence that also insults or names a group. */
  collectiveYou: boolean;
  /** "all <group> are ..." in a sentence with insults, contempt or dehumanising words. */
  groupGeneralised: boolean;
  /** "go back to where you came from": telling someone to leave the country. */
  toldToLeave: boolean;
  /** "these people", "those people" in a sentence with strong contempt ("filth", "garbage"). */
  otheredWithContempt: boolean;
}

/** Contempt words that, said of "these people", read as dehumanising rather than as criticism. */
const OTHERED_CONTEMPT_REACH = 3;
const STRONG_CONTEMPT: ReadonlySet<string> = new Set([
  "filth",
  "filthy",
  "garbage",
  "trash",
  "vile",
  "disgusting",
  "sewer",
  "cesspool",
  "worthless",
  "despicable",
  "repugnant",
  "sickening",
]);

/** Strong contempt said right after an othering phrase ending at token `after` ("these people are filth"). */
function strongContemptAfter(a: Analysis, after: number): boolean {
  const { matches, tokens } = a;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    if (m === undefined || m.family !== F.contempt || m.first <= after) continue;
    if (m.first - after > OTHERED_CONTEMPT_REACH) break;
    if (a.sentiment.negatedTokens[m.first] !== 1 && STRONG_CONTEMPT.has(tokens.norm[m.first] ?? ""))
      return true;
  }
  return false;
}

/** "like" follows token `from` within the same sentence ("you lot sound just like ..."). */
function likenedAfter(a: Analysis, from: number, sentence: number): boolean {
  const { tokens, sentenceOf } = a;
  for (let k = from + 1; k < tokens.count && sentenceOf[k] === sentence; k++) {
    if (tokens.norm[k] === "like") return true;
  }
  return false;
}

/** Token-level checks of who abuse is aimed at; only walks the (few) lexicon matches. */
function aimed(a: Analysis): Aimed {
  const result: Aimed = {
    insultAtYou: false,
    contemptAtYou: false,
    collectiveYou: false,
    groupGeneralised: false,
    toldToLeave: false,
    otheredWithContempt: false,
  };
  const { matches, tokens, sentenceOf, sentenceFamilies } = a;
  const negated = a.sentiment.negatedTokens;
  let lastYou = -1000;
  let generalisedEnd = -1;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    if (m === undefined) continue;
    const family = m.family;
    const sentence = sentenceOf[m.first] ?? 0;
    const here = sentenceFamilies[sentence] ?? 0;
    if (family === F.secondPerson) {
      // "your argument is stupid" insults the argument; "your a troll" (for "you're a") the person.
      const word = tokens.norm[m.last] ?? "";
      // Token arrays are recycled: entries past `count` belong to an earlier comment.
      const next = m.last + 1 < tokens.count ? (tokens.norm[m.last + 1] ?? "") : "";
      if (word !== "your" || next === "a" || next === "an") lastYou = m.last;
      continue;
    }
    const abusive = family === F.insult || family === F.slur || family === F.dehumanizing;
    if (abusive || family === F.contempt) {
      if (negated[m.first] === 1) continue;
      let atYou = m.first - lastYou <= AT_YOU_REACH && sentenceOf[lastYou] === sentence;
      // "idiots like you", "a bigger fool than you": second person just after the insult.
      for (let k = m.last + 2; !atYou && k <= m.last + BEFORE_YOU_REACH && k < tokens.count; k++) {
        if (sentenceOf[k] !== sentence) break;
        const word = tokens.norm[k] ?? "";
        if (
          tokens.kind[k] === WORD &&
          SECOND_PERSON_WORDS.has(word) &&
          COMPARERS.has(tokens.norm[k - 1] ?? "")
        )
          atYou = true;
      }
      if (atYou && abusive) result.insultAtYou = true;
      else if (atYou) result.contemptAtYou = true;
    } else if (family === F.othering && (here & WARM) === 0) {
      let addressed = false;
      for (let k = m.first; k <= m.last; k++) {
        const word = tokens.norm[k] ?? "";
        if (SECOND_PERSON_WORDS.has(word)) addressed = true;
        if (word === "back") result.toldToLeave = true;
      }
      if (!addressed && (here & (1 << F.contempt)) !== 0 && strongContemptAfter(a, m.last))
        result.otheredWithContempt = true;
      // Lumping the people addressed together with contempt, or likening them to a group ("you're all
      // starting to sound like <group>"), is aimed at them.
      if (addressed && (here & HOSTILE) !== 0) result.collectiveYou = true;
      else if (addressed && (here & (1 << F.identityGroup)) !== 0 && likenedAfter(a, m.last, sentence)) {
        result.collectiveYou = true;
      }
    } else if (family === F.identityGroup && m.first > 0) {
      if (GENERALISERS.has(tokens.norm[m.first - 1] ?? "")) generalisedEnd = m.last;
    }
    // "all <group> are <insult>": the abuse follows the generalised group closely, in the same sentence.
    if (
      generalisedEnd >= 0 &&
      ((1 << family) & HOSTILE) !== 0 &&
      m.first > generalisedEnd &&
      m.first - generalisedEnd <= GENERALISED_REACH &&
      sentenceOf[generalisedEnd] === sentence &&
      negated[m.first] !== 1
    ) {
      result.groupGeneralised = true;
    }
  }
  return result;
}

/** Words that turn a following harm ("should hang", "hope he dies") into a wish or call for it. */
const WISHES: ReadonlySet<string> = new Set([
  "hope",
  "hoping",
  "hopefully",
  "wish",
  "should",
  "shall",
  "deserve",
  "deserves",
  "ought",
  "must",
  "gotta",
  "oughta",
  "need",
  "needs",
  "glad",
  "pray",
]);
/** How far before a harm phrase a wish may stand, in tokens of the same sentence. */
const WISH_REACH = 10;

/** Per sentence, 1 when it ends in a question mark ("should they hang for it?" asks), in one pass. */
function questionSentences(a: Analysis): Uint8Array {
  const { tokens, sentenceOf } = a;
  const asks = new Uint8Array(a.sentenceFamilies.length + 1);
  for (let k = 0; k < tokens.count; k++) {
    const last = k + 1 >= tokens.count || sentenceOf[k + 1] !== sentenceOf[k];
    if (last && tokens.norm[k] === "?") asks[sentenceOf[k] ?? 0] = 1;
  }
  return asks;
}

/**
 * Harm phrases called for or wished: a wish word shortly before, in the same sentence ("May" opening the
 * sentence counts), not negated and not asked as a question.
 */
function countWishedHarm(a: Analysis): number {
  const { tokens, matches, sentenceOf } = a;
  const negated = a.sentiment.negatedTokens;
  let asks: Uint8Array | null = null;
  let n = 0;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    if (m === undefined || m.family !== F.harm || negated[m.first] === 1) continue;
    const sentence = sentenceOf[m.first];
    let wished = false;
    for (let k = m.first - 1; k >= 0 && k >= m.first - WISH_REACH && sentenceOf[k] === sentence; k--) {
      const word = tokens.norm[k] ?? "";
      if (WISHES.has(word) || (word === "may" && (k === 0 || sentenceOf[k - 1] !== sentence))) {
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
 * Dehumanising phrases (from the lexicon's dehumanising family) that are abuse of whoever they are said
 * of, unlike "sheep", "minions" or "barbaric"; matched on the phrase's singular word forms.
 */
const STRONG_DEHUMANIZING: ReadonlySet<string> = phraseKeys([
  "vermin",
  "subhuman",
  "sub-human",
  "subhumans",
  "untermenschen",
  "cockroaches",
  "roaches",
  "rats",
  "parasites",
  "infestation",
  "infested",
  "lice",
  "maggots",
  "leeches",
  "leech class",
  "orcs",
  "orks",
  "vatniks",
  "khokhols",
  "hohols",
  "ants",
  "anthill",
  "locusts",
  "mongrels",
  "savages",
  "rodents",
  "pests",
  "hordes",
  "swarms",
  "ticks",
  "cattle",
  "bugmen",
  "tumour",
  "tumor",
  "cancer on",
  "a cancer",
  "diseased",
  "inbred",
  "human garbage",
  "human trash",
  "human filth",
  "not a real nation",
  "not a real people",
  "not a real country",
  "aren't a real people",
  "aren't a real nation",
  "isn't a real nation",
  "isn't a real country",
  "are a plague",
  "aren't even people",
  "not even human",
  "birth defect",
  "slave gene",
  "breed like rabbits",
  "breeding like rabbits",
]);
/** Dehumanising names for a whole people or side: abuse of a group wherever they stand. */
const GROUP_NAMES: ReadonlySet<string> = phraseKeys([
  "orcs",
  "orks",
  "vatniks",
  "khokhols",
  "hohols",
  "bugmen",
  "subhumans",
  "untermenschen",
]);

/**
 * Keys phrases the way a match is keyed by `matchKey` (its words' singular forms). Each must be in the
 * lexicon's dehumanising family, or no match could ever carry it.
 */
function phraseKeys(phrases: readonly string[]): ReadonlySet<string> {
  const key = (p: string) => phraseTokens(p).map(singular).join(" ");
  const lexicon = new Set(LEXICON.dehumanizing.map(key));
  const missing = phrases.filter((p) => !lexicon.has(key(p)));
  if (missing.length > 0) throw new Error(`not in the dehumanizing lexicon: ${missing.join(", ")}`);
  return new Set(phrases.map(key));
}

/** The singular forms of a match's words (skipped punctuation left out), e.g. "not a real nation". */
function matchKey(a: Analysis, first: number, last: number): string {
  const { tokens } = a;
  if (first === last) return tokens.lemma[first] ?? "";
  const words: string[] = [];
  for (let k = first; k <= last; k++) if (tokens.kind[k] !== PUNCT) words.push(tokens.lemma[k] ?? "");
  return words.join(" ");
}

/** Words that make a sentence about a collective ("they", "these", "MAGA voters"). */
const COLLECTIVE: ReadonlySet<string> = new Set([
  "they",
  "them",
  "their",
  "they're",
  "themselves",
  "these",
  "those",
  "voters",
  "supporters",
  "followers",
  "people",
  "folks",
]);
/** How far from a dehumanising word a collective ("they", "voters") may stand, in tokens of its sentence. */
const COLLECTIVE_REACH = 12;

/**
 * A strong dehumanising word said of a collective ("they're vermin", "these orcs", "MAGA voters are
 * subhumans"), a name that dehumanises a whole people ("vatniks"), or two strong ones in one comment.
 */
function collectiveDehumanized(a: Analysis): boolean {
  const { tokens, matches, sentenceOf, sentenceFamilies } = a;
  const negated = a.sentiment.negatedTokens;
  let strong = 0;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    if (m === undefined || m.family !== F.dehumanizing || negated[m.first] === 1) continue;
    const key = matchKey(a, m.first, m.last);
    if (!STRONG_DEHUMANIZING.has(key)) continue;
    if (GROUP_NAMES.has(key) || ++strong >= 2) return true;
    const sentence = sentenceOf[m.first] ?? 0;
    if (((sentenceFamilies[sentence] ?? 0) & ((1 << F.othering) | (1 << F.identityGroup))) !== 0) return true;
    const from = Math.max(0, m.first - COLLECTIVE_REACH);
    const to = Math.min(tokens.count - 1, m.last + COLLECTIVE_REACH);
    for (let k = from; k <= to; k++)
      if (sentenceOf[k] === sentence && COLLECTIVE.has(tokens.norm[k] ?? "")) return true;
  }
  return false;
}

/** How close an insult must stand to a group word to be said of the group ("Muslims are liars"). */
const GROUP_INSULT_REACH = 6;

/**
 * Matches of `family` within GROUP_INSULT_REACH tokens of an identity-group word in the same sentence:
 * "All Muslims are liars" counts, "the women of Iran deserve better than that creep" does not.
 */
function nearGroup(a: Analysis, family: number): number {
  const { matches, sentenceOf } = a;
  let n = 0;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    if (m === undefined || m.family !== family) continue;
    for (let j = Math.max(0, i - 8); j < Math.min(matches.length, i + 9); j++) {
      const g = matches[j];
      if (g === undefined || g.family !== F.identityGroup || sentenceOf[g.first] !== sentenceOf[m.first])
        continue;
      if (Math.abs(g.first - m.first) <= GROUP_INSULT_REACH) {
        n++;
        break;
      }
    }
  }
  return n;
}

/** Names for migrants that come with the "invasion" story, unlike "migrants" or "refugees" in reporting. */
const INVADER_NAMES = /\b(illegals|illegal aliens|aliens|crossed our borders?|crossing our borders?)\b/i;
const INVASION_WORDS =
  /\b(invasion|invaders?|invading|army|armies|terrori[sz]e|hordes?|swarms?|flood|infest\w*|replac\w*)\b/i;

const BORDER = /border/i;

/**
 * Migrants framed as an invading army within one sentence ("an army of illegals crossed our border"),
 * over the analysis's own sentences (the original text of each, from its first to its last token).
 */
function invasionFraming(a: Analysis): boolean {
  const { text, tokens, sentenceOf } = a;
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

/**
 * Phrases belittling the person addressed, not negated, in a sentence that addresses someone ("you") or,
 * in a reply, opening its sentence ("Glowie.", "Shut up and read the treaty") — so "Macron should shut
 * up" or "the little man in the Kremlin" do not count.
 */
function countCommenterAbuse(a: Analysis): number {
  const { matches, sentenceOf, sentenceFamilies } = a;
  const negated = a.sentiment.negatedTokens;
  let n = 0;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    if (m === undefined || m.family !== F.commenterAbuse || negated[m.first] === 1) continue;
    const sentence = sentenceOf[m.first] ?? 0;
    const addressed = ((sentenceFamilies[sentence] ?? 0) & (1 << F.secondPerson)) !== 0;
    const opensReply = a.isReply === 1 && (m.first === 0 || sentenceOf[m.first - 1] !== sentence);
    if (addressed || opensReply) n++;
  }
  return n;
}

/** A bare web address without a scheme ("shop.example/deal", "amzn.to/x"), which the tokeniser keeps as words. */
const BARE_LINK =
  /\b[a-z0-9-]+\.(?:com|net|org|shop|store|work|biz|info|io|co|xyz|online|site|club|to|ly|me|app)\b(?:\/\S*)?/i;
/** "$400 a day", "$8,400 last month": the earnings claims of get-rich spam. */
const MONEY_CLAIM = /\$\s?\d[\d,.]*\s*(?:k\b)?\s*(?:a|per|\/|every|last|each)\s*(?:day|week|month|hour)/i;

/** Words ending a regret that an attack failed ("pity they missed"); followed by more words it is not one. */
const FAILED_ATTACK_ENDS: ReadonlySet<string> = new Set(["missed", "survived"]);

/**
 * Threat phrases that count: not negated ("nobody should be shot"), and a failed-attack regret only when
 * it closes its sentence ("shame they missed." but not "shame they missed the deadline").
 */
function countThreats(a: Analysis): number {
  const { tokens, matches } = a;
  const negated = a.sentiment.negatedTokens;
  let n = 0;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    if (m === undefined || m.family !== F.threat || negated[m.first] === 1) continue;
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

/** 1 - e^(-x): 0 for no evidence, approaching 1 as evidence accumulates. */
function saturate(x: number): number {
  return x <= 0 ? 0 : 1 - Math.exp(-x);
}

function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
}

export function moderate(a: Analysis): Moderation {
  const insults = count(a, "insult");
  const contempt = count(a, "contempt");
  const slurs = count(a, "slur");
  const threats = countThreats(a) + countWishedHarm(a);
  const violence = count(a, "violence");
  const dehumanizing = count(a, "dehumanizing");

  const insult = saturate(0.8 * insults + 0.25 * contempt + 1.2 * slurs);
  const profanity = saturate(0.9 * count(a, "profanity"));

  const violenceAtPerson =
    cooccurring(a, F.violence, F.secondPerson) + cooccurring(a, F.violence, F.identityGroup) > 0;
  // "These people" next to violence reads as wished harm on a group more often than as reporting.
  const violenceAtOthered = cooccurring(a, F.violence, F.othering) > 0;
  const threat =
    threats > 0
      ? 0.6 + 0.3 * saturate(threats)
      : violenceAtOthered
        ? 0.55
        : violenceAtPerson
          ? 0.3
          : saturate(0.05 * violence);

  const groupDehumanized = cooccurring(a, F.identityGroup, F.dehumanizing);
  const groupInsulted = nearGroup(a, F.insult) + cooccurring(a, F.identityGroup, F.slur);
  const groupContempt = cooccurring(a, F.identityGroup, F.contempt);
  const othered = count(a, "othering") > 0;
  let identityAttack = slurs > 0 ? 0.85 + 0.1 * saturate(slurs) : 0;
  if (groupDehumanized > 0) identityAttack = Math.max(identityAttack, 0.7 + 0.1 * saturate(groupDehumanized));
  else if (within(a, F.identityGroup, F.dehumanizing, GROUP_SENTENCE_WINDOW))
    identityAttack = Math.max(identityAttack, 0.55);
  const target = aimed(a);
  if (target.groupGeneralised || target.toldToLeave || target.otheredWithContempt)
    identityAttack = Math.max(identityAttack, 0.55);
  if (othered && dehumanizing > 0) identityAttack = Math.max(identityAttack, 0.6);
  // Insulting "all of them" is about a named group only when one is named; otherwise it is usually a
  // set of officials or pundits ("crooks, all of them"), which the rubric does not flag.
  else if (othered && insults > 0)
    identityAttack = Math.max(identityAttack, count(a, "identityGroup") > 0 ? 0.6 : 0.45);
  if (collectiveDehumanized(a)) identityAttack = Math.max(identityAttack, 0.6);
  // Every invader name but a border crossing is an identity-group word, so most comments skip the regexes.
  const mayFrameInvasion = count(a, "identityGroup") > 0 || BORDER.test(a.text);
  if (mayFrameInvasion && invasionFraming(a)) identityAttack = Math.max(identityAttack, 0.6);
  if (groupInsulted > 0) identityAttack = Math.max(identityAttack, 0.45 + 0.1 * saturate(groupInsulted));
  if (groupContempt > 0 || othered) identityAttack = Math.max(identityAttack, 0.3);
  if (dehumanizing > 0) identityAttack = Math.max(identityAttack, 0.15 + 0.1 * saturate(dehumanizing));

  // A reply that opens by addressing someone and insults anywhere is aimed at that person.
  // An opening that thanks, praises or agrees ("Thanks, you are right") is not addressing someone to abuse them.
  const opening = a.sentenceFamilies[0] ?? 0;
  const opensAtYou = (opening & (WARM | (1 << F.agree))) === 0 ? (opening >> F.secondPerson) & 1 : 0;
  let personalAbuse = 0;
  if (target.insultAtYou) personalAbuse = 0.5 + 0.25 * a.isReply;
  else if (target.collectiveYou) personalAbuse = 0.5;
  else if (opensAtYou === 1 && insults > 0 && a.isReply === 1) personalAbuse = 0.5;
  else if (target.contemptAtYou) personalAbuse = 0.3 + 0.25 * a.isReply;
  // "Nobody asked you", "back to your handlers": belittling the person addressed. In a top-level comment
  // the person is often a public figure ("Macron should shut up"), so it alone does not flag there.
  if (countCommenterAbuse(a) > 0)
    personalAbuse = Math.max(personalAbuse, a.isReply === 0 ? 0.4 : 0.5 + 0.25 * a.isReply);

  const spamCues = count(a, "spam");
  const moneyClaim = a.text.includes("$") && MONEY_CLAIM.test(a.text);
  const linked = a.urlCount > 0 || (spamCues > 0 && a.text.includes(".") && BARE_LINK.test(a.text));
  const spam = saturate(
    0.3 * spamCues +
      (spamCues > 0 && linked ? 0.6 : 0) +
      (a.urlCount >= 3 ? 0.3 : 0) +
      (moneyClaim ? 0.4 : 0),
  );
  // The substring checks keep the regexes off the hot path for the vast majority of comments.
  const text = a.text;
  const contact = (text.includes("@") && EMAIL.test(text)) || (a.numberCount >= 2 && PHONE.test(text));
  const address = (text.includes("address") || text.includes("lives at")) && ADDRESS_HINT.test(text);
  const street =
    a.numberCount > 0 &&
    (STREET_ADDRESS.test(text) || EUROPEAN_STREET_ADDRESS.test(text)) &&
    PERSON_AT_ADDRESS.test(text);
  const doxxing = contact || street ? 0.6 : address ? 0.5 : 0;

  const flagReasons: HarmCategory[] = [];
  if (threat >= FLAG_THRESHOLD) flagReasons.push("threat");
  if (identityAttack >= FLAG_THRESHOLD) flagReasons.push("identity-attack");
  if (personalAbuse >= FLAG_THRESHOLD) flagReasons.push("personal-abuse");
  if (spam >= FLAG_THRESHOLD) flagReasons.push("spam");
  if (doxxing >= FLAG_THRESHOLD) flagReasons.push("doxxing");

  return {
    signals: {
      insult: round(insult),
      profanity: round(profanity),
      threat: round(threat),
      identityAttack: round(identityAttack),
    },
    personalAbuse: round(personalAbuse),
    spam: round(spam),
    doxxing: round(doxxing),
    flag: flagReasons.length > 0,
    flagReasons,
  };
}
