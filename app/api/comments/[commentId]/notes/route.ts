import { commentParamsSchema } from "@/lib/schemas/moderation-params";
import { type CommentActionResult, noteBodySchema } from "@/lib/schemas/moderation-queue";
import { route } from "@/lib/server/api";
import { addModeratorNote } from "@/lib/server/moderation/comment-actions";

export const dynamic = "force-dynamic";

/** POST /api/comments/[commentId]/notes: add a moderator note to the comment. */
export const POST = route(
  { capability: "moderate", params: commentParamsSchema, body: noteBodySchema },
  async ({ viewer, params, body }): Promise<CommentActionResult> =>
    addModeratorNote(viewer, params.commentId, body.body),
);
