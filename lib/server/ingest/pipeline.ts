import "server-only";
import { inTransaction, type Sql } from "@/lib/db/sql";
import type { ImportEvent } from "@/lib/ingest/files";
import type {
  IngestIssue,
  NormalizedComment,
  NormalizedPost,
  NormalizedPublication,
} from "@/lib/ingest/types";
import { type ScoreRunResult, scorePendingComments } from "@/lib/server/scoring/score-comments";
import {
  emptyProgress,
  finishImportRun,
  type ImportProgress,
  recordImportIssues,
  recordImportProgress,
  startImportRun,
} from "./import-runs";
import {
  bodyFingerprint,
  linkOrphans,
  markVanished,
  upsertComments,
  upsertPosts,
  upsertPublication,
} from "./store";

/**
 * The one import pipeline every source goes through (Substack, Disqus, WXR, saved Substack JSON, CSV, JSON
 * Lines): run lifecycle, progress, issues, the bulk store, then scoring and auto-moderation. A source yields
 * normalized events; the pipeline batches them, stores each batch in ONE transaction together with the run's
 * counters and cursor (so what a killed run recorded is exactly what it stored), and a resumed run skips what
 * its cursor says is done. Scoring is a separate step after the store (or a background job): the store never
 * waits on the scorer.
 */

/** Events a source yields: the file events, plus the end of one post's comments (Substack). */
export type PipelineEvent =
  | ImportEvent
  | { type: "posts-total"; total: number }
  /** A post's fetched details (Substack's body): stored with that post's comments. */
  | { type: "post-detail"; post: NormalizedPost }
  /**
   * Every comment of this post has been yielded. `complete`: the source fetched the whole thread, so
   * stored comments it did not yield have vanished upstream, and the post is done for a resumed run.
   */
  | { type: "post-end"; postExternalId: string; complete: boolean };

/** Where a killed run stopped: the posts it finished (Substack) and how many items it stored (files). */
export interface ResumePoint {
  donePosts: ReadonlySet<string>;
  itemsDone: number;
}

export interface ImportPlan {
  source: "SUBSTACK" | "FILE";
  publication: NormalizedPublication & { baseUrl: string };
  /** The run's arguments: the same import killed mid-way (same publication, source, params) is resumed. */
  params: Record<string, unknown>;
  startedById?: string | null;
  /**
   * "post": a post's comments are stored together with its done mark at its post-end event (Substack, whose
   * client holds one thread at a time). "batch": every `batchSize` items (files of any size).
   */
  grouping: "post" | "batch";
  /** Where a failure of the whole source is reported (the file's path, "archive"). */
  failureLocation: string;
  /** The events, from where a resumed run stopped. */
  events(resume: ResumePoint, runId: number): AsyncIterable<PipelineEvent>;
}

export interface RunImportOptions {
  /** Comments per stored batch (grouping "batch"). */
  batchSize?: number;
  /**
   * After the store: "now" scores and moderates the new and edited comments in this process (CLI, tests);
   * "queue" leaves them to the scoring job (`enqueue` is called once the store is done); "none" leaves them
   * for `marginalia score`.
   */
  scoring?: "now" | "queue" | "none";
  enqueueScoring?: (publicationId: number) => Promise<void>;
  onProgress?: (progress: ImportProgress & { runId: number; currentPost?: string }) => void;
}

export interface ImportSummary {
  runId: number;
  publicationId: number;
  status: "SUCCEEDED" | "PARTIAL" | "FAILED";
  resumed: boolean;
  progress: ImportProgress;
  issueCount: number;
  /** Seconds spent storing, and scoring (0 unless scoring "now"). */
  timings: { storeSeconds: number; scoreSeconds: number };
  scoring: ScoreRunResult | null;
}

const DEFAULT_BATCH = 5000;

