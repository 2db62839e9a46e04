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
