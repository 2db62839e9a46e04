import { z } from "zod";
import { dateRangeShape, fromNotAfterTo } from "@/lib/schemas/date-range";
import { type PostListResponse, postListQueryShape } from "@/lib/schemas/posts";
import { publicationScopeQueryShape } from "@/lib/schemas/publication-scope";
import { limitParam } from "@/lib/schemas/route-params";
import { listPostSummaryPage } from "@/lib/server/analytics/post-summaries";
import { route } from "@/lib/server/api";
import { requestPublicationId } from "@/lib/server/publication-scope";

export const dynamic = "force-dynamic";

const querySchema = z
  .strictObject({
    ...dateRangeShape,
    ...publicationScopeQueryShape,
    ...postListQueryShape,
    /** From the previous page's nextCursor (it holds the last row's sort value: a title can be long). */
    cursor: z.string().max(4000).optional(),
    limit: limitParam(200),
  })
  .refine(...fromNotAfterTo);

/**
 * GET /api/posts?from&to&publicationId&sort&order&q&cursor&limit: one page of the posts published in the range,
 * of the publication in scope (the parameter, else the switcher's choice), in the order asked (newest first by
 * default), whose title contains q, with their comment count, tone mix, stance split, sentiment and flags; the
 * first page also lists the most flagged.
 */
export const GET = route(
  { capability: "read", query: querySchema },
  async ({ query, request }): Promise<PostListResponse> => {
    const { publicationId, cursor, limit, sort, order, q, ...range } = query;
    return listPostSummaryPage(range, await requestPublicationId(request, publicationId), {
      cursor,
      limit,
      sort,
      order,
      titleContains: q,
    });
  },
);
