export { collectCues, MAX_CUES } from "./cues";
export { scoreComment } from "./score";
export {
  type Cue,
  HARM_CATEGORIES,
  type HarmCategory,
  type ModerationSignals,
  type Score,
  type ScoreContext,
  SENTIMENT_LABELS,
  type SentimentLabel,
  type SentimentScore,
  STANCES,
  type Stance,
  TONES,
  type Tone,
} from "./types";
export { SCORER_CODE_VERSION, SCORER_VERSION } from "./version";
