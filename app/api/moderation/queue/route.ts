import { type QueuePage, queueQuerySchema } from "@/lib/schemas/moderation-queue";
import { route } from "@/lib/server/api";
import { listQueue } from "@/lib/server/moderation/queue";
import { requestPublicationId } from "@/lib/server/publication-scope";

export const dynamic = "force-dynamic";

/** GET /api/moderation/queue: one page of a queue tab in the publication scope, highest priority first (cursor paging). */
export const GET = route(
  { capability: "moderate", query: queueQuerySchema },
  async ({ query, request }): Promise<QueuePage> =>
    listQueue({ ...query, publicationId: await requestPublicationId(request, query.publicationId) }),
);
