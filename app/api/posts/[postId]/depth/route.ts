import { commentFiltersSchema } from "@/lib/schemas/comment-filters";
import type { ToneByDepth } from "@/lib/schemas/post-figures";
import { postIdParamsSchema } from "@/lib/schemas/route-params";
import { requirePost } from "@/lib/server/analytics/post-header";
import { getToneByDepth } from "@/lib/server/analytics/tone-by-depth";
import { route } from "@/lib/server/api";

export const dynamic = "force-dynamic";

/** GET /api/posts/[postId]/depth?tone&stance&sentiment&status&q: tone of top-level comments against replies. */
export const GET = route(
  { capability: "read", params: postIdParamsSchema, query: commentFiltersSchema },
  async ({ params, query }): Promise<ToneByDepth> => {
    await requirePost(params.postId);
    return getToneByDepth(params.postId, query);
  },
);
