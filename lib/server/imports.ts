import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { sql } from "@/lib/db/sql";
import type {
  ImportRunDetail,
  ImportRunView,
  ImportsResponse,
  StartImportInput,
} from "@/lib/schemas/imports";
import { appendLog } from "@/lib/server/audit-log";
import { invalid } from "@/lib/server/domain-error";
import { checkPublicAddress } from "@/lib/server/ingest/guarded-fetch";
import { STALE_HEARTBEAT_MS } from "@/lib/server/ingest/import-runs";
import { publicationOrigin } from "@/lib/server/ingest/substack-import";
import { enqueueSubstackImport, webFetchGuard } from "@/lib/server/jobs/queue";

type RunRow = Prisma.ImportRunGetPayload<{ include: { publication: { select: { name: true } } } }>;

function toView(run: RunRow): ImportRunView {
  const cursor = (run.cursor ?? {}) as { issueCount?: number; resumes?: number };
  const stalled =
    run.status === "RUNNING" &&
    (run.heartbeatAt === null || Date.now() - run.heartbeatAt.getTime() > STALE_HEARTBEAT_MS);
  return {
    id: run.id,
    publicationId: run.publicationId,
    publicationName: run.publication?.name ?? null,
    source: run.source,
    status: run.status,
    stalled,
    postsTotal: run.postsTotal,
    postsDone: run.postsDone,
    commentsNew: run.commentsNew,
    commentsUpdated: run.commentsUpdated,
    commentsUnchanged: run.commentsUnchanged,
    commentsVanished: run.commentsVanished,
    issueCount: cursor.issueCount ?? 0,
    resumes: cursor.resumes ?? 0,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    params: (run.params ?? {}) as Record<string, unknown>,
  };
}

/** The imports page: publications with their schedule and size, and the latest runs. */
export async function listImports(limit = 50): Promise<ImportsResponse> {
  const [publications, counts, runs] = await Promise.all([
    db().publication.findMany({ orderBy: { name: "asc" } }),
    sql()<{ id: number; posts: number; comments: number }[]>`
      SELECT p.id, (SELECT count(*)::int FROM post WHERE publication_id = p.id) AS posts,
             (SELECT count(*)::int FROM comment WHERE publication_id = p.id) AS comments
      FROM publication p`,
    db().importRun.findMany({
      orderBy: { startedAt: "desc" },
      take: limit,
      include: { publication: { select: { name: true } } },
    }),
  ]);
  const byId = new Map(counts.map((c) => [c.id, c]));
  return {
    publications: publications.map((p) => ({
      id: p.id,
      name: p.name,
      baseUrl: p.baseUrl,
      platform: p.platform,
      syncIntervalMinutes: p.syncIntervalMinutes,
      lastSyncedAt: p.lastSyncedAt?.toISOString() ?? null,
      posts: byId.get(p.id)?.posts ?? 0,
      comments: byId.get(p.id)?.comments ?? 0,
    })),
    runs: runs.map(toView),
  };
}

export async function getImportRun(id: number): Promise<ImportRunDetail | null> {
  const run = await db().importRun.findUnique({
    where: { id },
    include: { publication: { select: { name: true } } },
  });
  if (!run) return null;
  return { ...toView(run), errors: (run.errors ?? []) as ImportRunDetail["errors"] };
}

/**
 * Queues a Substack import for the background workers; the run appears on the imports page when it starts.
 * A publication is its origin (a path is dropped). An address the server may not fetch for a web user (not
 * https, or resolving to a private address) is refused here already; the worker checks again at connection.
 */
export async function startSubstackImport(
  input: StartImportInput,
  actorId: string,
): Promise<{ queued: boolean; url: string }> {
  const url = new URL(publicationOrigin(input.url)).origin;
  if (await checkPublicAddress(new URL(url), webFetchGuard())) {
    throw invalid("address_refused", "Marginalia imports only from public https addresses");
  }
  const jobId = await enqueueSubstackImport({
    url,
    since: input.since,
    posts: input.posts,
    cookieEnv: input.cookieEnv,
    startedById: actorId,
  });
  return { queued: jobId !== null, url };
}

/** Sets or clears a publication's periodic sync, and logs the change. Returns null for an unknown publication. */
export async function setSyncInterval(
  publicationId: number,
  intervalMinutes: number | null,
  actorId: string,
) {
  return db().$transaction(async (tx) => {
    const before = await tx.publication.findUnique({ where: { id: publicationId } });
    if (!before) return null;
    const after = await tx.publication.update({
      where: { id: publicationId },
      data: { syncIntervalMinutes: intervalMinutes },
    });
    await appendLog(tx, {
      actorId,
      action: "SETTINGS_CHANGED",
      targetType: "PUBLICATION",
      targetId: String(publicationId),
      publicationId,
      note: "sync schedule",
      before: { syncIntervalMinutes: before.syncIntervalMinutes },
      after: { syncIntervalMinutes: after.syncIntervalMinutes },
    });
    return { id: after.id, syncIntervalMinutes: after.syncIntervalMinutes };
  });
}
