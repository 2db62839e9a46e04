import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/client";

export const ROLES = ["AUTHOR", "MODERATOR", "VIEWER"] as const satisfies readonly Role[];

/** A password for a new account when none is given: 20 URL-safe characters (120 bits). */
export function generatePassword(): string {
  return randomBytes(15).toString("base64url");
}

/**
 * Creates a user with an email/password account the way Better Auth's own sign-up does (credential account,
 * scrypt hash), and logs it. Throws when the email is taken.
 */
export async function createUser(
  client: Db,
  input: { email: string; name?: string; role: Role; password: string },
  actorId: string | null = null,
): Promise<{ id: string; email: string; role: Role }> {
  const email = input.email.trim().toLowerCase();
  const existing = await client.user.findUnique({ where: { email } });
  if (existing) throw new UserExistsError(`a user with the email ${email} already exists`);
  const id = randomUUID();
  const hash = await hashPassword(input.password);
  await client.$transaction([
    client.user.create({
      data: {
        id,
        email,
        name: input.name ?? email.split("@")[0] ?? email,
        role: input.role,
        emailVerified: true,
      },
    }),
    client.account.create({
      data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash },
    }),
    client.moderationAction.create({
      data: {
        actorId,
        action: "USER_CREATED",
        targetType: "USER",
        targetId: id,
        after: { email, role: input.role },
      },
    }),
  ]);
  return { id, email, role: input.role };
}

export class UserExistsError extends Error {}

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
