import { logFiltersSchema } from "@/lib/schemas/moderation-log";
import { route } from "@/lib/server/api";
import { streamModerationLogCsv } from "@/lib/server/moderation/log";

export const dynamic = "force-dynamic";

/** GET /api/moderation/log/csv: the filtered moderation log as a streamed CSV download. */
export const GET = route({ capability: "moderate", query: logFiltersSchema }, async ({ query }) => {
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(streamModerationLogCsv(query), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="marginalia-moderation-log-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
});
