/**
 * What a cue is evidence FOR, read from its signal: a lexicon family name (lexicon-data.ts FAMILIES) or a
 * sentiment hit (`positive`, `negative`, `negated-positive`, `negated-negative`). The dashboard colours and
 * names highlights by this, and checks a label against the words behind it.
 *
 * The table follows the tone rubric (and agrees with the sign of the tone head's weight for the family):
 * doubt and hedging point to skeptical, reasoning and evidence to analytical, outright rejection and
 * ridicule to dismissive, thanks and praise to supportive, insults and contempt to hostile, news relays and
 * anecdotes to neutral. Families that are flag signals by the rubric (threats, wished harm, dehumanising
 * words, slurs, othering, abuse of another commenter, spam) are flag cues whatever the tone. Families that
 * only describe a comment (a group named, a prediction, an intensifier) are context.
 */
import type { Family } from "./lexicon-data";
import type { HarmCategory, Stance, Tone } from "./types";

export type CueKind =
  | { readonly kind: "tone"; readonly tone: Tone }
  | { readonly kind: "stance"; readonly stance: Stance }
  | { readonly kind: "flag"; readonly reason: HarmCategory }
  | {
      readonly kind: "sentiment";
      /** The valence the word adds after negation ("not good" adds negative). */
      readonly polarity: "positive" | "negative";
      readonly negated: boolean;
    }
  | { readonly kind: "context" };

const tone = (t: Tone): CueKind => ({ kind: "tone", tone: t });
const stance = (s: Stance): CueKind => ({ kind: "stance", stance: s });
const flag = (reason: HarmCategory): CueKind => ({ kind: "flag", reason });
const CONTEXT: CueKind = { kind: "context" };

/** Every lexicon family's kind; a new family fails the type check until it is placed here. */
export const FAMILY_CUE_KINDS: Readonly<Record<Family, CueKind>> = {
  hedge: tone("skeptical"),
  doubt: tone("skeptical"),
  absolute: tone("dismissive"),
  dismissive: tone("dismissive"),
  sarcasm: tone("dismissive"),
  reasoning: tone("analytical"),
  evidence: tone("analytical"),
  opinion: CONTEXT,
  insult: tone("hostile"),
  contempt: tone("hostile"),
  profanity: tone("hostile"),
  threat: flag("threat"),
  violence: CONTEXT,
  identityGroup: CONTEXT,
  dehumanizing: flag("identity-attack"),
  slur: flag("identity-attack"),
  agree: stance("agree"),
  disagree: stance("disagree"),
  praise: tone("supportive"),
  thanks: tone("supportive"),
  authorAddress: CONTEXT,
  secondPerson: CONTEXT,
  laughter: CONTEXT,
  newsRelay: tone("neutral"),
  anecdote: tone("neutral"),
  prediction: CONTEXT,
  intensifier: CONTEXT,
  spam: flag("spam"),
  politicalLabel: CONTEXT,
  othering: flag("identity-attack"),
  commenterAbuse: flag("personal-abuse"),
  harm: flag("threat"),
};

const SENTIMENT_CUE_KINDS: Readonly<Record<string, CueKind>> = {
  positive: { kind: "sentiment", polarity: "positive", negated: false },
  negative: { kind: "sentiment", polarity: "negative", negated: false },
  "negated-positive": { kind: "sentiment", polarity: "negative", negated: true },
  "negated-negative": { kind: "sentiment", polarity: "positive", negated: true },
};

/** The kind of a cue's signal; a signal this version does not know is context (shown, never evidence). */
export function cueKind(signal: string): CueKind {
  if (Object.hasOwn(FAMILY_CUE_KINDS, signal)) return FAMILY_CUE_KINDS[signal as Family];
  return Object.hasOwn(SENTIMENT_CUE_KINDS, signal) ? (SENTIMENT_CUE_KINDS[signal] ?? CONTEXT) : CONTEXT;
}
