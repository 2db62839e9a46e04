import { type LogPage, logQuerySchema } from "@/lib/schemas/moderation-log";
import { route } from "@/lib/server/api";
import { listModerationLog } from "@/lib/server/moderation/log";
import { requestPublicationId } from "@/lib/server/publication-scope";

export const dynamic = "force-dynamic";

/**
 * GET /api/moderation/log: the moderation log, newest first, filtered by person, action, target and dates, in
 * the publication scope.
 */
export const GET = route(
  { capability: "moderate", query: logQuerySchema },
  async ({ query, request }): Promise<LogPage> =>
    listModerationLog({ ...query, publicationId: await requestPublicationId(request, query.publicationId) }),
);
