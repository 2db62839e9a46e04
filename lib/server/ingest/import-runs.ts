import "server-only";
import type { JSONValue } from "postgres";
import type { ImportSource } from "@/lib/db/generated/enums";
import type { Sql } from "@/lib/db/sql";
import type { IngestIssue } from "@/lib/ingest/types";
import type { FinishedImportStatus } from "@/lib/schemas/imports";
import { appendLog, type LogEntry } from "@/lib/server/audit-log";

/** Progress figures of one import, as stored on its ImportRun row and shown on the imports page. */
export interface ImportProgress {
  postsTotal: number | null;
  postsSeen: number;
  postsDone: number;
  commentsNew: number;
  commentsUpdated: number;
  commentsUnchanged: number;
  commentsVanished: number;
}

export function emptyProgress(): ImportProgress {
  return {
    postsTotal: null,
    postsSeen: 0,
    postsDone: 0,
    commentsNew: 0,
    commentsUpdated: 0,
    commentsUnchanged: 0,
    commentsVanished: 0,
  };
}

export interface StoredIssue extends IngestIssue {
  at: string;
}

/** Runs beyond this many stored issues keep counting them but store only the first ones. */
export const MAX_STORED_ISSUES = 500;

/** A RUNNING run whose heartbeat is older than this was killed; the next run of the same import resumes it. */
export const STALE_HEARTBEAT_MS = 2 * 60_000;

export async function startImportRun(
  sql: Sql,
  input: {
    publicationId: number;
    source: ImportSource;
    params: Record<string, unknown>;
    startedById?: string | null;
  },
): Promise<{ id: number; resumed: boolean; doneExternalIds: Set<string>; itemsDone: number }> {
  // The same import (same publication, source and parameters) killed mid-way is continued, not restarted.
  const [stale] = await sql<
    { id: number; cursor: { done?: string[]; itemsDone?: number }; heartbeat_at: Date | null }[]
  >`
    SELECT id, cursor, heartbeat_at FROM import_run
    WHERE publication_id = ${input.publicationId} AND source = ${input.source}::"ImportSource"
      AND status = 'RUNNING' AND params = ${sql.json(input.params as JSONValue)}
      AND (heartbeat_at IS NULL OR heartbeat_at < now() - make_interval(secs => ${STALE_HEARTBEAT_MS / 1000}))
    ORDER BY started_at DESC LIMIT 1`;
  if (stale) {
    // The run history says what happened: how often the run was taken up again, and a log row each time.
    const [resumed] = await sql<{ resumes: number; posts_done: number }[]>`
      UPDATE import_run SET
        cursor = jsonb_set(cursor, '{resumes}', to_jsonb(coalesce((cursor->>'resumes')::int, 0) + 1)),
        heartbeat_at = now()
      WHERE id = ${stale.id}
      RETURNING (cursor->>'resumes')::int AS resumes, posts_done`;
    await appendLog(sql, {
      actorId: input.startedById ?? null,
      action: "IMPORT_RESUMED",
      targetType: "IMPORT_RUN",
      targetId: String(stale.id),
      publicationId: input.publicationId,
      after: {
        resumes: resumed?.resumes ?? 1,
        postsDone: resumed?.posts_done ?? 0,
        lastHeartbeat: stale.heartbeat_at?.toISOString() ?? null,
      },
    });
    return {
      id: stale.id,
      resumed: true,
      doneExternalIds: new Set(stale.cursor.done ?? []),
      itemsDone: stale.cursor.itemsDone ?? 0,
    };
  }
  const [row] = await sql<{ id: number }[]>`
    INSERT INTO import_run (publication_id, source, params, status, started_by_id, heartbeat_at)
    VALUES (${input.publicationId}, ${input.source}::"ImportSource", ${sql.json(input.params as JSONValue)}, 'RUNNING',
            ${input.startedById ?? null}, now())
    RETURNING id`;
  if (!row) throw new Error("could not create the import run");
  await appendLog(sql, {
    actorId: input.startedById ?? null,
    action: "IMPORT_STARTED",
    targetType: "IMPORT_RUN",
    targetId: String(row.id),
    publicationId: input.publicationId,
    after: { source: input.source, params: input.params } as LogEntry["after"],
  });
  return { id: row.id, resumed: false, doneExternalIds: new Set(), itemsDone: 0 };
}

/**
 * Adds to a run's counters and marks posts done, in the caller's transaction, so that what a killed run
 * recorded is exactly what it stored.
 */
