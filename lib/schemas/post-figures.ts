import { z } from "zod";
import { STANCES, TONES } from "@/lib/scoring/types";
import { threadCommentSchema } from "./thread";

/** Counts per effective tone (every tone present, zeros included). */
export const toneCountsSchema = z.record(z.enum(TONES), z.number().int());

/** Counts per effective stance (every stance present, zeros included). */
export const stanceCountsSchema = z.record(z.enum(STANCES), z.number().int());

/** GET /api/posts/[postId]: the post's header figures (unfiltered). */
export const postHeaderSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  subtitle: z.string().nullable(),
  slug: z.string().nullable(),
  /** The post on Substack (or wherever it lives), when known. */
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publicationName: z.string(),
  /** Comments with a body. */
  comments: z.number().int(),
  /** Comments deleted or removed upstream (no body); they keep their place in the thread. */
  deleted: z.number().int(),
  /** Comments with a score. */
  scored: z.number().int(),
  /** Distinct commenters. */
  commenters: z.number().int(),
  /** Open flags on the post itself or on its comments. */
  openFlags: z.number().int(),
});
export type PostHeader = z.infer<typeof postHeaderSchema>;

/** GET /api/posts/[postId]/tones: effective tone of the scored comments that match the filters. */
export const toneDistributionSchema = z.object({
  postId: z.number().int(),
  /** Scored comments that match the filters. */
  total: z.number().int(),
  tones: toneCountsSchema,
});
export type ToneDistribution = z.infer<typeof toneDistributionSchema>;

/** GET /api/posts/[postId]/stances: effective stance of the scored comments that match the filters. */
export const stanceSplitSchema = z.object({
  postId: z.number().int(),
  total: z.number().int(),
  stances: stanceCountsSchema,
});
export type StanceSplit = z.infer<typeof stanceSplitSchema>;

/** GET /api/posts/[postId]/sentiment: histogram of the sentiment comparative score (score per token). */
export const sentimentHistogramSchema = z.object({
  postId: z.number().int(),
  total: z.number().int(),
  /** Mean comparative score; null when nothing matches. */
  mean: z.number().nullable(),
  /** Bins in order; `from` is null for the open bin below the range, `to` null for the open bin above. */
  bins: z.array(
    z.object({ from: z.number().nullable(), to: z.number().nullable(), count: z.number().int() }),
  ),
});
export type SentimentHistogram = z.infer<typeof sentimentHistogramSchema>;

/** The time buckets of the comments-over-time chart, chosen from the thread's span. */
export const TIMELINE_BUCKETS = ["hour", "day", "week"] as const;
export type TimelineBucket = (typeof TIMELINE_BUCKETS)[number];

/** GET /api/posts/[postId]/timeline: comments per time bucket since publication, by effective tone. */
export const timelineSchema = z.object({
  postId: z.number().int(),
  /** Bucket 0 starts here: the publication time, or the first comment when that is unknown or later. */
  start: z.string(),
  bucket: z.enum(TIMELINE_BUCKETS),
  /** Only buckets with comments, in order; the chart shaping fills the gaps and cumulates. */
  buckets: z.array(z.object({ index: z.number().int(), tones: toneCountsSchema })),
});
export type Timeline = z.infer<typeof timelineSchema>;

/** GET /api/posts/[postId]/depth: tone of top-level comments against replies. */
export const toneByDepthSchema = z.object({
  postId: z.number().int(),
  /** Depth 0. */
  topLevel: z.object({ total: z.number().int(), tones: toneCountsSchema }),
  /** Depth 1 and deeper. */
  replies: z.object({ total: z.number().int(), tones: toneCountsSchema }),
});
export type ToneByDepth = z.infer<typeof toneByDepthSchema>;

/** GET /api/posts/[postId]/commenters: the most active commenters of the thread (up to 10). */
export const activeCommentersSchema = z.object({
  postId: z.number().int(),
  commenters: z.array(
    z.object({
      /** Null for comments whose author is unknown. */
      commenterId: z.number().int().nullable(),
      name: z.string(),
      /** Their comments in this thread that match the filters. */
      comments: z.number().int(),
      /** Of those, how many disagree with the post (effective stance). */
      disagree: z.number().int(),
      /** Their most frequent effective tone; null when none is scored. */
      topTone: z.enum(TONES).nullable(),
    }),
  ),
});
export type ActiveCommenters = z.infer<typeof activeCommentersSchema>;

/**
 * The reading lists of the post page. `pushback`: disagrees or is skeptical, analytical or skeptical in tone,
 * never hostile or dismissive, hostility below 0.5, ranked by analytical + skeptical tone score, then
 * reactions. `dismissive`: effective tone dismissive, ranked by the dismissive score, then reactions.
 * `flagged`: an open flag or the scorer's flag, newest first.
 */
export const READING_LISTS = ["pushback", "dismissive", "flagged"] as const;
export type ReadingListName = (typeof READING_LISTS)[number];

/** GET /api/posts/[postId]/reading-list?list=…: up to `limit` comments of one reading list. */
export const readingListSchema = z.object({
  postId: z.number().int(),
  list: z.enum(READING_LISTS),
  /** All comments that qualify (the list shows the first ones). */
  total: z.number().int(),
  comments: z.array(threadCommentSchema),
});
export type ReadingList = z.infer<typeof readingListSchema>;
