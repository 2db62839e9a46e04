import { userParamsSchema } from "@/lib/schemas/moderation-params";
import { route } from "@/lib/server/api";
import { revokeUserSessions } from "@/lib/server/users";

export const dynamic = "force-dynamic";

/** DELETE /api/users/[userId]/sessions: sign the user out everywhere (logged). */
export const DELETE = route(
  { capability: "administer", params: userParamsSchema },
  async ({ viewer, params }): Promise<{ sessionsRevoked: number }> => ({
    sessionsRevoked: await revokeUserSessions(viewer.id, params.userId),
  }),
);
