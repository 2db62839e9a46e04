import "server-only";
import { db } from "@/lib/db/client";
import type { AddedUser, AddUserBody, PasswordReset, UserRole, UserSummary } from "@/lib/schemas/users";
import { ApiError, notFound } from "@/lib/server/api-error";
import { appendLog, type Tx } from "@/lib/server/audit-log";
import {
  createUser,
  generatePassword,
  hashNewPassword,
  replaceCredential,
  UserExistsError,
} from "@/lib/server/auth/users";

/** Who changes an account: a signed-in author, or null for the operator at the command line. */
type ActorId = string | null;

function summary(u: {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  createdAt: Date;
  disabledAt: Date | null;
}): UserSummary {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    createdAt: u.createdAt.toISOString(),
    disabledAt: u.disabledAt?.toISOString() ?? null,
  };
}

export async function listUsers(): Promise<UserSummary[]> {
  const users = await db().user.findMany({ orderBy: [{ role: "asc" }, { email: "asc" }] });
  return users.map(summary);
}

/** The user with this email (case and spaces ignored), for the command line. */
export async function findUserIdByEmail(email: string): Promise<string | null> {
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() } });
  return user?.id ?? null;
}

/** An author adds an account with a generated password (returned once); USER_CREATED is logged by createUser. */
export async function addUser(actorId: ActorId, input: AddUserBody): Promise<AddedUser> {
  const password = generatePassword();
  try {
    const created = await createUser(
      db(),
      { email: input.email, name: input.name, role: input.role, password },
      actorId,
    );
    const user = await db().user.findUniqueOrThrow({ where: { id: created.id } });
    return { user: summary(user), password };
  } catch (err) {
    if (err instanceof UserExistsError) throw new ApiError(409, "conflict", err.message);
    throw err;
  }
}

/**
 * Runs an account change in a transaction that holds the accounts lock (so two authors acting at once cannot
 * leave no active author), with the user row locked.
 */
async function withAccount<T>(
  userId: string,
  change: (tx: Tx, user: NonNullable<Awaited<ReturnType<Tx["user"]["findUnique"]>>>) => Promise<T>,
): Promise<T> {
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('marginalia:user-roles'))`;
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw notFound("user");
    return change(tx, user);
  });
}

/** The last active author cannot lose that: nobody could manage users any more. */
async function refuseLastAuthor(tx: Tx, user: { id: string; role: UserRole; disabledAt: Date | null }) {
  if (user.role !== "AUTHOR" || user.disabledAt !== null) return;
  const authors = await tx.user.count({ where: { role: "AUTHOR", disabledAt: null } });
  if (authors <= 1)
    throw new ApiError(409, "last_author", "the last active author cannot be demoted or disabled");
}

/** Ends every session of the user; returns how many there were. */
async function revokeSessions(tx: Tx, userId: string): Promise<number> {
  return (await tx.session.deleteMany({ where: { userId } })).count;
}

/**
 * Changes a user's role, logged with before and after. Their sessions end, so the new role (a demotion above
 * all) applies from their next sign-in on, with no session opened under the old one left behind.
 */
export async function changeUserRole(actorId: ActorId, userId: string, role: UserRole): Promise<UserSummary> {
  return withAccount(userId, async (tx, user) => {
    if (user.role === role) return summary(user);
    await refuseLastAuthor(tx, user);
    const updated = await tx.user.update({ where: { id: userId }, data: { role } });
    const sessionsRevoked = await revokeSessions(tx, userId);
    await appendLog(tx, {
      actorId,
      action: "USER_ROLE_CHANGED",
      targetType: "USER",
      targetId: userId,
      before: { role: user.role, email: user.email },
      after: { role, email: user.email, sessionsRevoked },
    });
    return summary(updated);
  });
}

/** Disables an account: no sign-in, every session ended. Nobody disables themselves or the last author. */
export async function disableUser(actorId: ActorId, userId: string): Promise<UserSummary> {
  if (actorId === userId) throw new ApiError(409, "self", "you cannot disable your own account");
  return withAccount(userId, async (tx, user) => {
    if (user.disabledAt) return summary(user);
    await refuseLastAuthor(tx, user);
    const updated = await tx.user.update({ where: { id: userId }, data: { disabledAt: new Date() } });
    const sessionsRevoked = await revokeSessions(tx, userId);
    await appendLog(tx, {
      actorId,
      action: "USER_DISABLED",
      targetType: "USER",
      targetId: userId,
      before: { email: user.email, disabled: false },
      after: { email: user.email, disabled: true, sessionsRevoked },
    });
    return summary(updated);
  });
}

export async function enableUser(actorId: ActorId, userId: string): Promise<UserSummary> {
  return withAccount(userId, async (tx, user) => {
    if (!user.disabledAt) return summary(user);
    const updated = await tx.user.update({ where: { id: userId }, data: { disabledAt: null } });
    await appendLog(tx, {
      actorId,
      action: "USER_ENABLED",
      targetType: "USER",
      targetId: userId,
      before: { email: user.email, disabled: true },
      after: { email: user.email, disabled: false },
    });
    return summary(updated);
  });
}

/**
 * Gives the user a new password (generated unless given), shown once, and ends their sessions. The password
 * is never logged; the log row says it was reset and by whom.
 */
export async function resetUserPassword(
  actorId: ActorId,
  userId: string,
  given?: string,
): Promise<PasswordReset> {
  const password = given ?? generatePassword();
  const hash = await hashNewPassword(password);
  return withAccount(userId, async (tx, user) => {
    const sessionsRevoked = await replaceCredential(tx, userId, hash);
    await appendLog(tx, {
      actorId,
      action: "USER_PASSWORD_RESET",
      targetType: "USER",
      targetId: userId,
      after: { email: user.email, sessionsRevoked },
    });
    return { user: summary(user), password };
  });
}

/** Signs the user out everywhere (a lost laptop), logged. */
export async function revokeUserSessions(actorId: ActorId, userId: string): Promise<number> {
  return withAccount(userId, async (tx, user) => {
    const sessionsRevoked = await revokeSessions(tx, userId);
    await appendLog(tx, {
      actorId,
      action: "USER_SESSIONS_REVOKED",
      targetType: "USER",
      targetId: userId,
      after: { email: user.email, sessionsRevoked },
    });
    return sessionsRevoked;
  });
}
