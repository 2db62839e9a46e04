/**
 * Every number the harm detectors decide with, in one table: the signal levels each kind of evidence
 * gives (0..1), the weights summed into a saturating score, and the reaches (in tokens, sentences or
 * matches) within which two cues are read as belonging together. A signal level is what a detector
 * returns for that evidence; `ruleFlag` flags a category at or above `flag`.
 */
export const HARM_THRESHOLDS = {
  /** A harm category flags when its signal reaches this (the rule decision). */
  flag: 0.5,

  insult: {
    /** Weights of insult, contempt and slur cues in the saturating insult signal. */
    insultWeight: 0.8,
    contemptWeight: 0.25,
    slurWeight: 1.2,
    /** Weight of profanity cues in the saturating profanity signal. */
    profanityWeight: 0.9,
  },

  threat: {
    /** A threat phrase or a wished harm: base level, plus this much more as they accumulate. */
    threatBase: 0.6,
    threatGrowth: 0.3,
    /** Violence in a sentence with "these people": wished harm on a group more often than reporting. */
    violenceAtOthered: 0.55,
    /** Violence in a sentence with "you" or a group name: worth a look, not a flag. */
    violenceAtPerson: 0.3,
    /** Weight of violence cues otherwise (war reporting is full of them). */
    violenceWeight: 0.05,
    /** How far before a harm phrase a wish ("hope", "should") may stand, in tokens of the same sentence. */
    wishReach: 10,
  },

  identityAttack: {
    /** A slur: base level plus growth. */
    slurBase: 0.85,
    slurGrowth: 0.1,
    /** A dehumanising word in the same sentence as a group name: base level plus growth. */
    groupDehumanizedBase: 0.7,
    groupDehumanizedGrowth: 0.1,
    /** A dehumanising word within `groupSentenceWindow` sentences of a group name. */
    groupDehumanizedNearby: 0.55,
    groupSentenceWindow: 2,
    /** "All <group> are <insult>", "go back to where you came from", "these people are filth". */
    aimedAtGroup: 0.55,
    /** An othering phrase ("these people") with a dehumanising word anywhere in the comment. */
    otheredDehumanized: 0.6,
    /** An othering phrase with an insult, with a group named in the comment... */
    otheredInsultedGroup: 0.6,
    /** ...and without one ("crooks, all of them": usually officials or pundits). */
    otheredInsulted: 0.45,
    /** A strong dehumanising word said of a collective ("they're vermin"), or a dehumanising group name. */
    collectiveDehumanized: 0.6,
    /** Strong dehumanising words in one comment that count as said of a collective wherever they stand. */
    strongDehumanizingPerComment: 2,
    /** How far from a strong dehumanising word a collective ("they", "voters") may stand, in tokens. */
    collectiveReach: 12,
    /** Migrants framed as an invading army. */
    invasionFraming: 0.6,
    /** An insult near a group name ("Muslims are liars"): base level plus growth. */
    groupInsultedBase: 0.45,
    groupInsultedGrowth: 0.1,
    /** How close an insult must stand to a group word to be said of the group, in tokens. */
    groupInsultReach: 6,
    /** How many lexicon matches either side of an insult are searched for the group word. */
    groupMatchWindow: 8,
    /** Contempt in a sentence with a group name, or any othering phrase. */
    groupContempt: 0.3,
    /** Any dehumanising word: base level plus growth. */
    dehumanizingBase: 0.15,
    dehumanizingGrowth: 0.1,
    /** How far after a generalised group ("all Xs") the abuse may follow, in tokens of the sentence. */
    generalisedReach: 5,
    /** How far after an othering phrase strong contempt may follow ("these people are filth"), in tokens. */
    otheredContemptReach: 3,
  },

  commenterAbuse: {
    /** An insult next to "you" (plus `replyBonus` times the reply indicator). */
    insultAtYou: 0.5,
    /** "You people", "you're all" with contempt or likened to a group. */
    collectiveYou: 0.5,
    /** A reply that opens by addressing someone and insults anywhere. */
    replyOpeningAtYou: 0.5,
    /** A contempt word next to "you" (plus `replyBonus` times the reply indicator). */
    contemptAtYou: 0.3,
    /** A belittling phrase ("nobody asked you") in a reply or unknown (plus `replyBonus` times the indicator)... */
    belittling: 0.5,
    /** ...and in a top-level comment, where the person is often a public figure: not a flag alone. */
    belittlingTopLevel: 0.4,
    /** Added, times the reply indicator (1 reply, 0.5 unknown, 0 top-level). */
    replyBonus: 0.25,
    /** An insult this many tokens after "you"/"your" is aimed at the person addressed. */
    atYouReach: 4,
    /** "You" at most this many tokens after an insult, just after "like" or "than" ("idiots like you"). */
    beforeYouReach: 3,
  },

  spam: {
    /** Weight of each spam cue ("click here", "work from home"). */
    cueWeight: 0.3,
    /** A spam cue together with a link. */
    linkedCue: 0.6,
    /** This many links in one comment... */
    manyLinks: 3,
    /** ...add this much. */
    manyLinksWeight: 0.3,
    /** An earnings claim ("$400 a day"). */
    moneyClaim: 0.4,
  },

  doxxing: {
    /** An e-mail address, a phone number or a street address tied to a person. */
    contactOrStreetAddress: 0.6,
    /** "Home address", "lives at": talk of where someone lives. */
    addressTalk: 0.5,
    /** Numbers a comment needs before a phone number is looked for. */
    phoneMinNumbers: 2,
  },
} as const;
