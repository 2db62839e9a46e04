import type { Tone } from "@/lib/scoring/types";

/**
 * Okabe–Ito colours: distinguishable with the common colour-vision deficiencies and readable on light and
 * dark backgrounds. One colour per tone, used by every chart and badge.
 */
export const TONE_COLORS: Record<Tone, string> = {
  analytical: "#0072B2",
  skeptical: "#E69F00",
  dismissive: "#CC79A7",
  supportive: "#009E73",
  hostile: "#D55E00",
  neutral: "#8C8C8C",
};

export const STANCE_COLORS = { agree: "#009E73", disagree: "#D55E00", neutral: "#8C8C8C" } as const;

export const TONE_LABELS: Record<Tone, string> = {
  analytical: "Analytical",
  skeptical: "Skeptical",
  dismissive: "Dismissive",
  supportive: "Supportive",
  hostile: "Hostile",
  neutral: "Neutral",
};

/** Single-series charts (sentiment, comment counts): Okabe–Ito sky blue, readable on light and dark panels. */
export const SENTIMENT_COLOR = "#56B4E9";
/** A second single series beside the first (disagreement rate, spread bands): Okabe–Ito vermillion. */
export const SECOND_SERIES_COLOR = "#D55E00";

/** Sentiment labels (entity pages, report): Okabe–Ito green, grey and vermillion, as for stance. */
export const SENTIMENT_LABEL_COLORS = {
  positive: "#009E73",
  neutral: "#8C8C8C",
  negative: "#D55E00",
} as const;
