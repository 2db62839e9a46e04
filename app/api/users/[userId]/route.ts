import { userParamsSchema } from "@/lib/schemas/moderation-params";
import { changeRoleBodySchema, type UserSummary } from "@/lib/schemas/users";
import { route } from "@/lib/server/api";
import { changeUserRole } from "@/lib/server/users";

export const dynamic = "force-dynamic";

/** PATCH /api/users/[userId]: change the user's role (logged). */
export const PATCH = route(
  { capability: "administer", params: userParamsSchema, body: changeRoleBodySchema },
  async ({ viewer, params, body }): Promise<UserSummary> =>
    changeUserRole(viewer.id, params.userId, body.role),
);
