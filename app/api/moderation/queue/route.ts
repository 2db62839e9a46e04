import { type QueuePage, queueQuerySchema } from "@/lib/schemas/moderation-queue";
import { route } from "@/lib/server/api";
import { listQueue } from "@/lib/server/moderation/queue";

export const dynamic = "force-dynamic";

/** GET /api/moderation/queue: one page of a queue tab, highest priority first (cursor paging). */
export const GET = route(
  { capability: "moderate", query: queueQuerySchema },
  async ({ query }): Promise<QueuePage> => listQueue(query),
);
