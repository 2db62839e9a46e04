import type { PostListResponse } from "@/lib/schemas/posts";
import { scopedDateRangeSchema } from "@/lib/schemas/publication-scope";
import { listPostSummaries } from "@/lib/server/analytics/post-summaries";
import { route } from "@/lib/server/api";
import { requestPublicationId } from "@/lib/server/publication-scope";

export const dynamic = "force-dynamic";

/**
 * GET /api/posts?from&to&publicationId: every post (published in the range) of the publication in scope (the
 * parameter, else the switcher's choice) with its comment count, tone mix, stance split, sentiment and flags.
 */
export const GET = route(
  { capability: "read", query: scopedDateRangeSchema },
  async ({ query, request }): Promise<PostListResponse> => {
    const { publicationId, ...range } = query;
    return { posts: await listPostSummaries(range, await requestPublicationId(request, publicationId)) };
  },
);
