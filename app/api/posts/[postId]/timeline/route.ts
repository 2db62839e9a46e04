import { commentFiltersSchema } from "@/lib/schemas/comment-filters";
import type { Timeline } from "@/lib/schemas/post-figures";
import { postIdParamsSchema } from "@/lib/schemas/route-params";
import { getCommentTimeline } from "@/lib/server/analytics/comment-timeline";
import { requirePost } from "@/lib/server/analytics/post-header";
import { route } from "@/lib/server/api";

export const dynamic = "force-dynamic";

/** GET /api/posts/[postId]/timeline?tone&stance&sentiment&status&q: comments per time bucket since publication, by tone. */
export const GET = route(
  { capability: "read", params: postIdParamsSchema, query: commentFiltersSchema },
  async ({ params, query }): Promise<Timeline> => {
    await requirePost(params.postId);
    return getCommentTimeline(params.postId, query);
  },
);
