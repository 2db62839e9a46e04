import { beforeEach, describe, expect, test } from "vitest";
import { GET as postsGET } from "@/app/api/posts/route";
import { POST as disablePOST } from "@/app/api/users/[userId]/disable/route";
import { POST as enablePOST } from "@/app/api/users/[userId]/enable/route";
import { POST as passwordPOST } from "@/app/api/users/[userId]/password/route";
import { PATCH as rolePATCH } from "@/app/api/users/[userId]/route";
import { DELETE as sessionsDELETE } from "@/app/api/users/[userId]/sessions/route";
import type { PasswordReset } from "@/lib/schemas/users";
import { auth } from "@/lib/server/auth/auth";
import { disableUser } from "@/lib/server/users";
import { resetDatabase, useTestDatabase } from "../support/database";
import { apiRequest, routeContext, signedIn, type TestSession } from "../support/sessions";

const { db, sql } = useTestDatabase();
const PASSWORD = "correct horse battery staple";
let author: TestSession;
let moderator: TestSession;

beforeEach(async () => {
  await resetDatabase(sql);
  author = await signedIn("AUTHOR");
  moderator = await signedIn("MODERATOR");
});

function act(handler: typeof disablePOST, path: string, userId: string, method = "POST") {
  return handler(
    apiRequest(path, { method, session: author, ...(method === "POST" ? { body: {} } : {}) }),
    routeContext({ userId }),
  );
}

/** What the moderator's existing session can still read. */
async function readsWithOldSession(): Promise<number> {
  return (await postsGET(apiRequest("/api/posts", { session: moderator }), routeContext())).status;
}

async function signInStatus(email: string, password: string): Promise<number> {
  return (await auth().api.signInEmail({ body: { email, password }, asResponse: true })).status;
}

async function emailOf(userId: string): Promise<string> {
  return (await db.user.findUniqueOrThrow({ where: { id: userId } })).email;
}

describe("off-boarding", () => {
  test("a demoted moderator's session ends at once (no export or reading under the old session)", async () => {
    expect(await readsWithOldSession()).toBe(200);
    const response = await rolePATCH(
      apiRequest(`/api/users/${moderator.userId}`, {
        method: "PATCH",
        session: author,
        body: { role: "VIEWER" },
      }),
      routeContext({ userId: moderator.userId }),
    );
    expect(response.status).toBe(200);
    expect(await readsWithOldSession()).toBe(401);
  });

  test("a disabled account loses its sessions and cannot sign in until enabled again; both are logged", async () => {
    const email = await emailOf(moderator.userId);
    expect((await act(disablePOST, `/api/users/${moderator.userId}/disable`, moderator.userId)).status).toBe(
      200,
    );
    expect(await readsWithOldSession()).toBe(401);
    expect(await signInStatus(email, PASSWORD)).toBe(403);
    expect((await act(enablePOST, `/api/users/${moderator.userId}/enable`, moderator.userId)).status).toBe(
      200,
    );
    expect(await signInStatus(email, PASSWORD)).toBe(200);
    const log = await db.moderationAction.findMany({
      where: { targetId: moderator.userId, action: { in: ["USER_DISABLED", "USER_ENABLED"] } },
      orderBy: { id: "asc" },
    });
    expect(log.map((r) => [r.action, r.actorId, r.actorName !== null])).toEqual([
      ["USER_DISABLED", author.userId, true],
      ["USER_ENABLED", author.userId, true],
    ]);
    expect(log[0]?.after).toMatchObject({ disabled: true, sessionsRevoked: 1 });
  });

  test("nobody disables themselves, and the last active author stays", async () => {
    expect((await act(disablePOST, `/api/users/${author.userId}/disable`, author.userId)).status).toBe(409);
    const second = await signedIn("AUTHOR");
    expect((await act(disablePOST, `/api/users/${second.userId}/disable`, second.userId)).status).toBe(200);
    await expect(disableUser(null, author.userId)).rejects.toMatchObject({
      kind: "conflict",
      code: "last_author",
    });
  });

  test("the author resets a password: shown once, the old one and the old sessions stop working, nothing logged in clear", async () => {
    const email = await emailOf(moderator.userId);
    const response = await act(passwordPOST, `/api/users/${moderator.userId}/password`, moderator.userId);
    expect(response.status).toBe(200);
    const reset = (await response.json()) as PasswordReset;
    expect(reset.password).toMatch(/^[A-Za-z0-9_-]{20}$/u);
    expect(await readsWithOldSession()).toBe(401);
    expect(await signInStatus(email, PASSWORD)).toBe(401);
    expect(await signInStatus(email, reset.password)).toBe(200);
    const rows =
      await sql`SELECT row_to_json(m)::text AS t FROM moderation_action m WHERE action = 'USER_PASSWORD_RESET'`;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.t).not.toContain(reset.password);
  });

  test("the author signs a user out everywhere", async () => {
    const response = await act(
      sessionsDELETE,
      `/api/users/${moderator.userId}/sessions`,
      moderator.userId,
      "DELETE",
    );
    expect(await response.json()).toEqual({ sessionsRevoked: 1 });
    expect(await readsWithOldSession()).toBe(401);
  });
});
