import type { CommenterStatus, ModerationAction, ModerationRule } from "@/lib/moderation/types";

/**
 * What a commenter's standing does to their new comments, as Coral Talk treats it: banned and
 * suspended commenters may not post (reject; a suspension that has ended must be passed as ACTIVE),
 * pre-moderated ones wait for a moderator (hold), watched ones are published but flagged.
 */
const OUTCOMES: Readonly<Record<CommenterStatus, { action: ModerationAction; detail: string } | null>> = {
  ACTIVE: null,
  WATCHED: { action: "flag", detail: "Commenter is on the watch list." },
  PREMOD: { action: "hold", detail: "Commenter's comments are pre-moderated." },
  SUSPENDED: { action: "reject", detail: "Commenter is suspended." },
  BANNED: { action: "reject", detail: "Commenter is banned." },
};

export const commenterStatusRule: ModerationRule = (input) => {
  const outcome = OUTCOMES[input.commenter.status];
  if (outcome === null) return null;
  return { rule: "commenter-status", reason: "COMMENTER_STATUS", ...outcome };
};
