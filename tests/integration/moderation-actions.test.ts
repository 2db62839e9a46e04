import { beforeEach, describe, expect, test } from "vitest";
import { POST as commenterNotePOST } from "@/app/api/commenters/[commenterId]/notes/route";
import { POST as statusPOST } from "@/app/api/commenters/[commenterId]/status/route";
import { POST as approvePOST } from "@/app/api/comments/[commentId]/approve/route";
import { POST as flagPOST } from "@/app/api/comments/[commentId]/flag/route";
import { POST as notePOST } from "@/app/api/comments/[commentId]/notes/route";
import { POST as rejectPOST } from "@/app/api/comments/[commentId]/reject/route";
import { POST as bulkPOST } from "@/app/api/moderation/bulk/route";
import { GET as drawerGET } from "@/app/api/moderation/commenters/[commenterId]/route";
import type { CommenterDrawer } from "@/lib/schemas/moderation-queue";
import { resetDatabase, useTestDatabase } from "../support/database";
import { apiRequest, routeContext, signedIn, type TestSession } from "../support/sessions";
import { makeComment, makeCommenter, makePublication } from "./moderation-fixtures";

const { db, sql } = useTestDatabase();
let moderator: TestSession;
let fixture: { publicationId: number; postId: number; commenterId: number };

beforeEach(async () => {
  await resetDatabase(sql);
  moderator = await signedIn("MODERATOR");
  const { publication, post } = await makePublication(db);
  const commenter = await makeCommenter(db, publication.id, "dana");
  fixture = { publicationId: publication.id, postId: post.id, commenterId: commenter.id };
});

function post(path: string, body: unknown, session: TestSession = moderator) {
  return apiRequest(path, { method: "POST", session, body });
}

/** Log rows other than the USER_CREATED rows of the test accounts. */
function moderationRows() {
  return db.moderationAction.count({ where: { targetType: { not: "USER" } } });
}

async function logOf(commentId: number) {
  return db.moderationAction.findMany({ where: { commentId }, orderBy: { id: "asc" } });
}

