/**
 * Word lists of the harm detectors (lib/scoring/harm): the words that decide WHO a cue is aimed at and
 * whether it is a call for harm, beside the cue families of lexicon-data.ts that find the cues themselves.
 * Entries are tokens as `tokenize` normalises them (lower case, straight apostrophes). Changing anything
 * here changes SCORER_VERSION (it is hashed at load with the other lexicons).
 */

export const HARM_LEXICON = {
  /** Second-person words: "you", and the spellings readers use for it. */
  secondPerson: ["you", "you're", "your", "ya", "u"],

  /**
   * The possessive second person, which aims an insult at the person only before an article ("your a troll",
   * written for "you're a"): "your argument is stupid" insults the argument.
   */
  possessiveSecondPerson: ["your"],
  /** The articles that, after the possessive, make it "you're" misspelt. */
  articles: ["a", "an"],

  /** Words before a second person that aim a preceding insult at them ("idiots like you", "dumber than you"). */
  comparers: ["like", "as", "than"],

  /** A word likening the people addressed to a group ("you lot sound just like <group>"). */
  likeners: ["like"],

  /** Words after which a group noun is a generalisation about all its members ("all Xs are"). */
  generalisers: ["all", "every"],

  /** A word of an othering phrase that tells someone to leave the country ("go back to where you came from"). */
  toldToLeave: ["back"],

  /** Contempt words that, said of "these people", read as dehumanising rather than as criticism. */
  strongContempt: [
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
  ],

  /** Words that turn a following harm ("should hang", "hope he dies") into a wish or call for it. */
  wishes: [
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
  ],

  /** Wish words only when they open their sentence ("May he rot", not "he may well lose"). */
  sentenceOpeningWishes: ["may"],

  /** Words ending a regret that an attack failed ("pity they missed"); followed by more words it is not one. */
  failedAttackEnds: ["missed", "survived"],

  /**
   * Dehumanising phrases (from the lexicon's dehumanising family) that are abuse of whoever they are said
   * of, unlike "sheep", "minions" or "barbaric". Each must be in LEXICON.dehumanizing (checked at load).
   */
  strongDehumanizing: [
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
  ],

  /** Dehumanising names for a whole people or side: abuse of a group wherever they stand (also in LEXICON.dehumanizing). */
  dehumanizingGroupNames: [
    "orcs",
    "orks",
    "vatniks",
    "khokhols",
    "hohols",
    "bugmen",
    "subhumans",
    "untermenschen",
  ],

  /** Words that make a sentence about a collective ("they", "these", "MAGA voters"). */
  collective: [
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
  ],

  /**
   * Names for migrants that come with the "invasion" story, unlike "migrants" or "refugees" in reporting
   * (regular-expression alternatives, matched as whole words, any case).
   */
  invaderNames: ["illegals", "illegal aliens", "aliens", "crossed our borders?", "crossing our borders?"],

  /** Words of an invading army (regular-expression alternatives, matched as whole words, any case). */
  invasionWords: [
    "invasion",
    "invaders?",
    "invading",
    "army",
    "armies",
    "terrori[sz]e",
    "hordes?",
    "swarms?",
    "flood",
    "infest\\w*",
    "replac\\w*",
  ],

  /** After an insult word these make it a thing, not a person: "troll farms", "bot networks". */
  notAPersonAfterInsult: [
    "farm",
    "farms",
    "factory",
    "factories",
    "network",
    "networks",
    "account",
    "accounts",
    "campaign",
    "campaigns",
    "operation",
    "operations",
    "economy",
  ],
} satisfies Readonly<Record<string, readonly string[]>>;
