import { z } from "zod";
import { rowIdText } from "@/lib/schemas/bounds";
import { commentFiltersShape } from "@/lib/schemas/comment-filters";
import { limitParam, postIdParamsSchema } from "@/lib/schemas/route-params";
import { type ThreadPage, threadCursorSchema } from "@/lib/schemas/thread";
import { requirePost } from "@/lib/server/analytics/post-header";
import { getThreadPage } from "@/lib/server/analytics/thread-page";
import { route } from "@/lib/server/api";

export const dynamic = "force-dynamic";

const querySchema = z.strictObject({
  ...commentFiltersShape,
  cursor: threadCursorSchema.optional(),
  /** Start at the conversation holding this comment (ignored with a cursor, which already says where). */
  from: rowIdText.optional(),
  limit: limitParam(200),
});

/** GET /api/posts/[postId]/comments?filters&cursor&limit&from: one page of the thread in tree order (replies under parents). */
export const GET = route(
  { capability: "read", params: postIdParamsSchema, query: querySchema },
  async ({ params, query }): Promise<ThreadPage> => {
    await requirePost(params.postId);
    const { cursor, limit, from, ...filters } = query;
    return getThreadPage(params.postId, filters, { cursor, limit, from });
  },
);
