import "server-only";
import { db } from "@/lib/db/client";
import type { LabelCorrectionBody, LabelCorrectionResult } from "@/lib/schemas/corrections";
import { appendLog } from "@/lib/server/audit-log";
import { conflict, notFound } from "@/lib/server/domain-error";
import { enqueuePublicationModelRefit } from "@/lib/server/jobs/queue";
import type { Viewer } from "@/lib/server/permissions";

/**
 * Records a person's tone/stance verdict on a comment: a LabelCorrection row (old and new labels, the scorer
 * version it judged), the comment's corrected labels, and a LABEL_CORRECTED entry in the moderation log, in
 * one transaction. Labels left out of the body keep their current value. Then queues a refit of the
 * publication's heads from its corrections (it runs a minute later, when enough of them are new).
 */
export async function correctCommentLabels(
  viewer: Viewer,
  commentId: number,
  input: LabelCorrectionBody,
): Promise<LabelCorrectionResult> {
  let publicationId = 0;
  const result = await db().$transaction(async (tx) => {
    // Row lock: two people correcting the same comment at once are applied one after the other.
    await tx.$queryRaw`SELECT id FROM comment WHERE id = ${commentId} FOR UPDATE`;
    const comment = await tx.comment.findUnique({
      where: { id: commentId },
      select: {
        id: true,
        postId: true,
        publicationId: true,
        commenterId: true,
        body: true,
        correctedTone: true,
        correctedStance: true,
        score: { select: { tone: true, stance: true, version: { select: { scorerVersion: true } } } },
      },
    });
    if (!comment) throw notFound("comment");
    if (comment.body === null) throw conflict("no_body", "a deleted comment has no text to label");
    publicationId = comment.publicationId;
    const oldTone = comment.correctedTone ?? comment.score?.tone ?? null;
    const oldStance = comment.correctedStance ?? comment.score?.stance ?? null;
    const newTone = input.tone ?? oldTone;
    const newStance = input.stance ?? oldStance;

    const correction = await tx.labelCorrection.create({
      data: {
        commentId,
        userId: viewer.id,
        scorerVersion: comment.score?.version?.scorerVersion ?? null,
        oldTone,
        newTone: input.tone ?? null,
        oldStance,
        newStance: input.stance ?? null,
      },
      select: { id: true },
    });
    await tx.comment.update({
      where: { id: commentId },
      data: {
        ...(input.tone ? { correctedTone: input.tone } : {}),
        ...(input.stance ? { correctedStance: input.stance } : {}),
      },
    });
    await appendLog(tx, {
      actorId: viewer.id,
      action: "LABEL_CORRECTED",
      targetType: "COMMENT",
      targetId: String(commentId),
      commentId,
      postId: comment.postId,
      commenterId: comment.commenterId,
      publicationId: comment.publicationId,
      before: { tone: oldTone, stance: oldStance },
      after: {
        tone: newTone,
        stance: newStance,
        scorerTone: comment.score?.tone ?? null,
        scorerStance: comment.score?.stance ?? null,
      },
    });
    const scoredTone = comment.score?.tone ?? null;
    const scoredStance = comment.score?.stance ?? null;
    return {
      commentId,
      postId: comment.postId,
      correctionId: correction.id,
      tone: newTone,
      stance: newStance,
      scoredTone,
      scoredStance,
      corrected:
        (newTone !== null && newTone !== scoredTone) || (newStance !== null && newStance !== scoredStance),
    };
  });
  try {
    await enqueuePublicationModelRefit(publicationId);
  } catch (err) {
    // The correction is stored; the next one (or a refit by hand) queues the refit again.
    console.error("could not queue a refit from corrections:", err instanceof Error ? err.message : err);
  }
  return result;
}
