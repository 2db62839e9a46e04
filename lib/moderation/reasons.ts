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

export const QUEUE_ACTIONS = [
  "next",
  "previous",
  "approve",
  "reject",
  "flag",
  "note",
  "select",
  "undo",
  "help",
] as const;
export type QueueAction = (typeof QUEUE_ACTIONS)[number];

export interface QueueShortcut {
  /** `KeyboardEvent.key` value. */
  readonly key: string;
  readonly action: QueueAction;
  readonly description: string;
}

/** The moderation queue's keyboard map; the key handler and the "?" help overlay both read this. */
export const QUEUE_SHORTCUTS: readonly QueueShortcut[] = [
  { key: "j", action: "next", description: "Move to the next comment" },
  { key: "k", action: "previous", description: "Move to the previous comment" },
  { key: "a", action: "approve", description: "Approve the comment" },
  { key: "r", action: "reject", description: "Reject the comment (choose a reason)" },
  { key: "f", action: "flag", description: "Flag the comment for a later look" },
  { key: "n", action: "note", description: "Add a moderator note" },
  { key: "x", action: "select", description: "Select or deselect the comment for a bulk action" },
  { key: "u", action: "undo", description: "Undo the last decision, while its notice shows" },
  { key: "?", action: "help", description: "Show or hide keyboard shortcuts" },
];

/** The action bound to a key, or undefined. Keys are case-sensitive, as `KeyboardEvent.key` is. */
export function queueActionForKey(key: string): QueueAction | undefined {
  return QUEUE_SHORTCUTS.find((shortcut) => shortcut.key === key)?.action;
}
