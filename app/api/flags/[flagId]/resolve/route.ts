import { flagParamsSchema } from "@/lib/schemas/moderation-params";
import { type ClosedFlag, closeFlagBodySchema } from "@/lib/schemas/post-flags";
import { route } from "@/lib/server/api";
import { resolveFlag } from "@/lib/server/flags";

export const dynamic = "force-dynamic";

/** POST /api/flags/[flagId]/resolve: the author marks a flag as dealt with, with a note. */
export const POST = route(
  { capability: "administer", params: flagParamsSchema, body: closeFlagBodySchema },
  async ({ viewer, params, body }): Promise<ClosedFlag> => resolveFlag(viewer, params.flagId, body.note),
);
