import { flagParamsSchema } from "@/lib/schemas/moderation-params";
import { type ClosedFlag, closeFlagBodySchema } from "@/lib/schemas/post-flags";
import { route } from "@/lib/server/api";
import { dismissFlag } from "@/lib/server/flags";

export const dynamic = "force-dynamic";

/** POST /api/flags/[flagId]/dismiss: the author closes a flag as not warranted, with a note. */
export const POST = route(
  { capability: "administer", params: flagParamsSchema, body: closeFlagBodySchema },
  async ({ viewer, params, body }): Promise<ClosedFlag> => dismissFlag(viewer, params.flagId, body.note),
);
