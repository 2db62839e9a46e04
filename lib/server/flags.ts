import "server-only";
import { db } from "@/lib/db/client";
import type { PostFlagReason } from "@/lib/moderation/reasons";
import type { ClosedFlag, OpenPostFlag } from "@/lib/schemas/post-flags";
import { appendLog } from "@/lib/server/audit-log";
import { conflict, notFound } from "@/lib/server/domain-error";
import type { Viewer } from "@/lib/server/permissions";

type Actor = Pick<Viewer, "id">;

/** A moderator flags a post for the author (heated thread, brigading, …) with a note; logged. */
export async function flagPost(
  actor: Actor,
  postId: number,
  input: { reason: PostFlagReason; note: string },
) {
  return db().$transaction(async (tx) => {
    const post = await tx.post.findUnique({
      where: { id: postId },
      select: { id: true, publicationId: true },
    });
    if (!post) throw notFound("post");
    const flag = await tx.flag.create({
      data: { postId, postReason: input.reason, note: input.note, raisedById: actor.id },
    });
    await appendLog(tx, {
      actorId: actor.id,
      action: "POST_FLAGGED",
      targetType: "POST",
      targetId: String(postId),
      postId,
      publicationId: post.publicationId,
      postReason: input.reason,
      note: input.note,
      after: { flagId: flag.id, status: "OPEN" },
    });
    return { id: flag.id, postId, reason: input.reason, status: flag.status };
  });
}

/**
 * Closes an open flag (on a post or a comment) with a note: RESOLVED when acted on, DISMISSED when not
 * warranted. Logged against the flag's target; a flag already closed answers 409.
 */
async function closeFlag(
  actor: Actor,
  flagId: number,
  status: ClosedFlag["status"],
  note: string,
): Promise<ClosedFlag> {
  return db().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      { id: number }[]
    >`SELECT id FROM flag WHERE id = ${flagId} FOR UPDATE`;
    if (!locked) throw notFound("flag");
    const flag = await tx.flag.findUniqueOrThrow({
      where: { id: flagId },
      include: {
        post: { select: { publicationId: true } },
        comment: { select: { postId: true, commenterId: true, publicationId: true } },
      },
    });
    if (flag.status !== "OPEN")
      throw conflict("conflict", `the flag is already ${flag.status.toLowerCase()}`);
    await tx.flag.update({
      where: { id: flagId },
      data: { status, resolvedById: actor.id, resolvedAt: new Date(), resolutionNote: note || null },
    });
    const onPost = flag.postId !== null;
    await appendLog(tx, {
      actorId: actor.id,
      action: status === "RESOLVED" ? "FLAG_RESOLVED" : "FLAG_DISMISSED",
      targetType: onPost ? "POST" : "COMMENT",
      targetId: String(onPost ? flag.postId : flag.commentId),
      postId: flag.postId ?? flag.comment?.postId ?? null,
      commentId: flag.commentId,
      commenterId: flag.comment?.commenterId ?? null,
      publicationId: flag.post?.publicationId ?? flag.comment?.publicationId ?? null,
      commentReason: flag.commentReason,
      ruleReason: flag.ruleReason,
      postReason: flag.postReason,
      note: note || null,
      before: { flagId, status: "OPEN" },
      after: { flagId, status },
    });
    return { id: flagId, status };
  });
}

export const resolveFlag = (actor: Actor, flagId: number, note: string) =>
  closeFlag(actor, flagId, "RESOLVED", note);
export const dismissFlag = (actor: Actor, flagId: number, note: string) =>
  closeFlag(actor, flagId, "DISMISSED", note);

/** Open flags on posts, newest first: the overview's "flagged posts" and the moderation page's post flags. */
export async function listOpenPostFlags(
  options: { postId?: number; publicationId?: number } = {},
): Promise<OpenPostFlag[]> {
  const flags = await db().flag.findMany({
    where: {
      postId: options.postId ?? { not: null },
      status: "OPEN",
      ...(options.publicationId !== undefined ? { post: { publicationId: options.publicationId } } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { post: { select: { id: true, title: true, url: true } }, raisedBy: { select: { name: true } } },
  });
  return flags.flatMap((f) =>
    f.post
      ? [
          {
            id: f.id,
            reason: f.postReason ?? "OTHER",
            note: f.note,
            raisedBy: f.raisedById === null ? null : (f.raisedBy?.name ?? "a former user"),
            createdAt: f.createdAt.toISOString(),
            post: { id: f.post.id, title: f.post.title, url: f.post.url },
          },
        ]
      : [],
  );
}

/** Posts a moderator can flag, newest first (the "flag a post" picker), of one publication or all. */
export async function listFlaggablePosts(publicationId?: number): Promise<{ id: number; title: string }[]> {
  return db().post.findMany({
    where: publicationId !== undefined ? { publicationId } : {},
    select: { id: true, title: true },
    orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
  });
}
