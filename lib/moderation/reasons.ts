/** Why a moderator (or a rule) rejected a comment. Stored with the comment. */
export const REJECT_REASONS = [
  "OFFENSIVE",
  "ABUSIVE",
  "SPAM",
  "OFF_TOPIC",
  "MISINFORMATION",
  "HARASSMENT",
  "HATE_SPEECH",
  "OTHER",
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const REJECT_REASON_LABELS: Readonly<Record<RejectReason, string>> = {
  OFFENSIVE: "Offensive language",
  ABUSIVE: "Abusive or insulting",
  SPAM: "Spam or self-promotion",
  OFF_TOPIC: "Off topic",
  MISINFORMATION: "Misinformation",
  HARASSMENT: "Harassment",
  HATE_SPEECH: "Hate speech",
  OTHER: "Other",
};

/** Why a moderator flagged a published comment (or its thread) for a later look. */
export const POST_FLAG_REASONS = [
  "HEATED_THREAD",
  "NEEDS_AUTHOR_ATTENTION",
  "OFF_TOPIC_DRIFT",
  "BRIGADING_SUSPECTED",
  "OTHER",
] as const;
export type PostFlagReason = (typeof POST_FLAG_REASONS)[number];

export const POST_FLAG_REASON_LABELS: Readonly<Record<PostFlagReason, string>> = {
  HEATED_THREAD: "Heated thread",
  NEEDS_AUTHOR_ATTENTION: "Needs the author's attention",
  OFF_TOPIC_DRIFT: "Thread drifting off topic",
  BRIGADING_SUSPECTED: "Brigading suspected",
  OTHER: "Other",
};

export function isRejectReason(value: string): value is RejectReason {
  return (REJECT_REASONS as readonly string[]).includes(value);
}

export function isPostFlagReason(value: string): value is PostFlagReason {
  return (POST_FLAG_REASONS as readonly string[]).includes(value);
}
