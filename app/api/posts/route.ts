import { z } from "zod";
import { dateRangeShape, fromNotAfterTo } from "@/lib/schemas/date-range";
import type { PostListResponse } from "@/lib/schemas/posts";
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
    /** From the previous page's nextCursor. */
    cursor: z.string().max(200).optional(),
    limit: limitParam(200),
  })
  .refine(...fromNotAfterTo);

/**
 * GET /api/posts?from&to&publicationId&cursor&limit: one page of the posts published in the range, of the
 * publication in scope (the parameter, else the switcher's choice), newest first, with their comment count,
 * tone mix, stance split, sentiment and flags; the first page also lists the most flagged.
 */
export const GET = route(
  { capability: "read", query: querySchema },
  async ({ query, request }): Promise<PostListResponse> => {
    const { publicationId, cursor, limit, ...range } = query;
    return listPostSummaryPage(range, await requestPublicationId(request, publicationId), { cursor, limit });
  },
);
