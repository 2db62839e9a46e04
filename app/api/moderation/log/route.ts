import { type LogPage, logQuerySchema } from "@/lib/schemas/moderation-log";
import { route } from "@/lib/server/api";
import { listModerationLog } from "@/lib/server/moderation/log";

export const dynamic = "force-dynamic";

/** GET /api/moderation/log: the moderation log, newest first, filtered by person, action, target and dates. */
export const GET = route(
  { capability: "moderate", query: logQuerySchema },
  async ({ query }): Promise<LogPage> => listModerationLog(query),
);
