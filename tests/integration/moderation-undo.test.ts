import { beforeEach, describe, expect, test } from "vitest";
import { POST as approvePOST } from "@/app/api/comments/[commentId]/approve/route";
import { POST as flagPOST } from "@/app/api/comments/[commentId]/flag/route";
import { POST as notePOST } from "@/app/api/comments/[commentId]/notes/route";
import { POST as rejectPOST } from "@/app/api/comments/[commentId]/reject/route";
import { POST as bulkPOST } from "@/app/api/moderation/bulk/route";
import { POST as undoPOST } from "@/app/api/moderation/undo/route";
import type { BulkActionResult, CommentActionResult, UndoResult } from "@/lib/schemas/moderation-queue";
import { UNDO_WINDOW_MS } from "@/lib/server/moderation/undo-decisions";
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

const post = (path: string, body: unknown, session: TestSession = moderator) =>
  apiRequest(path, { method: "POST", session, body });

async function decide(
  handler: typeof approvePOST,
  verb: string,
  commentId: number,
  body: unknown = {},
): Promise<CommentActionResult> {
  const response = await handler(
    post(`/api/comments/${commentId}/${verb}`, body),
    routeContext({ commentId: String(commentId) }),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as CommentActionResult;
}

function undo(decisionIds: string[], session: TestSession = moderator) {
  return undoPOST(post("/api/moderation/undo", { decisionIds }, session), routeContext());
}

const statusOf = async (id: number) => (await db.comment.findUniqueOrThrow({ where: { id } })).status;
const undoRows = () =>
  db.moderationAction.findMany({ where: { action: "DECISION_UNDONE" }, orderBy: { id: "asc" } });

describe("undo a queue decision", () => {
  test("approval: the comment is held again, the flags it resolved reopen, and the undo is its own log row", async () => {
    const c = await makeComment(db, fixture, { status: "SYSTEM_WITHHELD" });
    const systemFlag = await db.flag.create({
      data: { commentId: c.id, ruleReason: "THREAT", rule: "threat" },
    });
    // A flag closed before the approval stays closed: the undo reopens only what the approval resolved.
    const earlier = await db.flag.create({
      data: { commentId: c.id, commentReason: "OTHER", status: "DISMISSED", resolutionNote: "earlier" },
    });
    const approved = await decide(approvePOST, "approve", c.id);
    expect(await statusOf(c.id)).toBe("APPROVED");
    const rowsBefore = await db.moderationAction.findMany({ orderBy: { id: "asc" } });

    const response = await undo([approved.decisionId]);
    expect(response.status).toBe(200);
    expect((await response.json()) as UndoResult).toEqual({
      results: [{ commentId: c.id, status: "SYSTEM_WITHHELD" }],
    });
    expect(await statusOf(c.id)).toBe("SYSTEM_WITHHELD");
    const flags = await db.flag.findMany({ where: { commentId: c.id }, orderBy: { id: "asc" } });
    expect(flags.map((f) => [f.id, f.status, f.resolvedById, f.resolvedAt])).toEqual([
      [systemFlag.id, "OPEN", null, null],
      [earlier.id, "DISMISSED", null, null],
    ]);
    // The decision's rows are untouched; one new row records the undo and points at the decision.
    const rowsAfter = await db.moderationAction.findMany({ orderBy: { id: "asc" } });
    expect(rowsAfter.slice(0, rowsBefore.length)).toEqual(rowsBefore);
    const [row] = await undoRows();
    expect(rowsAfter.length).toBe(rowsBefore.length + 1);
    expect(row).toMatchObject({
      actorId: moderator.userId,
      targetType: "COMMENT",
      targetId: String(c.id),
      commentId: c.id,
      postId: fixture.postId,
      publicationId: fixture.publicationId,
      undoesId: BigInt(approved.decisionId),
      note: "approval undone",
      before: { status: "APPROVED" },
      after: { status: "SYSTEM_WITHHELD", reopenedFlagIds: [systemFlag.id] },
    });
  });

  test("a bulk rejection is undone comment by comment, each with its own row", async () => {
    const a = await makeComment(db, fixture);
    const b = await makeComment(db, fixture, { status: "APPROVED" });
    const response = await bulkPOST(
      post("/api/moderation/bulk", { action: "reject", commentIds: [a.id, b.id], reason: "SPAM" }),
      routeContext(),
    );
    const { results } = (await response.json()) as BulkActionResult;
    expect(new Set(results.map((r) => r.decisionId)).size).toBe(2);
    expect((await undo(results.map((r) => r.decisionId))).status).toBe(200);
    expect([await statusOf(a.id), await statusOf(b.id)]).toEqual(["NONE", "APPROVED"]);
    const rows = await undoRows();
    expect(rows.map((r) => [r.commentId, r.commentReason, r.note]).sort()).toEqual(
      [
        [a.id, "SPAM", "rejection undone"],
        [b.id, "SPAM", "rejection undone"],
      ].sort(),
    );
  });

  test("a flag is withdrawn and a note deleted", async () => {
    const c = await makeComment(db, fixture);
    const flagged = await decide(flagPOST, "flag", c.id, { note: "look at this", reason: "HARASSMENT" });
    const noted = await decide(notePOST, "notes", c.id, { body: "known regular" });
    expect(await db.moderatorNote.count({ where: { commentId: c.id } })).toBe(1);

    expect((await undo([flagged.decisionId, noted.decisionId])).status).toBe(200);
    const [flag] = await db.flag.findMany({ where: { commentId: c.id } });
    expect(flag).toMatchObject({
      status: "DISMISSED",
      resolvedById: moderator.userId,
      resolutionNote: "flag withdrawn (undo)",
    });
    expect(await db.moderatorNote.count({ where: { commentId: c.id } })).toBe(0);
    expect((await undoRows()).map((r) => r.note).sort()).toEqual([
      "flag withdrawn",
      "note deleted: known regular",
    ]);
  });

  test("two undos of one decision: the second is refused, even when both race", async () => {
    const c = await makeComment(db, fixture, { status: "SYSTEM_WITHHELD" });
    const approved = await decide(approvePOST, "approve", c.id);
    const answers = await Promise.all([undo([approved.decisionId]), undo([approved.decisionId])]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await undo([approved.decisionId])).status).toBe(409);
    expect(await undoRows()).toHaveLength(1);
    expect(await statusOf(c.id)).toBe("SYSTEM_WITHHELD");
  });

  test("only the person who decided may undo it", async () => {
    const c = await makeComment(db, fixture, { status: "SYSTEM_WITHHELD" });
    const approved = await decide(approvePOST, "approve", c.id);
    const other = await signedIn("AUTHOR");
    const response = await undo([approved.decisionId], other);
    expect(response.status).toBe(403);
    expect(await statusOf(c.id)).toBe("APPROVED");
    expect(await undoRows()).toHaveLength(0);
  });

  test("a decision overtaken by a later one is not undone (all or nothing)", async () => {
    const a = await makeComment(db, fixture, { status: "SYSTEM_WITHHELD" });
    const b = await makeComment(db, fixture, { status: "SYSTEM_WITHHELD" });
    const approvedA = await decide(approvePOST, "approve", a.id);
    const approvedB = await decide(approvePOST, "approve", b.id);
    const colleague = await signedIn("MODERATOR");
    const later = await rejectPOST(
      post(`/api/comments/${b.id}/reject`, { reason: "SPAM" }, colleague),
      routeContext({ commentId: String(b.id) }),
    );
    expect(later.status).toBe(200);
    const response = await undo([approvedA.decisionId, approvedB.decisionId]);
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      "now rejected",
    );
    expect([await statusOf(a.id), await statusOf(b.id)]).toEqual(["APPROVED", "REJECTED"]);
    expect(await undoRows()).toHaveLength(0);
  });

  test("too old, not a queue decision, or unknown: refused", async () => {
    const c = await makeComment(db, fixture, { status: "APPROVED" });
    const target = {
      targetType: "COMMENT" as const,
      targetId: String(c.id),
      commentId: c.id,
      postId: fixture.postId,
      publicationId: fixture.publicationId,
    };
    const old = await db.moderationAction.create({
      data: {
        ...target,
        actorId: moderator.userId,
        action: "COMMENT_APPROVED",
        before: { status: "NONE" },
        after: { status: "APPROVED", resolvedFlagIds: [] },
        createdAt: new Date(Date.now() - UNDO_WINDOW_MS - 60_000),
      },
    });
    const rerun = await db.moderationAction.create({
      data: { ...target, actorId: moderator.userId, action: "COMMENT_WITHHELD" },
    });
    expect((await undo([String(old.id)])).status).toBe(409);
    expect((await undo([String(rerun.id)])).status).toBe(409);
    expect((await undo(["999999"])).status).toBe(404);
    const bad = await undoPOST(post("/api/moderation/undo", { decisionIds: ["1; drop"] }), routeContext());
    expect(bad.status).toBe(400);
    expect(await statusOf(c.id)).toBe("APPROVED");
    expect(await undoRows()).toHaveLength(0);
  });

  test("a viewer may not undo", async () => {
    const c = await makeComment(db, fixture, { status: "SYSTEM_WITHHELD" });
    const approved = await decide(approvePOST, "approve", c.id);
    expect((await undo([approved.decisionId], await signedIn("VIEWER"))).status).toBe(403);
    expect(await statusOf(c.id)).toBe("APPROVED");
  });
});
