import { commentFiltersSchema } from "@/lib/schemas/comment-filters";
import type { StanceSplit } from "@/lib/schemas/post-figures";
import { postIdParamsSchema } from "@/lib/schemas/route-params";
import { requirePost } from "@/lib/server/analytics/post-header";
import { getStanceSplit } from "@/lib/server/analytics/tone-distribution";
import { route } from "@/lib/server/api";

export const dynamic = "force-dynamic";

/** GET /api/posts/[postId]/stances?tone&stance&sentiment&status&q: effective stance counts of the comments matching the filters. */
export const GET = route(
  { capability: "read", params: postIdParamsSchema, query: commentFiltersSchema },
  async ({ params, query }): Promise<StanceSplit> => {
    await requirePost(params.postId);
    return getStanceSplit(params.postId, query);
  },
);
