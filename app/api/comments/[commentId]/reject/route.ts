import { commentParamsSchema } from "@/lib/schemas/moderation-params";
import { type CommentActionResult, rejectBodySchema } from "@/lib/schemas/moderation-queue";
import { route } from "@/lib/server/api";
import { rejectComment } from "@/lib/server/moderation/comment-actions";

export const dynamic = "force-dynamic";

/** POST /api/comments/[commentId]/reject: reject the comment with a reason code (and free text); resolves its flags. */
export const POST = route(
  { capability: "moderate", params: commentParamsSchema, body: rejectBodySchema },
  async ({ viewer, params, body }): Promise<CommentActionResult> =>
    rejectComment(viewer, params.commentId, body),
);
