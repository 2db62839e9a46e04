import { commentParamsSchema } from "@/lib/schemas/moderation-params";
import { approveBodySchema, type CommentActionResult } from "@/lib/schemas/moderation-queue";
import { route } from "@/lib/server/api";
import { approveComment } from "@/lib/server/moderation/comment-actions";

export const dynamic = "force-dynamic";

/** POST /api/comments/[commentId]/approve: approve the comment and resolve its open flags. */
export const POST = route(
  { capability: "moderate", params: commentParamsSchema, body: approveBodySchema },
  async ({ viewer, params, body }): Promise<CommentActionResult> =>
    approveComment(viewer, params.commentId, body),
);
