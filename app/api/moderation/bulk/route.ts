import { type BulkActionResult, bulkActionBodySchema } from "@/lib/schemas/moderation-queue";
import { route } from "@/lib/server/api";
import { applyBulkAction } from "@/lib/server/moderation/comment-actions";

export const dynamic = "force-dynamic";

/** POST /api/moderation/bulk: approve, reject, flag or note a selection of comments in one transaction. */
export const POST = route(
  { capability: "moderate", body: bulkActionBodySchema },
  async ({ viewer, body }): Promise<BulkActionResult> => applyBulkAction(viewer, body),
);
