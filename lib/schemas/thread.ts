import { z } from "zod";
import type { LabelSource } from "@/lib/db/generated/enums";
import { COMMENT_STATUSES } from "@/lib/moderation/types";
import { SENTIMENT_LABELS, STANCES, TONES } from "@/lib/scoring/types";
import { INT4_MAX } from "./bounds";

/** Scorers that can produce a comment's labels (the LabelSource enum of the database). */
export const LABEL_SOURCES = [
  "FAST",
  "ENCODER",
  "PUBLICATION",
  "LLM",
] as const satisfies readonly LabelSource[];
export type LabelSourceName = (typeof LABEL_SOURCES)[number];

/** A span of the comment body that explains its score: `body.slice(start, end)`, with the signal that fired. */
export const cueSchema = z.object({
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  signal: z.string(),
});

/** One comment as the thread, the reading lists and the commenter page show it. */
export const threadCommentSchema = z.object({
  id: z.number().int(),
  postId: z.number().int(),
  /** The parent comment's id; null for a top-level comment (or a reply whose parent never arrived). */
  parentId: z.number().int().nullable(),
  /** 0 for top-level comments. */
  depth: z.number().int(),
  commenterId: z.number().int().nullable(),
  authorName: z.string(),
  /** Plain text, to be rendered as text; null when deleted or removed upstream. */
  body: z.string().nullable(),
  postedAt: z.string(),
  editedAt: z.string().nullable(),
  deleted: z.boolean(),
  /** Hidden by the platform's automatic moderation. */
  automodHidden: z.boolean(),
  /** Upstream status such as moderator_removed; null when normal. */
  upstreamStatus: z.string().nullable(),
  /** Marginalia's own moderation status. */
  status: z.enum(COMMENT_STATUSES),
  reactionCount: z.number().int(),
  /** Effective tone (a person's correction, else the scorer's); null when not scored and not corrected. */
  tone: z.enum(TONES).nullable(),
  /** The scorer's own tone; null when not scored. */
  scoredTone: z.enum(TONES).nullable(),
  /** The scorer's probability per tone (0..1); null when not scored. */
  toneScores: z.record(z.enum(TONES), z.number()).nullable(),
  /** A second tone the scorer found clearly present too; null when none or not scored. */
  secondaryTone: z.enum(TONES).nullable(),
  stance: z.enum(STANCES).nullable(),
  scoredStance: z.enum(STANCES).nullable(),
  /** True when a person changed the tone or stance away from the scorer's. */
  corrected: z.boolean(),
  sentiment: z
    .object({ score: z.number(), comparative: z.number(), label: z.enum(SENTIMENT_LABELS) })
    .nullable(),
  /** Open flags on the comment. */
  openFlags: z.number().int(),
  /** The scorer flagged it (threat, abuse, spam…). */
  scorerFlag: z.boolean(),
  /** Reasons of the open flags and of the scorer's flag. */
  flagReasons: z.array(z.string()),
  /** Valid cue spans only (in range, consistent with the body). */
  cues: z.array(cueSchema),
  /**
   * Calibrated probabilities of the scorer's labels (the shown scorer's: see labelSource); null when not
   * scored. A tone below lib/scoring/confidence.ts UNCERTAIN_BELOW is shown as uncertain.
   */
  confidence: z
    .object({ tone: z.number(), stance: z.number(), sentiment: z.number(), flag: z.number() })
    .nullable(),
  /** Which scorer produced the labels: the fast scorer or a background refiner; null when not scored. */
  labelSource: z.enum(LABEL_SOURCES).nullable(),
  /** The shown scorer's own quote of the words that decided the tone (a language model's), else null. */
  labelEvidence: z.string().nullable(),
});
export type ThreadComment = z.infer<typeof threadCommentSchema>;
export type CommentCue = z.infer<typeof cueSchema>;

/** A thread cursor: the sort key (ancestor ids then own id) of the last comment of the previous page. */
export const threadCursorSchema = z
  .string()
  .regex(/^\d{1,10}(\.\d{1,10}){0,200}$/, { message: "cursor must come from a previous page's nextCursor" })
  .refine((v) => v.split(".").every((part) => Number(part) <= INT4_MAX), {
    message: "cursor must come from a previous page's nextCursor",
  });

/** GET /api/posts/[postId]/comments: one page of the thread in tree order (replies under their parents). */
export const threadPageSchema = z.object({
  postId: z.number().int(),
  /** Comments matching the filters in the whole thread, deleted ones included (they keep their place). */
  total: z.number().int(),
  /** How many of `total` are deleted or removed (shown as "[deleted]"). */
  deleted: z.number().int(),
  comments: z.array(threadCommentSchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type ThreadPage = z.infer<typeof threadPageSchema>;
