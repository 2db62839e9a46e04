export { collectCues, MAX_CUES } from "./cues";
export { scoreComment } from "./score";
export {
  type Cue,
  FLAG_REASONS,
  type FlagReason,
  type ModerationSignals,
  SENTIMENT_LABELS,
  type Score,
  type ScoreContext,
  type SentimentLabel,
  type SentimentScore,
  STANCES,
  type Stance,
  TONES,
  type Tone,
} from "./types";
export { SCORER_CODE_VERSION, SCORER_VERSION } from "./version";
