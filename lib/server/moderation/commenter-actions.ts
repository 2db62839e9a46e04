import "server-only";
import { db } from "@/lib/db/client";
import type { CommenterStatus } from "@/lib/moderation/types";
import type { CommenterStatusBody } from "@/lib/schemas/moderation-queue";
import { appendLog, type Tx } from "@/lib/server/audit-log";
import { invalid, notFound } from "@/lib/server/domain-error";
import type { Viewer } from "@/lib/server/permissions";
import { decideComments, lockComments } from "./comment-decisions";

type Actor = Pick<Viewer, "id">;

async function lockCommenter(tx: Tx, commenterId: number) {
  const [row] = await tx.$queryRaw<{ id: number; status: CommenterStatus; publication_id: number }[]>`
    SELECT id, status::text AS status, publication_id FROM commenter WHERE id = ${commenterId} FOR UPDATE`;
  if (!row) throw notFound("commenter");
  return row;
}

/**
 * Watch, pre-moderate, suspend, ban or clear a commenter; logged with before and after. With `rejectAll` (ban
 * only) every comment of theirs not already rejected is rejected too, each with its own log row.
 */
export async function setCommenterStatus(
  actor: Actor,
  commenterId: number,
  input: CommenterStatusBody,
): Promise<{ commenterId: number; status: CommenterStatus; commentsRejected: number }> {
  if (input.rejectAll && input.status !== "BANNED") {
    throw invalid("bad_request", "only a ban can reject all of a commenter's comments");
  }
  return db().$transaction(async (tx) => {
    const commenter = await lockCommenter(tx, commenterId);
    await tx.commenter.update({ where: { id: commenterId }, data: { status: input.status } });
    await appendLog(tx, {
      actorId: actor.id,
      action: "COMMENTER_STATUS_CHANGED",
      targetType: "COMMENTER",
      targetId: String(commenterId),
      commenterId,
      publicationId: commenter.publication_id,
      note: input.note || null,
      before: { status: commenter.status },
      after: { status: input.status, rejectAll: input.rejectAll },
    });
    let commentsRejected = 0;
    if (input.rejectAll) {
      const open = await tx.comment.findMany({
        where: { commenterId, status: { not: "REJECTED" }, body: { not: null } },
        select: { id: true },
      });
      if (open.length > 0) {
        const locked = await lockComments(
          tx,
          open.map((c) => c.id),
        );
        const results = await decideComments(
          tx,
          actor.id,
          locked,
          { status: "REJECTED", reason: "OTHER" },
          input.note || "commenter banned: all comments rejected",
        );
        commentsRejected = results.length;
      }
    }
    return { commenterId, status: input.status, commentsRejected };
  });
}

/** A moderator note on a commenter (shown in their drawer), logged. */
export async function addCommenterNote(actor: Actor, commenterId: number, body: string) {
  return db().$transaction(async (tx) => {
    const commenter = await lockCommenter(tx, commenterId);
    const note = await tx.moderatorNote.create({ data: { commenterId, authorId: actor.id, body } });
    await appendLog(tx, {
      actorId: actor.id,
      action: "NOTE_ADDED",
      targetType: "COMMENTER",
      targetId: String(commenterId),
      commenterId,
      publicationId: commenter.publication_id,
      note: body,
    });
    return { id: note.id, commenterId, body, createdAt: note.createdAt.toISOString() };
  });
}