describe("single-comment actions", () => {
  test("approve: status APPROVED, open flags resolved, one decision row and one FLAG_RESOLVED row per flag", async () => {
    const c = await makeComment(db, fixture, { status: "SYSTEM_WITHHELD" });
    await db.flag.create({ data: { commentId: c.id, ruleReason: "SUSPECT_WORD", rule: "suspect-words" } });
    await db.flag.create({
      data: { commentId: c.id, commentReason: "OTHER", raisedById: moderator.userId, note: "look" },
    });
    const response = await approvePOST(
      post(`/api/comments/${c.id}/approve`, {}),
      routeContext({ commentId: String(c.id) }),
    );
    expect(response.status).toBe(200);
    const answer = await response.json();
    expect((await db.comment.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("APPROVED");
    const flags = await db.flag.findMany({ where: { commentId: c.id } });
    expect(flags.map((f) => [f.status, f.resolvedById])).toEqual([
      ["RESOLVED", moderator.userId],
      ["RESOLVED", moderator.userId],
    ]);
    const log = await logOf(c.id);
    expect(log.map((r) => r.action).sort()).toEqual(["COMMENT_APPROVED", "FLAG_RESOLVED", "FLAG_RESOLVED"]);
    const decision = log.find((r) => r.action === "COMMENT_APPROVED");
    // The answer names the decision's log row: what an undo takes back.
    expect(answer).toEqual({
      commentId: c.id,
      status: "APPROVED",
      flagsResolved: 2,
      decisionId: String(decision?.id),
    });
    expect(decision).toMatchObject({
      actorId: moderator.userId,
      targetType: "COMMENT",
      targetId: String(c.id),
      postId: fixture.postId,
      commenterId: fixture.commenterId,
      publicationId: fixture.publicationId,
      before: { status: "SYSTEM_WITHHELD" },
      after: { status: "APPROVED" },
    });
  });

  test("reject: reason code and free text recorded", async () => {
    const c = await makeComment(db, fixture);
    const response = await rejectPOST(
      post(`/api/comments/${c.id}/reject`, { reason: "HARASSMENT", note: "targets another reader" }),
      routeContext({ commentId: String(c.id) }),
    );
    expect(response.status).toBe(200);
    expect((await db.comment.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("REJECTED");
    const [row] = await logOf(c.id);
    expect(row).toMatchObject({
      action: "COMMENT_REJECTED",
      commentReason: "HARASSMENT",
      note: "targets another reader",
      before: { status: "NONE" },
      after: { status: "REJECTED" },
    });
  });

  test("reject refuses an unknown reason code and an unknown field", async () => {
    const c = await makeComment(db, fixture);
    const ctx = routeContext({ commentId: String(c.id) });
    expect((await rejectPOST(post(`/api/comments/${c.id}/reject`, { reason: "RUDE" }), ctx)).status).toBe(
      400,
    );
    expect(
      (
        await rejectPOST(
          post(`/api/comments/${c.id}/reject`, { reason: "SPAM", extra: 1 }),
          routeContext({ commentId: String(c.id) }),
        )
      ).status,
    ).toBe(400);
    expect(await logOf(c.id)).toEqual([]);
  });

  test("flag: a person's OPEN flag with the note, the status unchanged", async () => {
    const c = await makeComment(db, fixture);
    const response = await flagPOST(
      post(`/api/comments/${c.id}/flag`, { note: "check the sources" }),
      routeContext({ commentId: String(c.id) }),
    );
    expect(response.status).toBe(200);
    const flags = await db.flag.findMany({ where: { commentId: c.id } });
    expect(flags).toEqual([
      expect.objectContaining({
        status: "OPEN",
        commentReason: "OTHER",
        note: "check the sources",
        raisedById: moderator.userId,
      }),
    ]);
    expect((await db.comment.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("NONE");
    expect((await logOf(c.id)).map((r) => [r.action, r.note])).toEqual([
      ["COMMENT_FLAGGED", "check the sources"],
    ]);
  });

  test("note: stored on the comment and logged", async () => {
    const c = await makeComment(db, fixture);
    const response = await notePOST(
      post(`/api/comments/${c.id}/notes`, { body: "regular, usually fine" }),
      routeContext({ commentId: String(c.id) }),
    );
    expect(response.status).toBe(200);
    expect(await db.moderatorNote.findMany({ where: { commentId: c.id } })).toEqual([
      expect.objectContaining({ body: "regular, usually fine", authorId: moderator.userId }),
    ]);
    expect((await logOf(c.id)).map((r) => r.action)).toEqual(["NOTE_ADDED"]);
  });

  test("a missing or deleted comment answers 404 and writes nothing", async () => {
    const deleted = await makeComment(db, fixture, { body: null });
    for (const id of [deleted.id, 999_999]) {
      const response = await approvePOST(
        post(`/api/comments/${id}/approve`, {}),
        routeContext({ commentId: String(id) }),
      );
      expect(response.status).toBe(404);
    }
    expect(await moderationRows()).toBe(0);
  });
});

describe("bulk actions", () => {
  test("approve a selection: all change in one go, one row each", async () => {
    const a = await makeComment(db, fixture, { status: "SYSTEM_WITHHELD" });
    const b = await makeComment(db, fixture, { status: "SYSTEM_WITHHELD" });
    const response = await bulkPOST(
      post("/api/moderation/bulk", { action: "approve", commentIds: [a.id, b.id] }),
      routeContext(),
    );
    expect(response.status).toBe(200);
    const statuses = await db.comment.findMany({
      where: { id: { in: [a.id, b.id] } },
      select: { status: true },
    });
    expect(statuses.map((s) => s.status)).toEqual(["APPROVED", "APPROVED"]);
    expect(await db.moderationAction.count({ where: { action: "COMMENT_APPROVED" } })).toBe(2);
  });

  test("flag a selection with a reason: each comment gets an open flag with that reason and note", async () => {
    const a = await makeComment(db, fixture, { status: "NONE" });
    const b = await makeComment(db, fixture, { status: "NONE" });
    const response = await bulkPOST(
      post("/api/moderation/bulk", {
        action: "flag",
        reason: "HARASSMENT",
        note: "pile-on against one reader",
        commentIds: [a.id, b.id],
      }),
      routeContext(),
    );
    expect(response.status).toBe(200);
    const flags = await db.flag.findMany({
      where: { commentId: { in: [a.id, b.id] } },
      select: { commentReason: true, note: true },
    });
    expect(flags).toEqual([
      { commentReason: "HARASSMENT", note: "pile-on against one reader" },
      { commentReason: "HARASSMENT", note: "pile-on against one reader" },
    ]);
  });

  test("all or nothing: one unknown id rejects the whole selection", async () => {
    const a = await makeComment(db, fixture);
    const response = await bulkPOST(
      post("/api/moderation/bulk", { action: "reject", reason: "SPAM", commentIds: [a.id, 999_999] }),
      routeContext(),
    );
    expect(response.status).toBe(404);
    expect((await db.comment.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("NONE");
    expect(await moderationRows()).toBe(0);
  });
});

describe("commenter status", () => {
  test("watch: status changed and logged with before and after", async () => {
    const response = await statusPOST(
      post(`/api/commenters/${fixture.commenterId}/status`, {
        status: "WATCHED",
        note: "two heated threads",
      }),
      routeContext({ commenterId: String(fixture.commenterId) }),
    );
    expect(response.status).toBe(200);
    expect((await db.commenter.findUniqueOrThrow({ where: { id: fixture.commenterId } })).status).toBe(
      "WATCHED",
    );
    const rows = await db.moderationAction.findMany({ where: { commenterId: fixture.commenterId } });
    expect(rows).toEqual([
      expect.objectContaining({
        action: "COMMENTER_STATUS_CHANGED",
        targetType: "COMMENTER",
        before: { status: "ACTIVE" },
        after: { status: "WATCHED", rejectAll: false },
        note: "two heated threads",
      }),
    ]);
  });

  test("ban with rejectAll rejects every comment of theirs not already rejected (and only theirs)", async () => {
    const other = await makeCommenter(db, fixture.publicationId, "eve");
    const mine = [
      await makeComment(db, fixture, { status: "APPROVED" }),
      await makeComment(db, fixture),
      await makeComment(db, fixture, { status: "SYSTEM_WITHHELD" }),
    ];
    const alreadyRejected = await makeComment(db, fixture, { status: "REJECTED" });
    const theirs = await makeComment(db, { ...fixture, commenterId: other.id });
    await db.flag.create({ data: { commentId: mine[2]?.id ?? 0, ruleReason: "THREAT", rule: "threat" } });
    const response = await statusPOST(
      post(`/api/commenters/${fixture.commenterId}/status`, { status: "BANNED", rejectAll: true }),
      routeContext({ commenterId: String(fixture.commenterId) }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      commenterId: fixture.commenterId,
      status: "BANNED",
      commentsRejected: 3,
    });
    for (const c of mine)
      expect((await db.comment.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("REJECTED");
    expect((await db.comment.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("NONE");
    expect(await db.moderationAction.count({ where: { action: "COMMENT_REJECTED" } })).toBe(3);
    expect(await db.moderationAction.count({ where: { commentId: alreadyRejected.id } })).toBe(0);
    expect(await db.moderationAction.count({ where: { action: "FLAG_RESOLVED" } })).toBe(1);
    expect(await db.flag.count({ where: { status: "OPEN" } })).toBe(0);
  });

  test("rejectAll without a ban is refused", async () => {
    const response = await statusPOST(
      post(`/api/commenters/${fixture.commenterId}/status`, { status: "WATCHED", rejectAll: true }),
      routeContext({ commenterId: String(fixture.commenterId) }),
    );
    expect(response.status).toBe(400);
    expect(await moderationRows()).toBe(0);
  });

  test("the drawer shows the commenter's comments, decisions and notes", async () => {
    const c = await makeComment(db, fixture);
    await rejectPOST(
      post(`/api/comments/${c.id}/reject`, { reason: "SPAM" }),
      routeContext({ commentId: String(c.id) }),
    );
    await commenterNotePOST(
      post(`/api/commenters/${fixture.commenterId}/notes`, { body: "sells supplements" }),
      routeContext({ commenterId: String(fixture.commenterId) }),
    );
    const response = await drawerGET(
      apiRequest(`/api/moderation/commenters/${fixture.commenterId}`, { session: moderator }),
      routeContext({ commenterId: String(fixture.commenterId) }),
    );
    const drawer = (await response.json()) as CommenterDrawer;
    expect(drawer.commenter.name).toBe("dana");
    expect(drawer.comments.map((x) => [x.id, x.status])).toEqual([[c.id, "REJECTED"]]);
    expect(drawer.decisions.map((d) => d.action).sort()).toEqual(["COMMENT_REJECTED", "NOTE_ADDED"]);
    expect(drawer.notes.map((n) => n.body)).toEqual(["sells supplements"]);
  });
});

describe("the log is append-only", () => {
  test("the database refuses UPDATE and DELETE of a log row (the app's role has no such right)", async () => {
    const c = await makeComment(db, fixture);
    await approvePOST(post(`/api/comments/${c.id}/approve`, {}), routeContext({ commentId: String(c.id) }));
    const [row] = await logOf(c.id);
    expect(row).toBeDefined();
    await expect(
      db.moderationAction.update({ where: { id: row?.id ?? 0n }, data: { note: "edited" } }),
    ).rejects.toThrow(/denied/u);
    await expect(db.moderationAction.delete({ where: { id: row?.id ?? 0n } })).rejects.toThrow(/denied/u);
    // Nor may the tables' owner: the trigger refuses.
    await expect(sql`DELETE FROM moderation_action`).rejects.toThrow(/append-only/u);
    expect(await moderationRows()).toBe(1);
  });

  test("a viewer may not act: 403 and nothing written", async () => {
    const viewer = await signedIn("VIEWER");
    const c = await makeComment(db, fixture);
    const response = await approvePOST(
      post(`/api/comments/${c.id}/approve`, {}, viewer),
      routeContext({ commentId: String(c.id) }),
    );
    expect(response.status).toBe(403);
    expect(await db.moderationAction.count({ where: { action: "COMMENT_APPROVED" } })).toBe(0);
  });
});
