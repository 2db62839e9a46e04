import "server-only";
import { db } from "@/lib/db/client";
import type { CommentReason } from "@/lib/moderation/reasons";
import type { BulkActionBody, BulkActionResult, CommentActionResult } from "@/lib/schemas/moderation-queue";
import type { Viewer } from "@/lib/server/permissions";
import { decideComments, flagComments, lockComments, noteComments } from "./comment-decisions";

type Actor = Pick<Viewer, "id">;

async function one(results: CommentActionResult[]): Promise<CommentActionResult> {
  const [result] = results;
  if (!result) throw new Error("a single-comment action returned no result");
  return result;
}

/** A person approves a comment: status APPROVED, its open flags resolved, logged. */
export async function approveComment(actor: Actor, commentId: number, input: { note?: string } = {}) {
  return db().$transaction(async (tx) =>
    one(
      await decideComments(
        tx,
        actor.id,
        await lockComments(tx, [commentId]),
        { status: "APPROVED" },
        input.note,
      ),
    ),
  );
}

/** A person rejects a comment with a reason code and optional free text: status REJECTED, flags resolved, logged. */
export async function rejectComment(
  actor: Actor,
  commentId: number,
  input: { reason: CommentReason; note?: string },
) {
  return db().$transaction(async (tx) =>
    one(
      await decideComments(
        tx,
        actor.id,
        await lockComments(tx, [commentId]),
        { status: "REJECTED", reason: input.reason },
        input.note,
      ),
    ),
  );
}

/** A person flags a comment for a later look (it then shows under "reported"), logged. */
export async function flagComment(
  actor: Actor,
  commentId: number,
  input: { note: string; reason: CommentReason },
) {
  return db().$transaction(async (tx) =>
    one(await flagComments(tx, actor.id, await lockComments(tx, [commentId]), input)),
  );
}

/** A moderator note on a comment, logged. */
export async function addModeratorNote(actor: Actor, commentId: number, body: string) {
  return db().$transaction(async (tx) =>
    one(await noteComments(tx, actor.id, await lockComments(tx, [commentId]), body)),
  );
}

/** One action over a selection of comments, all or nothing (one transaction). */
export async function applyBulkAction(actor: Actor, body: BulkActionBody): Promise<BulkActionResult> {
  return db().$transaction(async (tx) => {
    const comments = await lockComments(tx, body.commentIds);
    switch (body.action) {
      case "approve":
        return { results: await decideComments(tx, actor.id, comments, { status: "APPROVED" }) };
      case "reject":
        return {
          results: await decideComments(
            tx,
            actor.id,
            comments,
            { status: "REJECTED", reason: body.reason },
            body.note,
          ),
        };
      case "flag":
        return {
          results: await flagComments(tx, actor.id, comments, { reason: body.reason, note: body.note }),
        };
      case "note":
        return { results: await noteComments(tx, actor.id, comments, body.body) };
    }
  });
}
