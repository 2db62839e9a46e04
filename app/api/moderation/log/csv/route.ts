import { logFiltersSchema } from "@/lib/schemas/moderation-log";
import { route } from "@/lib/server/api";
import { streamModerationLogCsv } from "@/lib/server/moderation/log";
import { requestPublicationId } from "@/lib/server/publication-scope";

export const dynamic = "force-dynamic";

/** GET /api/moderation/log/csv: the filtered moderation log, in the publication scope, as a streamed CSV download. */
export const GET = route({ capability: "moderate", query: logFiltersSchema }, async ({ query, request }) => {
  const stamp = new Date().toISOString().slice(0, 10);
  const filters = { ...query, publicationId: await requestPublicationId(request, query.publicationId) };
  return new Response(streamModerationLogCsv(filters), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="marginalia-moderation-log-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
});