export async function recordImportProgress(
  sql: Sql,
  runId: number,
  delta: Partial<Omit<ImportProgress, "postsTotal">> & {
    postsTotal?: number | null;
    donePostExternalId?: string;
    /** Items (posts, comments, issues) of a file stored so far: a resumed run skips that many. */
    itemsDone?: number;
  },
): Promise<void> {
  await sql`
    UPDATE import_run SET
      posts_total = coalesce(${delta.postsTotal ?? null}::int, posts_total),
      posts_seen = posts_seen + ${delta.postsSeen ?? 0},
      posts_done = posts_done + ${delta.postsDone ?? 0},
      comments_new = comments_new + ${delta.commentsNew ?? 0},
      comments_updated = comments_updated + ${delta.commentsUpdated ?? 0},
      comments_unchanged = comments_unchanged + ${delta.commentsUnchanged ?? 0},
      comments_vanished = comments_vanished + ${delta.commentsVanished ?? 0},
      cursor = jsonb_set(
        CASE WHEN ${delta.donePostExternalId ?? null}::text IS NULL THEN cursor
        ELSE jsonb_set(cursor, '{done}', coalesce(cursor->'done', '[]'::jsonb) || to_jsonb(${delta.donePostExternalId ?? null}::text))
        END,
        '{itemsDone}', coalesce(to_jsonb(${delta.itemsDone ?? null}::int), cursor->'itemsDone', '0'::jsonb)),
      heartbeat_at = now()
    WHERE id = ${runId}`;
}

export async function recordImportIssues(sql: Sql, runId: number, issues: IngestIssue[]): Promise<void> {
  if (issues.length === 0) return;
  const at = new Date().toISOString();
  const stored: StoredIssue[] = issues.map((i) => ({ location: i.location, message: i.message, at }));
  await sql`
    UPDATE import_run SET
      errors = CASE WHEN jsonb_array_length(errors) >= ${MAX_STORED_ISSUES} THEN errors
               ELSE errors || ${sql.json(stored as unknown as JSONValue)}::jsonb END,
      cursor = jsonb_set(cursor, '{issueCount}', to_jsonb(coalesce((cursor->>'issueCount')::int, 0) + ${issues.length}))
    WHERE id = ${runId}`;
}

export async function finishImportRun(
  sql: Sql,
  runId: number,
  outcome: { failed: boolean; actorId?: string | null },
): Promise<{ status: FinishedImportStatus; progress: ImportProgress; issueCount: number }> {
  const [row] = await sql<(ImportProgressRow & { issue_count: number; publication_id: number | null })[]>`
    UPDATE import_run SET
      status = (CASE WHEN ${outcome.failed} THEN 'FAILED'
                     WHEN jsonb_array_length(errors) > 0 THEN 'PARTIAL' ELSE 'SUCCEEDED' END)::"ImportStatus",
      finished_at = now(), heartbeat_at = now()
    WHERE id = ${runId}
    RETURNING status, posts_total, posts_seen, posts_done, comments_new, comments_updated, comments_unchanged,
      comments_vanished, coalesce((cursor->>'issueCount')::int, 0) AS issue_count, publication_id`;
  if (!row) throw new Error(`import run ${runId} not found`);
  const progress = progressFromRow(row);
  await appendLog(sql, {
    actorId: outcome.actorId ?? null,
    action: "IMPORT_FINISHED",
    targetType: "IMPORT_RUN",
    targetId: String(runId),
    publicationId: row.publication_id,
    after: { status: row.status, ...progress, issues: row.issue_count },
  });
  if (row.publication_id !== null && !outcome.failed) {
    await sql`UPDATE publication SET last_synced_at = now() WHERE id = ${row.publication_id}`;
  }
  return { status: row.status, progress, issueCount: row.issue_count };
}

interface ImportProgressRow {
  status: FinishedImportStatus;
  posts_total: number | null;
  posts_seen: number;
  posts_done: number;
  comments_new: number;
  comments_updated: number;
  comments_unchanged: number;
  comments_vanished: number;
}

function progressFromRow(row: ImportProgressRow): ImportProgress {
  return {
    postsTotal: row.posts_total,
    postsSeen: row.posts_seen,
    postsDone: row.posts_done,
    commentsNew: row.comments_new,
    commentsUpdated: row.comments_updated,
    commentsUnchanged: row.comments_unchanged,
    commentsVanished: row.comments_vanished,
  };
}
