import { commentFiltersSchema } from "@/lib/schemas/comment-filters";
import type { ActiveCommenters } from "@/lib/schemas/post-figures";
import { postIdParamsSchema } from "@/lib/schemas/route-params";
import { getActiveCommenters } from "@/lib/server/analytics/active-commenters";
import { requirePost } from "@/lib/server/analytics/post-header";
import { route } from "@/lib/server/api";

export const dynamic = "force-dynamic";

/** GET /api/posts/[postId]/commenters?tone&stance&sentiment&status&q: the ten most active commenters of the thread. */
export const GET = route(
  { capability: "read", params: postIdParamsSchema, query: commentFiltersSchema },
  async ({ params, query }): Promise<ActiveCommenters> => {
    await requirePost(params.postId);
    return getActiveCommenters(params.postId, query);
  },
);
