import { z } from "zod";
import { userParamsSchema } from "@/lib/schemas/moderation-params";
import type { UserSummary } from "@/lib/schemas/users";
import { route } from "@/lib/server/api";
import { disableUser } from "@/lib/server/users";

export const dynamic = "force-dynamic";

/** POST /api/users/[userId]/disable: no more sign-in; every session of theirs ends (logged). */
export const POST = route(
  { capability: "administer", params: userParamsSchema, body: z.strictObject({}) },
  async ({ viewer, params }): Promise<UserSummary> => disableUser(viewer.id, params.userId),
);
