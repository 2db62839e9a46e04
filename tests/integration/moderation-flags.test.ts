import { beforeAll, describe, expect, test } from "vitest";
import { POST as dismissPOST } from "@/app/api/flags/[flagId]/dismiss/route";
import { POST as resolvePOST } from "@/app/api/flags/[flagId]/resolve/route";
import { GET as flagsGET } from "@/app/api/flags/route";
import { POST as flagPostPOST } from "@/app/api/posts/[postId]/flags/route";
import type { OpenPostFlagList } from "@/lib/schemas/post-flags";
import { listOpenPostFlags } from "@/lib/server/flags";
import { resetDatabase, useTestDatabase } from "../support/database";
import { apiRequest, routeContext, signedIn, type TestSession } from "../support/sessions";
import { makePublication } from "./moderation-fixtures";

const { db, sql } = useTestDatabase();
let moderator: TestSession;
let author: TestSession;
let viewer: TestSession;
let postId: number;

beforeAll(async () => {
  await resetDatabase(sql);
  [moderator, author, viewer] = await Promise.all([
    signedIn("MODERATOR"),
    signedIn("AUTHOR"),
    signedIn("VIEWER"),
  ]);
  postId = (await makePublication(db)).post.id;
});

async function flagThePost(reason: string, note: string): Promise<number> {
  const response = await flagPostPOST(
    apiRequest(`/api/posts/${postId}/flags`, { method: "POST", session: moderator, body: { reason, note } }),
    routeContext({ postId: String(postId) }),
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { id: number }).id;
}

describe("flags on posts", () => {
  test("a moderator flags a post with a reason and a note; it is logged and listed for everyone", async () => {
    const flagId = await flagThePost("BRIGADING_SUSPECTED", "twenty new accounts in an hour");
    const flag = await db.flag.findUniqueOrThrow({ where: { id: flagId } });
    expect(flag).toMatchObject({
      postId,
      commentId: null,
      postReason: "BRIGADING_SUSPECTED",
      status: "OPEN",
      raisedById: moderator.userId,
    });
    const log = await db.moderationAction.findMany({ where: { action: "POST_FLAGGED" } });
    expect(log).toEqual([
      expect.objectContaining({
        actorId: moderator.userId,
        targetType: "POST",
        targetId: String(postId),
        postId,
        note: "twenty new accounts in an hour",
      }),
    ]);
    const response = await flagsGET(apiRequest("/api/flags", { session: viewer }), routeContext());
    const body = (await response.json()) as OpenPostFlagList;
    expect(body.flags.map((f) => [f.id, f.reason, f.post.id])).toEqual([
      [flagId, "BRIGADING_SUSPECTED", postId],
    ]);
  });

  test("a comment reason is not a post reason, and a note is required", async () => {
    for (const body of [
      { reason: "SPAM", note: "x" },
      { reason: "HEATED_THREAD", note: " " },
    ]) {
      const response = await flagPostPOST(
        apiRequest(`/api/posts/${postId}/flags`, { method: "POST", session: moderator, body }),
        routeContext({ postId: String(postId) }),
      );
      expect(response.status).toBe(400);
    }
  });

  test("the author resolves one flag and dismisses another, each with a note; closed flags leave the list", async () => {
    const toResolve = await flagThePost("HEATED_THREAD", "tempers rising");
    const toDismiss = await flagThePost("OFF_TOPIC_DRIFT", "now about football");
    const resolved = await resolvePOST(
      apiRequest(`/api/flags/${toResolve}/resolve`, {
        method: "POST",
        session: author,
        body: { note: "pinned a reminder" },
      }),
      routeContext({ flagId: String(toResolve) }),
    );
    expect(resolved.status).toBe(200);
    const dismissed = await dismissPOST(
      apiRequest(`/api/flags/${toDismiss}/dismiss`, {
        method: "POST",
        session: author,
        body: { note: "fine by me" },
      }),
      routeContext({ flagId: String(toDismiss) }),
    );
    expect(dismissed.status).toBe(200);
    expect(await db.flag.findUniqueOrThrow({ where: { id: toResolve } })).toMatchObject({
      status: "RESOLVED",
      resolvedById: author.userId,
      resolutionNote: "pinned a reminder",
    });
    expect(await db.flag.findUniqueOrThrow({ where: { id: toDismiss } })).toMatchObject({
      status: "DISMISSED",
      resolutionNote: "fine by me",
    });
    const rows = await db.moderationAction.findMany({
      where: { action: { in: ["FLAG_RESOLVED", "FLAG_DISMISSED"] } },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => [r.action, r.targetType, r.note, r.before, r.after])).toEqual([
      [
        "FLAG_RESOLVED",
        "POST",
        "pinned a reminder",
        { flagId: toResolve, status: "OPEN" },
        { flagId: toResolve, status: "RESOLVED" },
      ],
      [
        "FLAG_DISMISSED",
        "POST",
        "fine by me",
        { flagId: toDismiss, status: "OPEN" },
        { flagId: toDismiss, status: "DISMISSED" },
      ],
    ]);
    const open = (await listOpenPostFlags()).map((f) => f.id);
    expect(open).not.toContain(toResolve);
    expect(open).not.toContain(toDismiss);
  });

  test("closing a closed flag answers 409; a moderator may not close flags", async () => {
    const flagId = await flagThePost("OTHER", "just a look");
    const asModerator = await resolvePOST(
      apiRequest(`/api/flags/${flagId}/resolve`, { method: "POST", session: moderator, body: {} }),
      routeContext({ flagId: String(flagId) }),
    );
    expect(asModerator.status).toBe(403);
    const first = await dismissPOST(
      apiRequest(`/api/flags/${flagId}/dismiss`, { method: "POST", session: author, body: {} }),
      routeContext({ flagId: String(flagId) }),
    );
    expect(first.status).toBe(200);
    const again = await resolvePOST(
      apiRequest(`/api/flags/${flagId}/resolve`, { method: "POST", session: author, body: {} }),
      routeContext({ flagId: String(flagId) }),
    );
    expect(again.status).toBe(409);
  });

  test("flagging a post that does not exist answers 404", async () => {
    const response = await flagPostPOST(
      apiRequest("/api/posts/999999/flags", {
        method: "POST",
        session: moderator,
        body: { reason: "OTHER", note: "x" },
      }),
      routeContext({ postId: "999999" }),
    );
    expect(response.status).toBe(404);
  });
});
