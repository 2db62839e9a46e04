import { z } from "zod";
import { userParamsSchema } from "@/lib/schemas/moderation-params";
import type { UserSummary } from "@/lib/schemas/users";
import { route } from "@/lib/server/api";
import { enableUser } from "@/lib/server/users";

export const dynamic = "force-dynamic";

/** POST /api/users/[userId]/enable: a disabled account may sign in again (logged). */
export const POST = route(
  { capability: "administer", params: userParamsSchema, body: z.strictObject({}) },
  async ({ viewer, params }): Promise<UserSummary> => enableUser(viewer.id, params.userId),
);
