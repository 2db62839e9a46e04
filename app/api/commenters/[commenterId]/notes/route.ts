import { commenterParamsSchema } from "@/lib/schemas/moderation-params";
import { noteBodySchema } from "@/lib/schemas/moderation-queue";
import { route } from "@/lib/server/api";
import { addCommenterNote } from "@/lib/server/moderation/commenter-actions";

export const dynamic = "force-dynamic";

/** POST /api/commenters/[commenterId]/notes: add a moderator note to the commenter. */
export const POST = route(
  { capability: "moderate", params: commenterParamsSchema, body: noteBodySchema },
  async ({ viewer, params, body }) => addCommenterNote(viewer, params.commenterId, body.body),
);
