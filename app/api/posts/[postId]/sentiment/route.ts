import { commentFiltersSchema } from "@/lib/schemas/comment-filters";
import type { SentimentHistogram } from "@/lib/schemas/post-figures";
import { postIdParamsSchema } from "@/lib/schemas/route-params";
import { requirePost } from "@/lib/server/analytics/post-header";
import { getSentimentHistogram } from "@/lib/server/analytics/sentiment-histogram";
import { route } from "@/lib/server/api";

export const dynamic = "force-dynamic";

/** GET /api/posts/[postId]/sentiment?tone&stance&sentiment&status&q: histogram and mean of the comparative sentiment. */
export const GET = route(
  { capability: "read", params: postIdParamsSchema, query: commentFiltersSchema },
  async ({ params, query }): Promise<SentimentHistogram> => {
    await requirePost(params.postId);
    return getSentimentHistogram(params.postId, query);
  },
);
