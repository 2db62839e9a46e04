import { commenterParamsSchema } from "@/lib/schemas/moderation-params";
import { commenterStatusBodySchema } from "@/lib/schemas/moderation-queue";
import { route } from "@/lib/server/api";
import { setCommenterStatus } from "@/lib/server/moderation/commenter-actions";

export const dynamic = "force-dynamic";

/** POST /api/commenters/[commenterId]/status: watch, pre-moderate, suspend, ban (optionally rejecting all) or clear. */
export const POST = route(
  { capability: "moderate", params: commenterParamsSchema, body: commenterStatusBodySchema },
  async ({ viewer, params, body }) => setCommenterStatus(viewer, params.commenterId, body),
);
