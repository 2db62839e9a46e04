import { type RerunResult, rerunRulesBodySchema } from "@/lib/schemas/moderation-settings";
import { route } from "@/lib/server/api";
import { rerunModerationRules } from "@/lib/server/moderation/settings";

export const dynamic = "force-dynamic";

/** POST /api/settings/moderation/rerun: re-apply the rules to the publication's undecided comments. */
export const POST = route(
  { capability: "administer", body: rerunRulesBodySchema },
  async ({ viewer, body }): Promise<RerunResult> => rerunModerationRules(viewer, body.publicationId),
);
