import { z } from "zod";
import { userParamsSchema } from "@/lib/schemas/moderation-params";
import type { PasswordReset } from "@/lib/schemas/users";
import { route } from "@/lib/server/api";
import { resetUserPassword } from "@/lib/server/users";

export const dynamic = "force-dynamic";

/** POST /api/users/[userId]/password: a new generated password, returned once; their sessions end (logged). */
export const POST = route(
  { capability: "administer", params: userParamsSchema, body: z.strictObject({}) },
  async ({ viewer, params }): Promise<PasswordReset> => resetUserPassword(viewer.id, params.userId),
);
