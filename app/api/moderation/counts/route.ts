import { z } from "zod";
import { rowIdText } from "@/lib/schemas/bounds";
import type { QueueCounts } from "@/lib/schemas/moderation-queue";
import { route } from "@/lib/server/api";
import { queueCounts } from "@/lib/server/moderation/queue";

export const dynamic = "force-dynamic";

/** GET /api/moderation/counts: how many comments each queue tab holds. */
export const GET = route(
  {
    capability: "moderate",
    query: z.strictObject({ publicationId: rowIdText.optional() }),
  },
  async ({ query }): Promise<QueueCounts> => queueCounts(query.publicationId),
);
