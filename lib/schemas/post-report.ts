import { z } from "zod";
import { ENTITY_KINDS } from "@/lib/insights/entities/types";
import { postArgumentsSchema } from "./arguments";
import { postHeaderSchema, stanceSplitSchema, toneDistributionSchema } from "./post-figures";

/** GET /api/posts/[postId]/report: what the printable report shows. */
export const postReportSchema = z.object({
  post: postHeaderSchema,
  tones: toneDistributionSchema,
  stances: stanceSplitSchema,
  sentiment: z.object({
    positive: z.number().int(),
    neutral: z.number().int(),
    negative: z.number().int(),
    /** Mean comparative sentiment (per word); null without scored comments. */
    mean: z.number().nullable(),
  }),
  /** Comments a person corrected (their labels are the ones counted). */
  corrected: z.number().int(),
  arguments: postArgumentsSchema,
  entities: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      kind: z.enum(ENTITY_KINDS),
      mentions: z.number().int(),
      positive: z.number().int(),
      negative: z.number().int(),
    }),
  ),
  /** Which scorers made the labels counted, and the versions of the insight steps. */
  versions: z.object({
    scorers: z.array(z.object({ version: z.string(), source: z.string(), comments: z.number().int() })),
    arguments: z.string().nullable(),
    entities: z.string(),
  }),
  generatedAt: z.string(),
});
export type PostReport = z.infer<typeof postReportSchema>;
