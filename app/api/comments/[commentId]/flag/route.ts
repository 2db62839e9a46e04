import { commentParamsSchema } from "@/lib/schemas/moderation-params";
import { type CommentActionResult, flagCommentBodySchema } from "@/lib/schemas/moderation-queue";
import { route } from "@/lib/server/api";
import { flagComment } from "@/lib/server/moderation/comment-actions";

export const dynamic = "force-dynamic";

/** POST /api/comments/[commentId]/flag: flag the comment with a note (it then shows under "reported"). */
export const POST = route(
  { capability: "moderate", params: commentParamsSchema, body: flagCommentBodySchema },
  async ({ viewer, params, body }): Promise<CommentActionResult> =>
    flagComment(viewer, params.commentId, body),
);
