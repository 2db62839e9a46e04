import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { UndoResult } from "@/lib/schemas/moderation-queue";
import { appendLog, type LogEntry } from "@/lib/server/audit-log";
import { conflict, forbidden, notFound } from "@/lib/server/domain-error";
import type { Viewer } from "@/lib/server/permissions";
import { lockComments } from "./comment-decisions";

type Actor = Pick<Viewer, "id">;

/**
 * How long after a decision the person who made it may take it back. The queue offers Undo for 12 seconds;
 * the server allows more so a slow request or a paused notice still succeeds, but not so long that an undo
 * could silently override what happened to the comment since.
 */
export const UNDO_WINDOW_MS = 10 * 60_000;

const UNDOABLE = ["COMMENT_APPROVED", "COMMENT_REJECTED", "COMMENT_FLAGGED", "NOTE_ADDED"] as const;
type Undoable = (typeof UNDOABLE)[number];

// What the decision rows record in `after` (see comment-decisions.ts); anything else is refused.
const decidedAfter = z.object({
  status: z.enum(["APPROVED", "REJECTED"]),
  resolvedFlagIds: z.array(z.number().int()).default([]),
});
const decidedBefore = z.object({ status: z.enum(["NONE", "APPROVED", "REJECTED", "SYSTEM_WITHHELD"]) });
const flaggedAfter = z.object({ flagId: z.number().int() });
const notedAfter = z.object({ noteId: z.number().int() });

const refused = (message: string) => conflict("conflict", message);

/**
 * Takes back decisions a person just made in the queue, each by its log row: an approval or rejection puts
 * the comment back in its earlier status and reopens the flags it resolved; a flag is withdrawn (dismissed);
 * a note is deleted. Each undo is a DECISION_UNDONE log row pointing at the row it undoes (unique: a decision
 * is undone once). All or nothing: a decision that is someone else's, too old, already undone, or overtaken
 * by a later change to the comment refuses the whole request.
 */
export async function undoDecisions(actor: Actor, decisionIds: string[]): Promise<UndoResult> {
  const ids = [...new Set(decisionIds)].map((id) => BigInt(id));
  try {
    return await db().$transaction(async (tx) => {
      const decisions = await tx.moderationAction.findMany({ where: { id: { in: ids } } });
      if (decisions.length !== ids.length)
        throw notFound(ids.length === 1 ? "decision" : "one of the decisions");
      const now = Date.now();
      for (const d of decisions) {
        if (
          !(UNDOABLE as readonly string[]).includes(d.action) ||
          d.targetType !== "COMMENT" ||
          d.commentId === null
        )
          throw refused("only a queue decision on a comment (approve, reject, flag, note) can be undone");
        if (d.actorId !== actor.id) throw forbidden("forbidden", "only the person who decided can undo it");
        if (now - d.createdAt.getTime() > UNDO_WINDOW_MS)
          throw refused("this decision is too old to undo; make a new decision instead");
      }
      const undone = await tx.moderationAction.count({ where: { undoesId: { in: ids } } });
      if (undone > 0) throw refused("this decision was already undone");

      const comments = new Map(
        (await lockComments(tx, [...new Set(decisions.map((d) => d.commentId as number))])).map((c) => [
          c.id,
          c,
        ]),
      );
      const status = new Map([...comments].map(([id, c]) => [id, c.status]));
      const rows: LogEntry[] = [];
      // Newest first, so undoing two decisions on one comment walks its status back in order.
      for (const d of [...decisions].sort((a, b) => (a.id < b.id ? 1 : -1))) {
        const comment = comments.get(d.commentId as number);
        if (!comment) throw notFound("comment");
        const base = {
          actorId: actor.id,
          action: "DECISION_UNDONE" as const,
          targetType: "COMMENT" as const,
          targetId: d.targetId,
          commentId: comment.id,
          postId: comment.post_id,
          commenterId: comment.commenter_id,
          publicationId: comment.publication_id,
          commentReason: d.commentReason,
          ruleReason: d.ruleReason,
          undoesId: d.id,
        };
        switch (d.action as Undoable) {
          case "COMMENT_APPROVED":
          case "COMMENT_REJECTED": {
            const after = decidedAfter.parse(d.after);
            const before = decidedBefore.parse(d.before);
            const current = status.get(comment.id);
            if (current !== after.status)
              throw refused(`the comment changed since this decision (it is now ${current?.toLowerCase()})`);
            await tx.comment.update({ where: { id: comment.id }, data: { status: before.status } });
            status.set(comment.id, before.status);
            const reopened = await tx.flag.updateManyAndReturn({
              where: { id: { in: after.resolvedFlagIds }, status: "RESOLVED" },
              data: { status: "OPEN", resolvedById: null, resolvedAt: null, resolutionNote: null },
              select: { id: true },
            });
            rows.push({
              ...base,
              note: `${d.action === "COMMENT_APPROVED" ? "approval" : "rejection"} undone`,
              before: { status: after.status },
              after: { status: before.status, reopenedFlagIds: reopened.map((f) => f.id) },
            });
            break;
          }
          case "COMMENT_FLAGGED": {
            const { flagId } = flaggedAfter.parse(d.after);
            const withdrawn = await tx.flag.updateMany({
              where: { id: flagId, status: "OPEN" },
              data: {
                status: "DISMISSED",
                resolvedById: actor.id,
                resolvedAt: new Date(),
                resolutionNote: "flag withdrawn (undo)",
              },
            });
            if (withdrawn.count === 0) throw refused("the flag was already closed by someone");
            rows.push({
              ...base,
              note: "flag withdrawn",
              before: { flagId, status: "OPEN" },
              after: { flagId, status: "DISMISSED" },
            });
            break;
          }
          case "NOTE_ADDED": {
            const { noteId } = notedAfter.parse(d.after);
            const deleted = await tx.moderatorNote.deleteMany({ where: { id: noteId } });
            if (deleted.count === 0) throw refused("the note is already gone");
            rows.push({ ...base, note: `note deleted: ${d.note ?? ""}`, before: { noteId } });
            break;
          }
        }
      }
      await appendLog(tx, rows);
      return { results: [...status].map(([commentId, s]) => ({ commentId, status: s })) };
    });
  } catch (err) {
    // Two undo requests racing for one decision: the unique index lets only the first through.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")
      throw refused("this decision was already undone");
    throw err;
  }
}
