import { beforeEach, describe, expect, test } from "vitest";
import { POST as authPOST } from "@/app/api/auth/[...all]/route";
import { GET as drawerGET } from "@/app/api/moderation/commenters/[commenterId]/route";
import { GET as logGET } from "@/app/api/moderation/log/route";
import type { LogPage } from "@/lib/schemas/moderation-log";
import type { CommenterDrawer } from "@/lib/schemas/moderation-queue";
import { resetDatabase, useTestDatabase } from "../support/database";
import { apiRequest, routeContext, signedIn, TEST_ORIGIN, type TestSession } from "../support/sessions";
import { makeCommenter, makePublication } from "./moderation-fixtures";

const { db, sql } = useTestDatabase();
let moderator: TestSession;
let author: TestSession;

beforeEach(async () => {
  await resetDatabase(sql);
  moderator = await signedIn("MODERATOR");
  author = await signedIn("AUTHOR");
  await db.user.update({ where: { id: moderator.userId }, data: { name: "Mo Derator" } });
  await db.user.update({ where: { id: author.userId }, data: { name: "Eleanor Voss" } });
});

describe("the log names who acted as they were when they acted", () => {
  test("a later rename does not change the log, the CSV's source or the drawer", async () => {
    const { publication } = await makePublication(db);
    const commenter = await makeCommenter(db, publication.id, "dana");
    await db.moderationAction.create({
      data: {
        actorId: moderator.userId,
        action: "COMMENTER_STATUS_CHANGED",
        targetType: "COMMENTER",
        targetId: String(commenter.id),
        commenterId: commenter.id,
      },
    });
    await db.user.update({ where: { id: moderator.userId }, data: { name: "Eleanor Voss", role: "VIEWER" } });

    const log = (await (
      await logGET(
        apiRequest("/api/moderation/log?action=COMMENTER_STATUS_CHANGED", { session: author }),
        routeContext(),
      )
    ).json()) as LogPage;
    expect(log.rows[0]).toMatchObject({ actorName: "Mo Derator", actorRole: "MODERATOR" });
    expect(log.rows[0]?.actorEmail).toMatch(/^moderator-/);

    const drawer = (await (
      await drawerGET(
        apiRequest(`/api/moderation/commenters/${commenter.id}`, { session: author }),
        routeContext({ commenterId: String(commenter.id) }),
      )
    ).json()) as CommenterDrawer;
    expect(drawer.decisions[0]?.actor).toBe("Mo Derator");
  });

  test("the database fills the actor in itself: a forged name is overwritten", async () => {
    const row = await db.moderationAction.create({
      data: {
        actorId: moderator.userId,
        actorName: "Eleanor Voss",
        actorRole: "AUTHOR",
        action: "NOTE_ADDED",
        targetType: "COMMENT",
        targetId: "1",
      },
    });
    expect(row).toMatchObject({ actorName: "Mo Derator", actorRole: "MODERATOR" });
    const system = await db.moderationAction.create({
      data: { actorName: "Eleanor Voss", action: "NOTE_ADDED", targetType: "COMMENT", targetId: "1" },
    });
    expect(system.actorName).toBeNull();
  });
});

describe("people cannot rename themselves", () => {
  test.each([
    ["/api/auth/update-user", { name: "Eleanor Voss" }],
    ["/api/auth/change-email", { newEmail: "author@example.org" }],
    ["/api/auth/delete-user", {}],
  ])("POST %s answers 404 and changes nothing", async (path, body) => {
    const response = await authPOST(
      new Request(`${TEST_ORIGIN}${path}`, {
        method: "POST",
        headers: { ...moderator.headers, "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
    );
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "no such endpoint" } });
    const user = await db.user.findUniqueOrThrow({ where: { id: moderator.userId } });
    expect(user.name).toBe("Mo Derator");
  });

  test("sign-in, session and sign-out still work over HTTP", async () => {
    const session = await authPOST(
      new Request(`${TEST_ORIGIN}/api/auth/sign-out`, { method: "POST", headers: { ...moderator.headers } }),
    );
    expect(session.status).toBe(200);
  });
});
