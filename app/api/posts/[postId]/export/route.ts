import { exportQuerySchema, postIdParamsSchema } from "@/lib/schemas/route-params";
import { getPostHeader } from "@/lib/server/analytics/post-header";
import { route } from "@/lib/server/api";
import { notFound } from "@/lib/server/domain-error";
import { commentExportResponse } from "@/lib/server/export";

export const dynamic = "force-dynamic";

/** GET /api/posts/[postId]/export?format=csv|json: every comment of the post with its labels, as a streamed download. */
export const GET = route(
  { capability: "read", params: postIdParamsSchema, query: exportQuerySchema },
  async ({ params, query }): Promise<Response> => {
    const post = await getPostHeader(params.postId);
    if (!post) throw notFound("post");
    return commentExportResponse({ postId: params.postId }, post.slug ?? `post-${post.id}`, query.format);
  },
);
