import { z } from "zod";
import { type AddedUser, addUserBodySchema, type UserList } from "@/lib/schemas/users";
import { route } from "@/lib/server/api";
import { addUser, listUsers } from "@/lib/server/users";

export const dynamic = "force-dynamic";

/** GET /api/users: every account with its role. */
export const GET = route(
  { capability: "administer", query: z.strictObject({}) },
  async (): Promise<UserList> => ({ users: await listUsers() }),
);

/** POST /api/users: add an account with a generated password, returned once. */
export const POST = route(
  { capability: "administer", body: addUserBodySchema },
  async ({ viewer, body }): Promise<AddedUser> => addUser(viewer.id, body),
);
