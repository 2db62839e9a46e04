import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { type Db, db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/client";
import type { AddedUser, AddUserBody, PasswordReset, UserRole, UserSummary } from "@/lib/schemas/users";
import { appendLog, type Tx } from "@/lib/server/audit-log";
import { conflict, notFound } from "@/lib/server/domain-error";

/** A password for a new account when none is given: 20 URL-safe characters (120 bits). */
export function generatePassword(): string {
  return randomBytes(15).toString("base64url");
}

/**
 * Creates a user with an email/password account the way Better Auth's own sign-up does (credential account,
 * scrypt hash), and logs it. A taken email is a conflict.
 */
export async function createUser(
  client: Db,
  input: { email: string; name?: string; role: Role; password: string },
  actorId: string | null = null,
): Promise<{ id: string; email: string; role: Role }> {
  const email = input.email.trim().toLowerCase();
  const existing = await client.user.findUnique({ where: { email } });
  if (existing) throw conflict("conflict", `a user with the email ${email} already exists`);
  const id = randomUUID();
  const hash = await hashPassword(input.password);
  await client.$transaction(async (tx) => {
    await tx.user.create({
      data: {
        id,
        email,
        name: input.name ?? email.split("@")[0] ?? email,
        role: input.role,
        emailVerified: true,
      },
    });
    await tx.account.create({
      data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash },
    });
    await appendLog(tx, {
      actorId,
      action: "USER_CREATED",
      targetType: "USER",
      targetId: id,
      after: { email, role: input.role },
    });
  });
  return { id, email, role: input.role };
}

/** A password hashed as Better Auth hashes it (scrypt), for storing in the credential account. */
export function hashNewPassword(password: string): Promise<string> {
  return hashPassword(password);
}

/**
 * Replaces a user's email/password credential (creating it when they had none) and ends every session they
 * have: whoever held the old password, or a session opened with it, is signed out. Call it inside the
 * transaction of the change; it does not log (callers do). Returns how many sessions ended.
 */
export async function replaceCredential(
  tx: Pick<Db, "account" | "session">,
  userId: string,
  passwordHash: string,
): Promise<number> {
  const updated = await tx.account.updateMany({
    where: { userId, providerId: "credential" },
    data: { password: passwordHash },
  });
  if (updated.count === 0) {
    await tx.account.create({
      data: { id: randomUUID(), accountId: userId, providerId: "credential", userId, password: passwordHash },
    });
  }
  return (await tx.session.deleteMany({ where: { userId } })).count;
}

/** A new password for a user on its own transaction, unlogged: for the demo's start-up. */
export async function setPassword(client: Db, userId: string, password: string): Promise<void> {
  const hash = await hashNewPassword(password);
  await client.$transaction((tx) => replaceCredential(tx, userId, hash));
}

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
  const created = await createUser(
    db(),
    { email: input.email, name: input.name, role: input.role, password },
    actorId,
  );
  const user = await db().user.findUniqueOrThrow({ where: { id: created.id } });
  return { user: summary(user), password };
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
  if (authors <= 1) throw conflict("last_author", "the last active author cannot be demoted or disabled");
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
  if (actorId === userId) throw conflict("self", "you cannot disable your own account");
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
