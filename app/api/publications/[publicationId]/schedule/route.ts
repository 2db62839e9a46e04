import { z } from "zod";
import { scheduleSchema } from "@/lib/schemas/imports";
import { notFound, route } from "@/lib/server/api";
import { setSyncInterval } from "@/lib/server/imports";

export const dynamic = "force-dynamic";

// PUT /api/publications/[publicationId]/schedule: set { intervalMinutes } between syncs, or null for none.
export const PUT = route(
  {
    capability: "administer",
    params: z.object({ publicationId: z.coerce.number().int().positive() }),
    body: scheduleSchema,
  },
  async ({ params, body, viewer }) => {
    const result = await setSyncInterval(params.publicationId, body.intervalMinutes, viewer.id);
    if (!result) throw notFound("publication");
    return result;
  },
);
