import { z } from "zod";
import { ENTITY_KINDS } from "@/lib/insights/entities/types";
import { SENTIMENT_LABELS, TONES } from "@/lib/scoring/types";
import { rowIdText } from "./bounds";
import { commentFiltersShape } from "./comment-filters";
import { dateRangeShape } from "./date-range";
import { limitParam, optionalIdParam } from "./route-params";
import { highlightSegmentSchema } from "./search";

const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

export const entityIdParamsSchema = z.strictObject({ entityId: rowIdText });

/** GET /api/entities */
export const entityListParamsSchema = z.strictObject({
  publication: optionalIdParam("publication"),
  kind: z.preprocess(blankToUndefined, z.enum(ENTITY_KINDS).optional()),
  ...dateRangeShape,
  limit: limitParam(100),
});
export type EntityListParams = z.infer<typeof entityListParamsSchema>;

const sentimentCountsSchema = z.object({
  positive: z.number().int(),
  negative: z.number().int(),
  neutral: z.number().int(),
  /** Mean sentiment score (AFINN sum) of the mentioning sentences. */
  mean: z.number().nullable(),
});

export const entitySummarySchema = z.object({
  id: z.number().int(),
  publicationId: z.number().int(),
  name: z.string(),
  kind: z.enum(ENTITY_KINDS),
  aliases: z.array(z.string()),
  mentions: z.number().int(),
  comments: z.number().int(),
  posts: z.number().int(),
  /** Of the mentioning sentences (aspect-level), not the whole comments. */
  sentiment: sentimentCountsSchema,
  tones: z.partialRecord(z.enum(TONES), z.number().int()),
  /** Mentions per week over `weeks` of the list. */
  trend: z.array(z.number().int()),
});
export type EntitySummary = z.infer<typeof entitySummarySchema>;

export const entityListSchema = z.object({
  /** Mondays (YYYY-MM-DD) of the trend weeks, oldest first. */
  weeks: z.array(z.string()),
  entities: z.array(entitySummarySchema),
});
export type EntityList = z.infer<typeof entityListSchema>;

/** GET /api/entities/[entityId]: the post page's filters apply to the mentioning comments. */
export const entityDetailParamsSchema = z.strictObject({
  ...commentFiltersShape,
  /** Sentiment of the mentioning sentence. */
  aspect: z.preprocess(blankToUndefined, z.enum(SENTIMENT_LABELS).optional()),
  post: optionalIdParam("post"),
  cursor: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,200}$/, { message: "cursor must come from a previous page's nextCursor" })
      .optional(),
  ),
  limit: limitParam(100),
});
export type EntityDetailParams = z.infer<typeof entityDetailParamsSchema>;

export const entityMentionViewSchema = z.object({
  mentionId: z.number().int(),
  commentId: z.number().int(),
  postId: z.number().int(),
  postTitle: z.string(),
  authorName: z.string(),
  postedAt: z.string(),
  /** The mentioning sentence with the name marked; render as text. */
  sentence: z.array(highlightSegmentSchema),
  sentenceTone: z.enum(TONES),
  sentenceSentiment: z.enum(SENTIMENT_LABELS),
  /** The whole comment's effective tone. */
  commentTone: z.enum(TONES).nullable(),
  href: z.string(),
});
export type EntityMentionView = z.infer<typeof entityMentionViewSchema>;

export const entityDetailSchema = z.object({
  entity: entitySummarySchema.omit({ trend: true }),
  timeline: z.array(
    z.object({
      week: z.string(),
      mentions: z.number().int(),
      positive: z.number().int(),
      negative: z.number().int(),
      neutral: z.number().int(),
    }),
  ),
  perPost: z.array(
    z.object({ postId: z.number().int(), title: z.string(), mentions: z.number().int(), mean: z.number() }),
  ),
  mentions: z.array(entityMentionViewSchema),
  /** Mentions matching the filters. */
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type EntityDetail = z.infer<typeof entityDetailSchema>;
