import type { Stance, Tone } from "@/lib/scoring/types";

/**
 * What every label means, in one line each: the project's tone rubric in plain words. Shown wherever tones
 * appear (legends, badges, the start-here panel) so a reader never has to guess.
 */
export const TONE_DEFINITIONS: Readonly<Record<Tone, string>> = {
  analytical:
    "Reasons the issue through: causes, comparisons, evidence, history or numbers, in a measured voice.",
  skeptical:
    "Doubts that a claim, plan or report is true or will work, without scorn (“I doubt it”, “we'll see”).",
  dismissive:
    "Waves something away as worthless, fake or not worth arguing with; mocking sarcasm counts here.",
  supportive: "Thanks, praise, encouragement, or agreement without an argument of its own.",
  hostile: "Insults, name-calling, slurs, threats or wished harm are the main thing the comment does.",
  neutral: "None of the above leads: questions, links, news, logistics, jokes and stories.",
};

export const STANCE_DEFINITIONS: Readonly<Record<Stance, string>> = {
  agree: "Sides with the post's main argument.",
  disagree: "Argues against the post's main argument.",
  neutral: "Takes no side on it: off-topic, mixed, or a question.",
};

/** What stance is measured against. */
export const STANCE_BASIS =
  "Stance is judged against the post's main argument, as its title and opening set it out, not against other commenters.";

/** The sentiment scale, in the words every axis and badge uses. */
export const SENTIMENT_SCALE =
  "Sentiment per word: each word with a feeling scores from −5 (very negative) to +5 (very positive) in the AFINN-165 word list, a negation flips or softens it, and the sum is divided by the comment's word count. 0 is neutral; most comments land between −0.5 and +0.5.";

/** Axis and column name of the per-word sentiment, with its unit. */
export const SENTIMENT_UNIT = "sentiment per word (−5 to +5)";
