import "server-only";
import type { CommentReason } from "@/lib/moderation/reasons";
import type { CommentActionResult } from "@/lib/schemas/moderation-queue";
import { appendLog, type LogEntry, type LoggedRow, type Tx } from "@/lib/server/audit-log";
import { notFound } from "@/lib/server/domain-error";

interface LockedComment {
  id: number;
  status: CommentActionResult["status"];
  post_id: number;
  commenter_id: number | null;
  publication_id: number;
}

/**
 * Locks the comments (FOR UPDATE, so two moderators deciding at once are serialised and each log row's
 * "before" is true) and returns them; a missing or deleted comment is a 404 for the whole call.
 */
export async function lockComments(tx: Tx, commentIds: number[]): Promise<LockedComment[]> {
  const ids = [...new Set(commentIds)];
  const rows = await tx.$queryRaw<LockedComment[]>`
    SELECT id, status::text AS status, post_id, commenter_id, publication_id FROM comment
    WHERE id = ANY(${ids}::int[]) AND body IS NOT NULL
    ORDER BY id FOR UPDATE`;
  if (rows.length !== ids.length) throw notFound(ids.length === 1 ? "comment" : "one of the comments");
  return rows;
}

/** Each comment's decision row id (as text: JSON has no bigint), found among the rows just logged. */
function decisionIds(logged: LoggedRow[], action: LogEntry["action"]): Map<number, string> {
  const ids = new Map<number, string>();
  for (const row of logged)
    if (row.action === action && row.commentId !== null) ids.set(row.commentId, String(row.id));
  return ids;
}

/** The answer for comments whose status the action left as it was (a flag, a note). */
function unchangedResults(comments: LockedComment[], ids: Map<number, string>): CommentActionResult[] {
  return comments.map((c) => ({
    commentId: c.id,
    status: c.status,
    flagsResolved: 0,
    decisionId: ids.get(c.id) ?? "",
  }));
}

function target(c: LockedComment) {
  return {
    targetType: "COMMENT" as const,
    targetId: String(c.id),
    commentId: c.id,
    postId: c.post_id,
    commenterId: c.commenter_id,
    publicationId: c.publication_id,
  };
}

/**
 * Approves or rejects comments a person decided on, resolving their open flags (the decision answers them),
 * with one log row per comment and one per resolved flag, in the caller's transaction. The decision row's
 * `after` lists the flags it resolved, so an undo can reopen exactly those.
 */
export async function decideComments(
  tx: Tx,
  actorId: string,
  comments: LockedComment[],
  decision: { status: "APPROVED" } | { status: "REJECTED"; reason: CommentReason },
  note?: string,
): Promise<CommentActionResult[]> {
  const ids = comments.map((c) => c.id);
  const flags = await tx.flag.findMany({ where: { commentId: { in: ids }, status: "OPEN" } });
  await tx.comment.updateMany({ where: { id: { in: ids } }, data: { status: decision.status } });
  const now = new Date();
  const resolution = decision.status === "APPROVED" ? "approved" : "rejected";
  if (flags.length > 0) {
    await tx.flag.updateMany({
      where: { id: { in: flags.map((f) => f.id) } },
      data: {
        status: "RESOLVED",
        resolvedById: actorId,
        resolvedAt: now,
        resolutionNote: note || resolution,
      },
    });
  }
  const byId = new Map(comments.map((c) => [c.id, c]));
  const action = decision.status === "APPROVED" ? "COMMENT_APPROVED" : "COMMENT_REJECTED";
  const rows: LogEntry[] = comments.map((c) => ({
    actorId,
    action,
    ...target(c),
    commentReason: decision.status === "REJECTED" ? decision.reason : null,
    note: note || null,
    before: { status: c.status },
    after: {
      status: decision.status,
      resolvedFlagIds: flags.filter((f) => f.commentId === c.id).map((f) => f.id),
    },
    createdAt: now,
  }));
  for (const f of flags) {
    const c = f.commentId === null ? undefined : byId.get(f.commentId);
    if (!c) continue;
    rows.push({
      actorId,
      action: "FLAG_RESOLVED",
      ...target(c),
      commentReason: f.commentReason,
      ruleReason: f.ruleReason,
      rule: f.rule,
      note: `flag #${f.id} resolved: comment ${resolution}`,
      before: { flagId: f.id, status: "OPEN" },
      after: { flagId: f.id, status: "RESOLVED" },
      createdAt: now,
    });
  }
  const logged = decisionIds(await appendLog(tx, rows), action);
  return comments.map((c) => ({
    commentId: c.id,
    status: decision.status,
    flagsResolved: flags.filter((f) => f.commentId === c.id).length,
    decisionId: logged.get(c.id) ?? "",
  }));
}

/** A person's flag on each comment (a reason and a note), logged. The comments' status is unchanged. */
export async function flagComments(
  tx: Tx,
  actorId: string,
  comments: LockedComment[],
  flag: { reason: CommentReason; note: string },
): Promise<CommentActionResult[]> {
  const created = await tx.flag.createManyAndReturn({
    data: comments.map((c) => ({
      commentId: c.id,
      commentReason: flag.reason,
      note: flag.note,
      raisedById: actorId,
    })),
    select: { id: true, commentId: true },
  });
  const flagOf = new Map(created.map((f) => [f.commentId, f.id]));
  const logged = await appendLog(
    tx,
    comments.map((c) => ({
      actorId,
      action: "COMMENT_FLAGGED",
      ...target(c),
      commentReason: flag.reason,
      note: flag.note,
      after: { flagId: flagOf.get(c.id) ?? null },
    })),
  );
  return unchangedResults(comments, decisionIds(logged, "COMMENT_FLAGGED"));
}

/** A moderator note on each comment, logged. */
export async function noteComments(
  tx: Tx,
  actorId: string,
  comments: LockedComment[],
  body: string,
): Promise<CommentActionResult[]> {
  const created = await tx.moderatorNote.createManyAndReturn({
    data: comments.map((c) => ({ commentId: c.id, commenterId: null, authorId: actorId, body })),
    select: { id: true, commentId: true },
  });
  const noteOf = new Map(created.map((n) => [n.commentId, n.id]));
  const logged = await appendLog(
    tx,
    comments.map((c) => ({
      actorId,
      action: "NOTE_ADDED",
      ...target(c),
      note: body,
      after: { noteId: noteOf.get(c.id) ?? null },
    })),
  );
  return unchangedResults(comments, decisionIds(logged, "NOTE_ADDED"));
}
