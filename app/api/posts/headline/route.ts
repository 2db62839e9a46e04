import type { Headline } from "@/lib/schemas/overview";
import { scopedDateRangeSchema } from "@/lib/schemas/publication-scope";
import { getHeadline } from "@/lib/server/analytics/headline-figures";
import { route } from "@/lib/server/api";
import { requestPublicationId } from "@/lib/server/publication-scope";

export const dynamic = "force-dynamic";

/**
 * GET /api/posts/headline?from&to&publicationId: comments, commenters and tone shares of the range and of the
 * range before it, in the publication scope.
 */
export const GET = route(
  { capability: "read", query: scopedDateRangeSchema },
  async ({ query, request }): Promise<Headline> => {
    const { publicationId, ...range } = query;
    return getHeadline(range, await requestPublicationId(request, publicationId));
  },
);
