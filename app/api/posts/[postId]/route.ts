import { z } from "zod";
import type { PostHeader } from "@/lib/schemas/post-figures";
import { postIdParamsSchema } from "@/lib/schemas/route-params";
import { getPostHeader } from "@/lib/server/analytics/post-header";
import { route } from "@/lib/server/api";
import { notFound } from "@/lib/server/domain-error";

export const dynamic = "force-dynamic";

/** GET /api/posts/[postId]: the post with its unfiltered comment, commenter and flag counts. */
export const GET = route(
  { capability: "read", params: postIdParamsSchema, query: z.strictObject({}) },
  async ({ params }): Promise<PostHeader> => {
    const header = await getPostHeader(params.postId);
    if (!header) throw notFound("post");
    return header;
  },
);
