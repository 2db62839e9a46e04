import { z } from "zod";
import { STANCES, TONES } from "@/lib/scoring/types";

/** `posts=12,15,19`: two to six post ids, comma-separated. */
export const comparePostIdsSchema = z
  .string()
  .regex(/^\d{1,9}(,\d{1,9}){1,5}$/, { message: "posts must be 2 to 6 post ids separated by commas" })
  .transform((v) => [...new Set(v.split(",").map(Number))])
  .refine((ids) => ids.length >= 2, { message: "give at least two different posts" });

/** One post's figures in the comparison. */
export const comparedPostSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  publishedAt: z.string().nullable(),
  /** Comments with a body. */
  comments: z.number().int(),
  /** Comments with an effective tone. */
  scored: z.number().int(),
  tones: z.record(z.enum(TONES), z.number().int()),
  stances: z.record(z.enum(STANCES), z.number().int()),
  meanSentiment: z.number().nullable(),
  /** Sentiment histogram counts, same bins as GET /api/posts/[postId]/sentiment. */
  sentimentBins: z.array(
    z.object({ from: z.number().nullable(), to: z.number().nullable(), count: z.number().int() }),
  ),
});

/** GET /api/posts/compare?posts=…: the posts side by side, in the order asked. */
export const comparisonSchema = z.object({ posts: z.array(comparedPostSchema) });
export type Comparison = z.infer<typeof comparisonSchema>;
