import { z } from "zod";
import { MAX_QUERY_LENGTH } from "@/lib/insights/search-query";
import { SENTIMENT_LABELS, STANCES, TONES } from "@/lib/scoring/types";
import { commentFiltersShape } from "./comment-filters";
import { dateRangeShape } from "./date-range";
import { limitParam, optionalIdParam } from "./route-params";

const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

export const SEARCH_SORTS = ["newest", "oldest", "relevance"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** A keyset cursor: where the previous page ended, in the page's sort order (opaque to callers). */
export const searchCursorSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, { message: "cursor must come from a previous page's nextCursor" });

/** GET /api/search and the /search page: the query and the filters, all optional but `q`. */
export const searchParamsShape = {
  q: z.string().trim().min(1, { message: "type something to search for" }).max(MAX_QUERY_LENGTH),
  tone: commentFiltersShape.tone,
  stance: commentFiltersShape.stance,
  sentiment: commentFiltersShape.sentiment,
  status: commentFiltersShape.status,
  publication: optionalIdParam("publication"),
  post: optionalIdParam("post"),
  commenter: optionalIdParam("commenter"),
  ...dateRangeShape,
  sort: z.preprocess(blankToUndefined, z.enum(SEARCH_SORTS).default("newest")),
  cursor: z.preprocess(blankToUndefined, searchCursorSchema.optional()),
  limit: limitParam(100),
};
export const searchParamsSchema = z.strictObject(searchParamsShape);
export type SearchParams = z.infer<typeof searchParamsSchema>;

export const SEARCH_FILTER_KEYS = [
  "q",
  "tone",
  "stance",
  "sentiment",
  "status",
  "publication",
  "post",
  "commenter",
  "from",
  "to",
  "sort",
] as const;

export const highlightSegmentSchema = z.object({ text: z.string(), match: z.boolean() });

export const searchHitSchema = z.object({
  commentId: z.number().int(),
  postId: z.number().int(),
  postTitle: z.string(),
  commenterId: z.number().int().nullable(),
  authorName: z.string(),
  postedAt: z.string(),
  tone: z.enum(TONES).nullable(),
  stance: z.enum(STANCES).nullable(),
  sentiment: z.enum(SENTIMENT_LABELS).nullable(),
  status: z.enum(["NONE", "APPROVED", "REJECTED", "SYSTEM_WITHHELD"]),
  /** Fragments of the body around the matches; `match` segments are the matched words. Render as text. */
  highlight: z.array(highlightSegmentSchema),
  rank: z.number(),
  /** The comment in its thread on the post page. */
  href: z.string(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultSchema = z.object({
  /** The query as understood (canonical form). */
  query: z.string(),
  hits: z.array(searchHitSchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
