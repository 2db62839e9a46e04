import "server-only";
import type { Db } from "@/lib/db/client";
import { inTransaction, type Sql } from "@/lib/db/sql";
import { createSubstackSource, type SubstackSourceOptions } from "@/lib/ingest/substack/client";
import { genericFetchProblem } from "@/lib/ingest/substack/errors";
import type { IngestIssue, NormalizedPost } from "@/lib/ingest/types";
import type { FinishedImportStatus } from "@/lib/schemas/imports";
import { moderateNewComments } from "@/lib/server/moderation/auto-moderate";
import { scoreComments } from "@/lib/server/scoring/score-comments";
import { createGuardedFetch, type GuardOptions } from "./guarded-fetch";
import {
  emptyProgress,
  finishImportRun,
  type ImportProgress,
  recordImportIssues,
  recordImportProgress,
  startImportRun,
} from "./import-runs";
import { linkReplies, markVanished, upsertComments, upsertPosts, upsertPublication } from "./store";

export interface SubstackImportOptions {
  /** The publication's address; only its origin and path are kept. */
  url: string;
  /** Only posts published on or after this day. */
  since?: Date;
  /** At most this many posts, newest first. */
  maxPosts?: number;
  delayMs?: number;
  timeoutMs?: number;
  retries?: number;
  /** The session cookie's value (never stored or logged). */
  cookie?: string;
  /** The name of the variable the cookie came from, recorded on the run instead of the cookie. */
  cookieEnv?: string;
  startedById?: string | null;
  /**
   * Set when the server fetches on a web user's behalf (imports started in the app, scheduled syncs): public
   * https addresses only (guarded-fetch.ts), the publication is its origin (a path is dropped), the cookie goes
   * over https only, and the run records generic problems (kind and status) while the details go to the server
   * log. Unset for the command line, whose operator may fetch any address, http and loopback included.
   */
  webGuard?: GuardOptions;
  /** For tests: fetch, sleep and randomness of the HTTP client. */
  transport?: Pick<SubstackSourceOptions, "fetchImpl" | "sleep" | "random">;
  onProgress?: (progress: ImportProgress & { runId: number; currentPost?: string }) => void;
}

export interface ImportSummary {
  runId: number;
  publicationId: number;
  status: FinishedImportStatus;
  resumed: boolean;
  progress: ImportProgress;
  issueCount: number;
}

export function publicationOrigin(url: string): string {
  const parsed = new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
    throw new Error(`not a web address: ${url}`);
  return parsed.origin + parsed.pathname.replace(/\/+$/, "");
}

/**
 * Imports a Substack publication: pages the archive to an empty page, then per post fetches its body and its
 * whole comment tree and stores them in ONE transaction together with the run's counters and cursor, so a run
 * killed at any moment leaves either all or none of a post, and the next run of the same import resumes after
 * the last post it finished. Every write is an idempotent upsert: running it again creates nothing new.
 * A post that fails after the client's retries is recorded on the run and the import goes on.
 */