export async function runImport(
  sql: Sql,
  plan: ImportPlan,
  options: RunImportOptions = {},
): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const storeStarted = performance.now();
  const publicationId = await upsertPublication(sql, plan.publication);
  const run = await startImportRun(sql, {
    publicationId,
    source: plan.source,
    params: plan.params,
    startedById: plan.startedById,
  });
  const progress = emptyProgress();
  const report = (currentPost?: string) => options.onProgress?.({ ...progress, runId: run.id, currentPost });

  const postIds = new Map<string, number>();
  let itemIndex = 0;
  let comments: NormalizedComment[] = [];
  let issues: IngestIssue[] = [];
  let postBodies: NormalizedPost[] = [];
  let failed = false;

  async function ensurePosts(posts: NormalizedPost[], sql: Sql) {
    if (posts.length === 0) return;
    const ids = await upsertPosts(sql, publicationId, posts);
    for (const [k, v] of ids) postIds.set(k, v);
  }

  /**
   * A batch being written while the source reads the next one (at most one: the reading and the writing
   * overlap, the order of the batches is kept). Its failure surfaces at the next `settle`.
   */
  let writing: Promise<void> | null = null;
  async function settle() {
    const previous = writing;
    writing = null;
    await previous;
  }

  /** Takes what is pending: comments, issues, post bodies, and the cursor they bring the run to. */
  function take() {
    const taken = { comments, issues, postBodies, itemsDone: itemIndex };
    comments = [];
    issues = [];
    postBodies = [];
    return taken;
  }

  /** Writes `taken` (the pending batch) once the batch before it is written, while the source reads on. */
  async function flushAhead() {
    await settle();
    const taken = take();
    writing = write(taken);
    // Handled where it is awaited (settle); this only keeps Node from reporting it as unhandled meanwhile.
    writing.catch(() => {});
  }

  /** Stores what is pending in one transaction with the run's counters; `postEnd` marks a Substack post done. */
  async function flush(postEnd?: { postExternalId: string; complete: boolean }) {
    await settle();
    await write(take(), postEnd);
  }

  async function write(
    taken: ReturnType<typeof take>,
    postEnd?: { postExternalId: string; complete: boolean },
  ) {
    const { comments: pending, issues: pendingIssues, postBodies: bodies, itemsDone } = taken;
    if (pending.length === 0 && pendingIssues.length === 0 && bodies.length === 0 && !postEnd) return;
    await sql.begin(async (transaction) => {
      // A batch commits with the run's cursor, so a commit lost to a crash only sends the resumed run back to
      // the cursor before it: the batch need not wait for its WAL to reach the disk.
      await transaction`SET LOCAL synchronous_commit = off`;
      const tx = inTransaction(transaction);
      await ensurePosts(bodies, tx);
      // A comment may name a post the source never described (Disqus threads defined later, bare CSV rows).
      const unknown = [...new Set(pending.map((c) => c.postExternalId))].filter((id) => !postIds.has(id));
      await ensurePosts(
        unknown.map((externalId) => ({ externalId, slug: null, title: "", url: null, publishedAt: null })),
        tx,
      );
      const stored = await storeComments(tx, pending);
      let vanished = 0;
      if (postEnd?.complete) {
        const postId = postIds.get(postEnd.postExternalId);
        if (postId !== undefined)
          vanished = await markVanished(
            tx,
            postId,
            pending.map((c) => c.externalId),
          );
      }
      await recordImportProgress(tx, run.id, {
        postsDone: postEnd ? 1 : 0,
        commentsNew: stored.counts.new,
        commentsUpdated: stored.counts.updated,
        commentsUnchanged: stored.counts.unchanged,
        commentsVanished: vanished,
        // A post whose comments could not be fetched is not done: a resumed run tries it again.
        donePostExternalId: postEnd?.complete ? postEnd.postExternalId : undefined,
        itemsDone: plan.grouping === "batch" ? itemsDone : undefined,
      });
      await recordImportIssues(tx, run.id, [...pendingIssues, ...stored.issues]);
      progress.postsDone += postEnd ? 1 : 0;
      progress.commentsNew += stored.counts.new;
      progress.commentsUpdated += stored.counts.updated;
      progress.commentsUnchanged += stored.counts.unchanged;
      progress.commentsVanished += vanished;
    });
    report();
  }

  /**
   * Stores a batch; when the database refuses it, halves it until the rows it refuses are alone, and reports
   * each of those with where it was (the comment and its post), so the good rows of the batch still go in.
   */
  async function storeComments(
    tx: Sql,
    batch: NormalizedComment[],
  ): Promise<{ counts: { new: number; updated: number; unchanged: number }; issues: IngestIssue[] }> {
    const counts = { new: 0, updated: 0, unchanged: 0 };
    if (batch.length === 0) return { counts, issues: [] };
    try {
      const c = await upsertComments(tx, publicationId, postIds, batch);
      return { counts: c, issues: [] };
    } catch (error) {
      if (batch.length === 1) {
        const c = batch[0] as NormalizedComment;
        return {
          counts,
          issues: [
            {
              location: `comment ${c.externalId} of post ${c.postExternalId}`,
              message: `not stored: ${error instanceof Error ? error.message : String(error)}`,
            },
          ],
        };
      }
      const half = Math.ceil(batch.length / 2);
      const a = await storeComments(tx, batch.slice(0, half));
      const b = await storeComments(tx, batch.slice(half));
      return {
        counts: {
          new: a.counts.new + b.counts.new,
          updated: a.counts.updated + b.counts.updated,
          unchanged: a.counts.unchanged + b.counts.unchanged,
        },
        issues: [...a.issues, ...b.issues],
      };
    }
  }

  const resume: ResumePoint = { donePosts: run.doneExternalIds, itemsDone: run.itemsDone };
  try {
    for await (const event of plan.events(resume, run.id)) {
      switch (event.type) {
        case "publication":
          break;
        case "posts-total":
          progress.postsTotal = event.total;
          progress.postsSeen = event.total;
          // A resumed run counted its posts when it first started.
          await recordImportProgress(sql, run.id, {
            postsTotal: event.total,
            postsSeen: run.resumed ? 0 : event.total,
          });
          progress.postsDone += resume.donePosts.size;
          report();
          break;
        case "post": {
          await ensurePosts([event.post], sql);
          // Substack lists its posts up front (posts-total counts them); a file's posts count as they come.
          if (plan.grouping === "batch" && itemIndex++ >= resume.itemsDone) {
            progress.postsSeen += 1;
            progress.postsDone += 1;
            await recordImportProgress(sql, run.id, { postsSeen: 1, postsDone: 1 });
          }
          break;
        }
        case "post-detail":
          postBodies.push(event.post);
          report(event.post.title);
          break;
        case "comment":
          if (plan.grouping === "batch" && itemIndex++ < resume.itemsDone) break;
          // Here, while the batch before is being written, not in the write of its own batch.
          bodyFingerprint(event.comment);
          comments.push(event.comment);
          if (plan.grouping === "batch" && comments.length >= batchSize) await flushAhead();
          break;
        case "issue":
          if (plan.grouping === "batch" && itemIndex++ < resume.itemsDone) break;
          issues.push(event.issue);
          if (plan.grouping === "batch" && issues.length >= batchSize) await flushAhead();
          break;
        case "post-end":
          await flush({ postExternalId: event.postExternalId, complete: event.complete });
          break;
      }
    }
    await flush();
    await linkOrphans(sql, publicationId);
  } catch (error) {
    failed = true;
    await settle().catch(() => {});
    await flush().catch(() => {});
    await recordImportIssues(sql, run.id, [{ location: plan.failureLocation, message: errorMessage(error) }]);
  }
  const storeSeconds = (performance.now() - storeStarted) / 1000;

  const scoreStarted = performance.now();
  let scoring: ScoreRunResult | null = null;
  if ((options.scoring ?? "now") === "now") scoring = await scorePendingComments(sql, { publicationId });
  else if (options.scoring === "queue") await options.enqueueScoring?.(publicationId);
  const scoreSeconds = (performance.now() - scoreStarted) / 1000;

  const finished = await finishImportRun(sql, run.id, { failed, actorId: plan.startedById });
  return {
    runId: run.id,
    publicationId,
    status: finished.status,
    resumed: run.resumed,
    progress: finished.progress,
    issueCount: finished.issueCount,
    timings: { storeSeconds, scoreSeconds },
    scoring,
  };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
