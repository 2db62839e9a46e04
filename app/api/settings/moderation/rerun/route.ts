import { type RerunResult, rerunRulesBodySchema } from "@/lib/schemas/moderation-settings";
import { route } from "@/lib/server/api";
import { requestRulesRerun } from "@/lib/server/moderation/settings";

export const dynamic = "force-dynamic";

/**
 * POST /api/settings/moderation/rerun: queue a re-run of the rules over the publication's undecided comments
 * (a job; the moderation log records its outcome).
 */
export const POST = route(
  { capability: "administer", body: rerunRulesBodySchema },
  async ({ viewer, body }): Promise<RerunResult> => requestRulesRerun(viewer, body.publicationId),
);
