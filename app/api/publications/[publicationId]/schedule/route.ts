import { scheduleSchema } from "@/lib/schemas/imports";
import { publicationIdParamsSchema } from "@/lib/schemas/route-params";
import { route } from "@/lib/server/api";
import { notFound } from "@/lib/server/domain-error";
import { setSyncInterval } from "@/lib/server/imports";

export const dynamic = "force-dynamic";

// PUT /api/publications/[publicationId]/schedule: set { intervalMinutes } between syncs, or null for none.
export const PUT = route(
  {
    capability: "administer",
    params: publicationIdParamsSchema,
    body: scheduleSchema,
  },
  async ({ params, body, viewer }) => {
    const result = await setSyncInterval(params.publicationId, body.intervalMinutes, viewer.id);
    if (!result) throw notFound("publication");
    return result;
  },
);
