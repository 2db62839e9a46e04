import { z } from "zod";
import { TONES } from "@/lib/scoring/types";

/** One row of the overview: GET /api/posts answers `{ posts: PostSummary[] }`. */
export const postSummarySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  slug: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** Comments with a body (deleted and removed ones are not counted). */
  comments: z.number().int(),
  scored: z.number().int(),
  /** Mean AFINN comparative score of the scored comments; null when none is scored. */
  meanSentiment: z.number().nullable(),
  openFlags: z.number().int(),
  tones: z.record(z.enum(TONES), z.number().int()),
  stances: z.object({ agree: z.number().int(), disagree: z.number().int(), neutral: z.number().int() }),
});
export type PostSummary = z.infer<typeof postSummarySchema>;

export const postListResponseSchema = z.object({ posts: z.array(postSummarySchema) });
export type PostListResponse = z.infer<typeof postListResponseSchema>;
