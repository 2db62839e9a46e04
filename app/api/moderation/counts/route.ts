import { z } from "zod";
import type { QueueCounts } from "@/lib/schemas/moderation-queue";
import { publicationScopeQueryShape } from "@/lib/schemas/publication-scope";
import { route } from "@/lib/server/api";
import { queueCounts } from "@/lib/server/moderation/queue";
import { requestPublicationId } from "@/lib/server/publication-scope";

export const dynamic = "force-dynamic";

/** GET /api/moderation/counts: how many comments each queue tab holds in the publication scope. */
export const GET = route(
  {
    capability: "moderate",
    query: z.strictObject(publicationScopeQueryShape),
  },
  async ({ query, request }): Promise<QueueCounts> =>
    queueCounts(await requestPublicationId(request, query.publicationId)),
);
