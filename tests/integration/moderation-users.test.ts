import { beforeAll, describe, expect, test } from "vitest";
import { PATCH as rolePATCH } from "@/app/api/users/[userId]/route";
import { GET as usersGET, POST as usersPOST } from "@/app/api/users/route";
import type { AddedUser, UserList } from "@/lib/schemas/users";
import { auth } from "@/lib/server/auth/auth";
import { resetDatabase, useTestDatabase } from "../support/database";
import { apiRequest, routeContext, signedIn, type TestSession } from "../support/sessions";

const { db, sql } = useTestDatabase();
let author: TestSession;

beforeAll(async () => {
  await resetDatabase(sql);
  author = await signedIn("AUTHOR");
});

function addUser(body: unknown) {
  return usersPOST(apiRequest("/api/users", { method: "POST", session: author, body }), routeContext());
}

function changeRole(userId: string, role: string) {
  return rolePATCH(
    apiRequest(`/api/users/${userId}`, { method: "PATCH", session: author, body: { role } }),
    routeContext({ userId }),
  );
}

describe("users", () => {
  test("adding a user returns a generated password once, which signs in; USER_CREATED is logged with the actor", async () => {
    const response = await addUser({ email: "New.Mod@Example.org", role: "MODERATOR" });
    expect(response.status).toBe(200);
    const added = (await response.json()) as AddedUser;
    expect(added.user).toMatchObject({ email: "new.mod@example.org", role: "MODERATOR" });
    expect(added.password).toMatch(/^[A-Za-z0-9_-]{20}$/u);
    const signIn = await auth().api.signInEmail({
      body: { email: "new.mod@example.org", password: added.password },
      asResponse: true,
    });
    expect(signIn.status).toBe(200);
    const stored = await db.account.findFirstOrThrow({ where: { userId: added.user.id } });
    expect(stored.password).not.toContain(added.password);
    const log = await db.moderationAction.findFirstOrThrow({
      where: { action: "USER_CREATED", targetId: added.user.id },
    });
    expect(log).toMatchObject({
      actorId: author.userId,
      targetType: "USER",
      after: { email: "new.mod@example.org", role: "MODERATOR" },
    });
    const list = (await (
      await usersGET(apiRequest("/api/users", { session: author }), routeContext())
    ).json()) as UserList;
    expect(list.users.map((u) => u.email)).toContain("new.mod@example.org");
    expect(JSON.stringify(list)).not.toContain(added.password);
  });

  test("a taken email answers 409", async () => {
    await addUser({ email: "twice@example.org", role: "VIEWER" });
    expect((await addUser({ email: "TWICE@example.org", role: "VIEWER" })).status).toBe(409);
  });

  test("changing a role is logged with before and after, ends the user's sessions, and the next sign-in has it", async () => {
    const viewer = await signedIn("VIEWER");
    const response = await changeRole(viewer.userId, "MODERATOR");
    expect(response.status).toBe(200);
    const log = await db.moderationAction.findFirstOrThrow({
      where: { action: "USER_ROLE_CHANGED", targetId: viewer.userId },
    });
    expect(log).toMatchObject({
      actorId: author.userId,
      before: { role: "VIEWER" },
      after: { role: "MODERATOR", sessionsRevoked: 1 },
    });
    expect(await auth().api.getSession({ headers: new Headers(viewer.headers) })).toBeNull();
  });

  test("the last author cannot be demoted; with a second author it works", async () => {
    await db.user.updateMany({
      where: { role: "AUTHOR", id: { not: author.userId } },
      data: { role: "VIEWER" },
    });
    expect((await changeRole(author.userId, "VIEWER")).status).toBe(409);
    const second = await signedIn("AUTHOR");
    expect((await changeRole(second.userId, "MODERATOR")).status).toBe(200);
    expect(await db.user.count({ where: { role: "AUTHOR" } })).toBe(1);
  });

  test("an unknown user answers 404, an unknown role 400", async () => {
    expect((await changeRole("nobody", "VIEWER")).status).toBe(404);
    expect((await changeRole(author.userId, "ADMIN")).status).toBe(400);
  });
});
