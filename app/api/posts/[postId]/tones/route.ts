import { commentFiltersSchema } from "@/lib/schemas/comment-filters";
import type { ToneDistribution } from "@/lib/schemas/post-figures";
import { postIdParamsSchema } from "@/lib/schemas/route-params";
import { requirePost } from "@/lib/server/analytics/post-header";
import { getToneDistribution } from "@/lib/server/analytics/tone-distribution";
import { route } from "@/lib/server/api";

export const dynamic = "force-dynamic";

/** GET /api/posts/[postId]/tones?tone&stance&sentiment&status&q: effective tone counts of the comments matching the filters. */
export const GET = route(
  { capability: "read", params: postIdParamsSchema, query: commentFiltersSchema },
  async ({ params, query }): Promise<ToneDistribution> => {
    await requirePost(params.postId);
    return getToneDistribution(params.postId, query);
  },
);
