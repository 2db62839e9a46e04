import { type LabelCorrectionResult, labelCorrectionBodySchema } from "@/lib/schemas/corrections";
import { commentIdParamsSchema } from "@/lib/schemas/route-params";
import { route } from "@/lib/server/api";
import { correctCommentLabels } from "@/lib/server/corrections";

export const dynamic = "force-dynamic";

/** POST /api/comments/[commentId]/correction: correct (or confirm) the comment's tone and/or stance; logged as LABEL_CORRECTED. */
export const POST = route(
  { capability: "moderate", params: commentIdParamsSchema, body: labelCorrectionBodySchema },
  async ({ viewer, params, body }): Promise<LabelCorrectionResult> => {
    return correctCommentLabels(viewer, params.commentId, body);
  },
);
