import "server-only";
import type { Sql } from "@/lib/db/sql";
import { createSubstackSource, type SubstackSourceOptions } from "@/lib/ingest/substack/client";
import { genericFetchProblem } from "@/lib/ingest/substack/errors";
import type { IngestIssue, NormalizedPost } from "@/lib/ingest/types";
import { createGuardedFetch, type GuardOptions } from "./guarded-fetch";
import type { ImportProgress } from "./import-runs";
import {
  errorMessage,
  type ImportSummary,
  type PipelineEvent,
  type RunImportOptions,
  runImport,
} from "./pipeline";

export type { ImportSummary } from "./pipeline";

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
  scoring?: RunImportOptions["scoring"];
  enqueueScoring?: RunImportOptions["enqueueScoring"];
}

export function publicationOrigin(url: string): string {
  const parsed = new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
    throw new Error(`not a web address: ${url}`);
  return parsed.origin + parsed.pathname.replace(/\/+$/, "");
}

/**
 * Imports a Substack publication through the import pipeline: pages the archive to an empty page, then per
 * post fetches its body and its whole comment tree, which the pipeline stores in ONE transaction together with
 * the run's counters and cursor, so a run killed at any moment leaves either all or none of a post, and the
 * next run of the same import resumes after the last post it finished. Every write is an idempotent upsert:
 * running it again creates nothing new. A post that fails after the client's retries is recorded on the run
 * and the import goes on.
 */
export async function importSubstack(sql: Sql, options: SubstackImportOptions): Promise<ImportSummary> {
  const web = options.webGuard;
  const baseUrl = web ? new URL(publicationOrigin(options.url)).origin : publicationOrigin(options.url);
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
  const issueSource = { baseUrl, web, cookieWithheld };
  return runImport(
    sql,
    {
      source: "SUBSTACK",
      publication: { platform: "substack", name: new URL(baseUrl).hostname, baseUrl },
      params: {
        url: baseUrl,
        since: options.since?.toISOString().slice(0, 10) ?? null,
        posts: options.maxPosts ?? null,
        cookieEnv: options.cookieEnv ?? null,
      },
      startedById: options.startedById,
      grouping: "post",
      failureLocation: "archive",
      events: (resume, runId) => substackEvents(source, options, resume.donePosts, { ...issueSource, runId }),
    },
    { scoring: options.scoring, enqueueScoring: options.enqueueScoring, onProgress: options.onProgress },
  );
}

async function* substackEvents(
  source: ReturnType<typeof createSubstackSource>,
  options: SubstackImportOptions,
  donePosts: ReadonlySet<string>,
  context: { baseUrl: string; web: GuardOptions | undefined; cookieWithheld: boolean; runId: number },
): AsyncGenerator<PipelineEvent> {
  // From the web, the run shows a generic problem (kind and status); the details go to the server log only.
  const issueFrom = (location: string, error: unknown): IngestIssue => {
    const detail = errorMessage(error);
    if (!context.web) return { location, message: detail };
    console.error(`import run ${context.runId} (${context.baseUrl}), ${location}: ${detail}`);
    return { location, message: genericFetchProblem(error) };
  };
  if (context.cookieWithheld)
    yield {
      type: "issue",
      issue: { location: "cookie", message: "the session cookie is sent over https only: it was not sent" },
    };
  // Without the whole archive the run cannot know which posts it covers: an error here fails it ("archive").
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
    throw new Error(issueFrom("archive", error).message);
  }
  for (const post of posts) yield { type: "post", post };
  yield { type: "posts-total", total: posts.length };
  for (const post of posts) {
    if (donePosts.has(post.externalId)) continue;
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
    yield { type: "post-detail", post: full?.bodyHtml ? { ...post, bodyHtml: full.bodyHtml } : post };
    if (fetched && !hiddenFromUs) for (const comment of fetched.comments) yield { type: "comment", comment };
    for (const issue of issues) yield { type: "issue", issue };
    // A post whose comments could not be fetched is not done (a resumed run tries it again) and marks
    // nothing vanished.
    yield { type: "post-end", postExternalId: post.externalId, complete: fetched !== null && !hiddenFromUs };
  }
}
