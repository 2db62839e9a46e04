export { collectCues, MAX_CUES } from "./cues";
export { createScorer, type Scorer } from "./score";
export { MODEL_FILE, SCORER_VERSION, scoreComment } from "./shipped-model";
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
export { SCORER_CODE_VERSION, scorerVersionFor } from "./version";
