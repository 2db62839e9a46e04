import { postIdParamsSchema } from "@/lib/schemas/route-params";
import { requirePost } from "@/lib/server/analytics/post-header";
import { route } from "@/lib/server/api";
import { getPostArguments } from "@/lib/server/insights/arguments";

export const dynamic = "force-dynamic";

/** GET /api/posts/[postId]/arguments: the post's pushback and what landed, grouped into main arguments. */
export const GET = route({ capability: "read", params: postIdParamsSchema }, async ({ params }) => {
  await requirePost(params.postId);
  return getPostArguments(params.postId);
});
