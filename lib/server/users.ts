import "server-only";
import { db } from "@/lib/db/client";
import type { AddedUser, AddUserBody, UserRole, UserSummary } from "@/lib/schemas/users";
import { ApiError, notFound } from "@/lib/server/api";
import { appendLog } from "@/lib/server/audit-log";
import { createUser, generatePassword, UserExistsError } from "@/lib/server/auth/users";
import type { Viewer } from "@/lib/server/permissions";

type Actor = Pick<Viewer, "id">;

function summary(u: {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  createdAt: Date;
}): UserSummary {
  return { id: u.id, email: u.email, name: u.name, role: u.role, createdAt: u.createdAt.toISOString() };
}

export async function listUsers(): Promise<UserSummary[]> {
  const users = await db().user.findMany({ orderBy: [{ role: "asc" }, { email: "asc" }] });
  return users.map(summary);
}

/** An author adds an account with a generated password (returned once); USER_CREATED is logged by createUser. */
export async function addUser(actor: Actor, input: AddUserBody): Promise<AddedUser> {
  const password = generatePassword();
  try {
    const created = await createUser(
      db(),
      { email: input.email, name: input.name, role: input.role, password },
      actor.id,
    );
    const user = await db().user.findUniqueOrThrow({ where: { id: created.id } });
    return { user: summary(user), password };
  } catch (err) {
    if (err instanceof UserExistsError) throw new ApiError(409, "conflict", err.message);
    throw err;
  }
}

/**
 * Changes a user's role, logged with before and after. The last author cannot be demoted (nobody could
 * manage users any more), which also stops an author from locking themselves out alone.
 */
export async function changeUserRole(actor: Actor, userId: string, role: UserRole): Promise<UserSummary> {
  return db().$transaction(async (tx) => {
    // Serialise role changes so two authors demoting each other at once cannot leave none.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('marginalia:user-roles'))`;
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw notFound("user");
    if (user.role === role) return summary(user);
    if (user.role === "AUTHOR") {
      const authors = await tx.user.count({ where: { role: "AUTHOR" } });
      if (authors <= 1)
        throw new ApiError(409, "last_author", "the last author cannot be given another role");
    }
    const updated = await tx.user.update({ where: { id: userId }, data: { role } });
    await appendLog(tx, {
      actorId: actor.id,
      action: "USER_ROLE_CHANGED",
      targetType: "USER",
      targetId: userId,
      before: { role: user.role, email: user.email },
      after: { role, email: user.email },
    });
    return summary(updated);
  });
}