export async function importSubstack(
  ctx: { db: Db; sql: Sql },
  options: SubstackImportOptions,
): Promise<ImportSummary> {
  const web = options.webGuard;
  const baseUrl = web ? new URL(publicationOrigin(options.url)).origin : publicationOrigin(options.url);
  const publicationId = await upsertPublication(ctx.sql, {
    platform: "substack",
    name: new URL(baseUrl).hostname,
    baseUrl,
  });
  const params = {
    url: baseUrl,
    since: options.since?.toISOString().slice(0, 10) ?? null,
    posts: options.maxPosts ?? null,
    cookieEnv: options.cookieEnv ?? null,
  };
  const run = await startImportRun(ctx.sql, {
    publicationId,
    source: "SUBSTACK",
    params,
    startedById: options.startedById,
  });
  // Over http the cookie would travel in the clear; the command line's operator decides for themselves.
  const cookieWithheld = web !== undefined && options.cookie !== undefined && !baseUrl.startsWith("https:");
  const source = createSubstackSource({
    baseUrl,
    cookie: cookieWithheld ? undefined : options.cookie,
    delayMs: options.delayMs ?? 1000,
    timeoutMs: options.timeoutMs ?? 20_000,
    retries: options.retries ?? 4,
    ...(web ? { fetchImpl: createGuardedFetch(web) } : {}),
    ...options.transport,
  });
  if (cookieWithheld) {
    await recordImportIssues(ctx.sql, run.id, [
      { location: "cookie", message: "the session cookie is sent over https only: it was not sent" },
    ]);
  }
  const issueFrom = (location: string, error: unknown): IngestIssue => {
    const detail = error instanceof Error ? error.message : String(error);
    if (!web) return { location, message: detail };
    console.error(`import run ${run.id} (${baseUrl}), ${location}: ${detail}`);
    return { location, message: genericFetchProblem(error) };
  };
  const progress = emptyProgress();
  const report = (currentPost?: string) => options.onProgress?.({ ...progress, runId: run.id, currentPost });

  let failed = false;
  const posts: NormalizedPost[] = [];
  try {
    collect: for await (const page of source.archivePages()) {
      for (const post of page) {
        if (options.since && post.publishedAt && post.publishedAt < options.since) break collect;
        posts.push(post);
        if (options.maxPosts !== undefined && posts.length >= options.maxPosts) break collect;
      }
    }
  } catch (error) {
    failed = true;
    await recordImportIssues(ctx.sql, run.id, [issueFrom("archive", error)]);
  }

  if (!failed) {
    const postIds = await upsertPosts(ctx.sql, publicationId, posts);
    progress.postsTotal = posts.length;
    progress.postsSeen = posts.length;
    await recordImportProgress(ctx.sql, run.id, {
      postsTotal: posts.length,
      postsSeen: run.resumed ? 0 : posts.length,
    });
    report();
    for (const post of posts) {
      if (run.doneExternalIds.has(post.externalId)) {
        progress.postsDone += 1;
        continue;
      }
      report(post.title);
      const postId = postIds.get(post.externalId);
      if (postId === undefined) continue;
      const issues: IngestIssue[] = [];
      let full: NormalizedPost | null = null;
      if (post.slug) {
        try {
          full = await source.getPost(post.slug);
        } catch (error) {
          issues.push(issueFrom(`post ${post.externalId} body`, error));
        }
      }
      let fetched: Awaited<ReturnType<typeof source.getComments>> | null = null;
      try {
        fetched = await source.getComments(post.externalId);
        issues.push(...fetched.issues);
      } catch (error) {
        issues.push(issueFrom(`post ${post.externalId} comments`, error));
      }
      const hiddenFromUs =
        fetched !== null && fetched.comments.length === 0 && (post.upstreamCommentCount ?? 0) > 0;
      if (hiddenFromUs) {
        issues.push({
          location: `post ${post.externalId} comments`,
          message: `Substack answered no comments although the post has ${post.upstreamCommentCount}: this publication may show comments only to signed-in readers (give the author's session cookie with --cookie-env)`,
        });
      }
      const changedIds = await ctx.sql.begin(async (transaction) => {
        const tx = inTransaction(transaction);
        if (full?.bodyHtml) await upsertPosts(tx, publicationId, [{ ...post, bodyHtml: full.bodyHtml }]);
        let counts = { new: 0, updated: 0, unchanged: 0, changedIds: [] as number[] };
        let vanished = 0;
        if (fetched && !hiddenFromUs) {
          counts = await upsertComments(
            tx,
            publicationId,
            new Map([[post.externalId, postId]]),
            fetched.comments,
          );
          await linkReplies(tx, [postId]);
          vanished = await markVanished(
            tx,
            postId,
            fetched.comments.map((c) => c.externalId),
          );
        }
        await recordImportProgress(tx, run.id, {
          postsDone: 1,
          commentsNew: counts.new,
          commentsUpdated: counts.updated,
          commentsUnchanged: counts.unchanged,
          commentsVanished: vanished,
          // A post whose comments could not be fetched is not done: a resumed run tries it again.
          donePostExternalId: fetched ? post.externalId : undefined,
        });
        await recordImportIssues(tx, run.id, issues);
        progress.postsDone += 1;
        progress.commentsNew += counts.new;
        progress.commentsUpdated += counts.updated;
        progress.commentsUnchanged += counts.unchanged;
        progress.commentsVanished += vanished;
        return counts.changedIds;
      });
      // New and edited comments are scored and moderated right away, so the dashboard never waits for them.
      await scoreComments(ctx.sql, { commentIds: changedIds });
      await moderateNewComments(ctx.db, publicationId, changedIds);
      report();
    }
  }
  const finished = await finishImportRun(ctx.sql, run.id, { failed, actorId: options.startedById });
  return {
    runId: run.id,
    publicationId,
    status: finished.status,
    resumed: run.resumed,
    progress: finished.progress,
    issueCount: finished.issueCount,
  };
}
