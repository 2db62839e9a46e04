import "server-only";
import { db } from "@/lib/db/client";
import { shownReason } from "@/lib/moderation/reasons";
import type { CommenterDrawer } from "@/lib/schemas/moderation-queue";
import { notFound } from "@/lib/server/domain-error";

const DRAWER_LIMIT = 200;

/** The commenter drawer: their latest comments, the decisions about them or their comments, and the notes. */
export async function getCommenterDrawer(commenterId: number): Promise<CommenterDrawer> {
  const commenter = await db().commenter.findUnique({ where: { id: commenterId } });
  if (!commenter) throw notFound("commenter");
  const [comments, decisions, notes] = await Promise.all([
    db().comment.findMany({
      where: { commenterId },
      orderBy: [{ postedAt: "desc" }, { id: "desc" }],
      take: DRAWER_LIMIT,
      select: {
        id: true,
        body: true,
        status: true,
        postedAt: true,
        postId: true,
        post: { select: { title: true } },
      },
    }),
    db().moderationAction.findMany({
      where: { commenterId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: DRAWER_LIMIT,
    }),
    db().moderatorNote.findMany({
      where: { OR: [{ commenterId }, { comment: { commenterId } }] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: DRAWER_LIMIT,
      include: { author: { select: { name: true } } },
    }),
  ]);
  return {
    commenter: {
      id: commenter.id,
      name: commenter.name,
      handle: commenter.handle,
      status: commenter.status,
      firstSeenAt: commenter.firstSeenAt.toISOString(),
    },
    comments: comments.map((c) => ({
      id: c.id,
      body: c.body,
      status: c.status,
      postedAt: c.postedAt.toISOString(),
      postId: c.postId,
      postTitle: c.post.title,
    })),
    decisions: decisions.map((d) => ({
      id: d.id.toString(),
      action: d.action,
      // As stored when the row was written: a later rename does not change who acted.
      actor: d.actorId === null ? null : (d.actorName ?? "a former user"),
      reason: shownReason(d),
      note: d.note,
      createdAt: d.createdAt.toISOString(),
      commentId: d.commentId,
    })),
    notes: notes.map((n) => ({
      id: n.id,
      body: n.body,
      author: n.author?.name ?? null,
      commentId: n.commentId,
      createdAt: n.createdAt.toISOString(),
    })),
  };
}
