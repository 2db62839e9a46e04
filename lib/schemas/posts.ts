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

/** The overview's orders (GET /api/posts?sort&order): each is a column of its table. */
export const POST_SORTS = ["date", "title", "comments", "disagree", "sentiment", "flags"] as const;
export type PostSort = (typeof POST_SORTS)[number];
export const POST_LIST_ORDERS = ["asc", "desc"] as const;
export type PostListOrder = (typeof POST_LIST_ORDERS)[number];

/** A title search is a few words, not a document. */
export const POST_TITLE_SEARCH_MAX = 200;

/**
 * The overview's table state, in GET /api/posts and in the overview's URL: the order (default newest first;
 * a sort's default order is descending, ascending for titles) and a title search.
 */
export const postListQueryShape = {
  sort: z.enum(POST_SORTS).optional(),
  order: z.enum(POST_LIST_ORDERS).optional(),
  q: z.string().max(POST_TITLE_SEARCH_MAX).optional(),
};

/** GET /api/posts?from&to&sort&order&q&cursor&limit: one page of the overview's posts, in the order asked. */
export const postListResponseSchema = z.object({
  posts: z.array(postSummarySchema),
  /** Opaque: the next page's cursor, null on the last page. */
  nextCursor: z.string().nullable(),
  /** Posts published in the range (whose title matches the search, if any), on every page. */
  total: z.number().int(),
  /** First page only (null on later ones): the range's most flagged posts, and how many have open flags. */
  flagged: z.object({ posts: z.array(postSummarySchema), total: z.number().int() }).nullable(),
});
export type PostListResponse = z.infer<typeof postListResponseSchema>;

/** The overview table's order and title search, as the URL and GET /api/posts carry them. */
export interface PostTableState {
  sort: PostSort;
  order: PostListOrder;
  q: string;
}

/** A sort's order when none is asked: the largest (or newest) first; titles A to Z. */
export const defaultPostOrder = (sort: PostSort): PostListOrder => (sort === "title" ? "asc" : "desc");

/** The table state a URL asks for; a value that is not one of the choices is left at its default. */
export function postTableStateFromSearchParams(
  params: Record<string, string | string[] | undefined>,
): PostTableState {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const sort = postListQueryShape.sort.safeParse(one(params.sort)).data ?? "date";
  const order = postListQueryShape.order.safeParse(one(params.order)).data ?? defaultPostOrder(sort);
  const q = postListQueryShape.q.safeParse(one(params.q)).data ?? "";
  return { sort, order, q: q.trim() };
}

/** The URL parameters of a table state: only what differs from the defaults. */
export function postTableSearchParams(state: PostTableState): Record<string, string> {
  return {
    ...(state.sort !== "date" ? { sort: state.sort } : {}),
    ...(state.order !== defaultPostOrder(state.sort) ? { order: state.order } : {}),
    ...(state.q ? { q: state.q } : {}),
  };
}
