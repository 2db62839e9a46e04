import { z } from "zod";
import { GRAVE_CONCERNS } from "@/lib/moderation/grave-concerns";
import { QUEUE_TABS, type QueueTab } from "@/lib/moderation/queue-tabs";
import { COMMENT_REASONS } from "@/lib/moderation/reasons";
import {
  COMMENT_STATUSES,
  COMMENTER_STATUSES,
  type CommenterStatus,
  type CommentStatus,
} from "@/lib/moderation/types";
import { rowId, rowIdText } from "./bounds";

export { QUEUE_TABS, type QueueTab };

export const QUEUE_TAB_LABELS: Readonly<Record<QueueTab, string>> = {
  needs_review: "Needs review",
  reported: "Reported",
  all: "All",
  approved: "Approved",
  rejected: "Rejected",
};

export const COMMENTER_STATUS_LABELS: Readonly<Record<CommenterStatus, string>> = {
  ACTIVE: "Active",
  WATCHED: "Watched",
  PREMOD: "Pre-moderated",
  SUSPENDED: "Suspended",
  BANNED: "Banned",
};

/** GET /api/moderation/queue query. `cursor` is opaque (from the previous page's `nextCursor`). */
export const queueQuerySchema = z.strictObject({
  tab: z.enum(QUEUE_TABS).default("needs_review"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  publicationId: rowIdText.optional(),
});
export type QueueQuery = z.output<typeof queueQuerySchema>;

export const queueFlagSchema = z.object({
  id: z.number().int(),
  reason: z.string(),
  note: z.string().nullable(),
  rule: z.string().nullable(),
  matchedText: z.string().nullable(),
  /** Null when the system raised it. */
  raisedBy: z.string().nullable(),
  createdAt: z.string(),
});

export const queueItemSchema = z.object({
  id: z.number().int(),
  externalId: z.string(),
  body: z.string(),
  status: z.enum(COMMENT_STATUSES),
  postedAt: z.string(),
  reactionCount: z.number().int(),
  priority: z.number(),
  /** Where to act on the comment upstream (Marginalia cannot change Substack). */
  upstreamUrl: z.string().nullable(),
  post: z.object({ id: z.number().int(), title: z.string(), url: z.string().nullable() }),
  commenter: z
    .object({
      id: z.number().int(),
      name: z.string(),
      status: z.enum(COMMENTER_STATUSES),
      rejectedCount: z.number().int(),
    })
    .nullable(),
  authorName: z.string(),
  scores: z
    .object({
      tone: z.string(),
      hostility: z.number(),
      threat: z.number(),
      insult: z.number(),
      identityAttack: z.number(),
    })
    .nullable(),
  flags: z.array(queueFlagSchema),
  /** Held or flagged for a threat, an attack on a group or abuse of a commenter: approving asks to confirm. */
  concerns: z.array(z.enum(GRAVE_CONCERNS)),
});
export type QueueItem = z.infer<typeof queueItemSchema>;

export const queuePageSchema = z.object({
  items: z.array(queueItemSchema),
  nextCursor: z.string().nullable(),
});
export type QueuePage = z.infer<typeof queuePageSchema>;

export type QueueCounts = Record<QueueTab, number>;

export const commentReasonSchema = z.enum(COMMENT_REASONS);

const note = z.string().trim().max(2000);

export const approveBodySchema = z.strictObject({ note: note.optional() });
export const rejectBodySchema = z.strictObject({ reason: commentReasonSchema, note: note.optional() });
export const flagCommentBodySchema = z.strictObject({
  note: note.min(1, "say why you flag it"),
  reason: commentReasonSchema.default("OTHER"),
});
export const noteBodySchema = z.strictObject({ body: note.min(1, "the note is empty") });

/** POST /api/moderation/bulk: one action over a selection, in one transaction. */
export const bulkActionBodySchema = z.discriminatedUnion("action", [
  z.strictObject({
    action: z.literal("approve"),
    commentIds: z.array(rowId).min(1).max(200),
  }),
  z.strictObject({
    action: z.literal("reject"),
    commentIds: z.array(rowId).min(1).max(200),
    reason: commentReasonSchema,
    note: note.optional(),
  }),
  z.strictObject({
    action: z.literal("flag"),
    commentIds: z.array(rowId).min(1).max(200),
    reason: commentReasonSchema.default("OTHER"),
    note: note.min(1),
  }),
  z.strictObject({
    action: z.literal("note"),
    commentIds: z.array(rowId).min(1).max(200),
    body: note.min(1),
  }),
]);
export type BulkActionBody = z.infer<typeof bulkActionBodySchema>;
/** What a client sends (defaults not yet applied). */
export type BulkActionInput = z.input<typeof bulkActionBodySchema>;

export const commenterStatusBodySchema = z.strictObject({
  status: z.enum(COMMENTER_STATUSES),
  /** Only with BANNED: reject every comment of theirs not already rejected. */
  rejectAll: z.boolean().default(false),
  note: note.optional(),
});
export type CommenterStatusBody = z.infer<typeof commenterStatusBodySchema>;

/** Answer of every single-comment action: the comment's new state. */
export interface CommentActionResult {
  commentId: number;
  status: CommentStatus;
  flagsResolved: number;
  /** The log row of this decision on this comment: what POST /api/moderation/undo takes back. */
  decisionId: string;
}

/** POST /api/moderation/undo: take back decisions just made (approve, reject, flag, note), by their log rows. */
export const undoBodySchema = z.strictObject({
  decisionIds: z
    .array(z.string().regex(/^\d{1,19}$/u, "a decision id from the answer of a decision"))
    .min(1)
    .max(200),
});

export interface UndoResult {
  /** Each comment's state after the undo. */
  results: { commentId: number; status: CommentStatus }[];
}

export interface BulkActionResult {
  results: CommentActionResult[];
}

export interface CommenterDrawer {
  commenter: {
    id: number;
    name: string;
    handle: string | null;
    status: CommenterStatus;
    firstSeenAt: string;
  };
  comments: {
    id: number;
    body: string | null;
    status: string;
    postedAt: string;
    postId: number;
    postTitle: string;
  }[];
  decisions: {
    id: string;
    action: string;
    actor: string | null;
    reason: string | null;
    note: string | null;
    createdAt: string;
    commentId: number | null;
  }[];
  notes: { id: number; body: string; author: string | null; commentId: number | null; createdAt: string }[];
}
