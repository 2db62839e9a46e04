import "server-only";
import { db } from "@/lib/db/client";
import type { RerunResult } from "@/lib/schemas/moderation-settings";
import { notFound } from "@/lib/server/api";
import { enqueueRulesRerun } from "@/lib/server/jobs/queue";
import type { Viewer } from "@/lib/server/permissions";

/**
 * Asks for the rules to be re-applied to a publication's undecided comments: a job (QUEUES.rerunRules) that
 * any worker runs, never the request itself, which would hold a web process for as long as a large
 * publication takes.
 */
export async function requestRulesRerun(
  actor: Pick<Viewer, "id">,
  publicationId: number,
): Promise<RerunResult> {
  const publication = await db().publication.findUnique({
    where: { id: publicationId },
    select: { id: true },
  });
  if (!publication) throw notFound("publication");
  const jobId = await enqueueRulesRerun({ publicationId, actorId: actor.id });
  return { publicationId, queued: jobId !== null };
}
