import type {
  CommentReason as StoredCommentReason,
  PostFlagReason as StoredPostFlagReason,
  RuleReason as StoredRuleReason,
} from "@/lib/db/generated/enums";

/**
 * A person's reason about a comment: why they rejected it or flagged it for a later look (a rule's rejection
 * stores one too). The database enum CommentReason; tests/integration/vocabulary.test.ts checks the list.
 */
export type CommentReason = StoredCommentReason;
export const COMMENT_REASONS = [
  "OFFENSIVE",
  "ABUSIVE",
  "SPAM",
  "OFF_TOPIC",
  "MISINFORMATION",
  "HARASSMENT",
  "HATE_SPEECH",
  "OTHER",
] as const satisfies readonly CommentReason[];

export const COMMENT_REASON_LABELS: Readonly<Record<CommentReason, string>> = {
  OFFENSIVE: "Offensive language",
  ABUSIVE: "Abusive or insulting",
  SPAM: "Spam or self-promotion",
  OFF_TOPIC: "Off topic",
  MISINFORMATION: "Misinformation",
  HARASSMENT: "Harassment",
  HATE_SPEECH: "Hate speech",
  OTHER: "Other",
};

/** Why a moderator flagged a post (its thread) for the author. The database enum PostFlagReason. */
export type PostFlagReason = StoredPostFlagReason;
export const POST_FLAG_REASONS = [
  "HEATED_THREAD",
  "NEEDS_AUTHOR_ATTENTION",
  "OFF_TOPIC_DRIFT",
  "BRIGADING_SUSPECTED",
  "OTHER",
] as const satisfies readonly PostFlagReason[];

export const POST_FLAG_REASON_LABELS: Readonly<Record<PostFlagReason, string>> = {
  HEATED_THREAD: "Heated thread",
  NEEDS_AUTHOR_ATTENTION: "Needs the author's attention",
  OFF_TOPIC_DRIFT: "Thread drifting off topic",
  BRIGADING_SUSPECTED: "Brigading suspected",
  OTHER: "Other",
};

export function isCommentReason(value: string): value is CommentReason {
  return (COMMENT_REASONS as readonly string[]).includes(value);
}

export function isPostFlagReason(value: string): value is PostFlagReason {
  return (POST_FLAG_REASONS as readonly string[]).includes(value);
}

/** Which automatic rule decided: the database enum RuleReason. */
export type RuleReason = StoredRuleReason;
export const RULE_REASONS = [
  "BANNED_WORD",
  "SUSPECT_WORD",
  "HOSTILITY",
  "INSULT",
  "THREAT",
  "LINKS",
  "NEW_COMMENTER",
  "REPEAT_TEXT",
  "COMMENTER_STATUS",
  "SCORER_FLAG",
] as const satisfies readonly RuleReason[];

/** The reasons a flag or a log row is stored with, one column per meaning. */
export interface StoredReasons {
  readonly commentReason: CommentReason | null;
  readonly ruleReason: RuleReason | null;
  readonly postReason: PostFlagReason | null;
}

/**
 * The one reason a flag or a log row shows: a person's, else the rule's, else the post flag's. (A rule's
 * rejection stores both its rule's reason and the comment reason shown for it.)
 */
export function shownReason(row: StoredReasons): CommentReason | RuleReason | PostFlagReason | null {
  return row.commentReason ?? row.ruleReason ?? row.postReason;
}
