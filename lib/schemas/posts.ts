import { z } from "zod";
import { TONES } from "@/lib/scoring/types";

/** One row of the overview (GET /api/posts pages through them). */
export const postSummarySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  slug: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** Comments with a body (deleted and removed ones are not counted). */
  comments: z.number().int(),
  /** Distinct commenters among those comments. */
  commenters: z.number().int(),
  scored: z.number().int(),
  /** Mean AFINN comparative score of the scored comments; null when none is scored. */
  meanSentiment: z.number().nullable(),
  /** Lower and upper quartiles of the comparative score (the spread around the mean); null when none is scored. */
  sentimentQuartiles: z.object({ p25: z.number(), p75: z.number() }).nullable(),
  /** Open flags on the post itself or on its comments. */
  openFlags: z.number().int(),
  /** Open flags raised on the post itself (heated thread, needs the author's attention…). */
  openPostFlags: z.number().int(),
  /** Reasons of the open flags on the post itself. */
  postFlagReasons: z.array(z.string()),
  /** The figures of the open flags the system raised on the post (a thread turning, brigading), newest first. */
  systemPostFlagNotes: z.array(z.string()),
  /** Effective tone counts (a person's correction, else the scorer's). */
  tones: z.record(z.enum(TONES), z.number().int()),
  /** Effective stance counts over the scored comments. */
  stances: z.object({ agree: z.number().int(), disagree: z.number().int(), neutral: z.number().int() }),
});
export type PostSummary = z.infer<typeof postSummarySchema>;

/** GET /api/posts?from&to&cursor&limit: one page of the overview's posts, newest first. */
export const postListResponseSchema = z.object({
  posts: z.array(postSummarySchema),
  /** Opaque: the next page's cursor, null on the last page. */
  nextCursor: z.string().nullable(),
  /** Posts published in the range, on every page. */
  total: z.number().int(),
  /** First page only (null on later ones): the range's most flagged posts, and how many have open flags. */
  flagged: z.object({ posts: z.array(postSummarySchema), total: z.number().int() }).nullable(),
});
export type PostListResponse = z.infer<typeof postListResponseSchema>;
