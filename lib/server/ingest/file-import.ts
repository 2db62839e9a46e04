import "server-only";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import type { Sql } from "@/lib/db/sql";
import { type ImportFormat, openImportFile } from "@/lib/ingest/files";
import type { IngestIssue, NormalizedComment, NormalizedPost } from "@/lib/ingest/types";
import { moderateNewComments } from "@/lib/server/moderation/auto-moderate";
import { scoreComments } from "@/lib/server/scoring/score-comments";
import {
  emptyProgress,
  finishImportRun,
  type ImportProgress,
  recordImportIssues,
  recordImportProgress,
  startImportRun,
} from "./import-runs";
import { linkReplies, upsertComments, upsertPosts, upsertPublication } from "./store";
import { publicationOrigin } from "./substack-import";

const BATCH = 1000;
const PLATFORM_OF: Record<ImportFormat, "substack" | "disqus" | "wordpress" | "file"> = {
  disqus: "disqus",
  wxr: "wordpress",
  "substack-comments": "substack",
  "substack-archive": "substack",
  "substack-folder": "substack",
  jsonl: "file",
  csv: "file",
};

export interface FileImportOptions {
  path: string;
  /** A publication name or address; otherwise the one the file names, else the file's name. */
  publication?: string;
  startedById?: string | null;
  onProgress?: (progress: ImportProgress & { runId: number }) => void;
}

/** A key for a publication known only by name (file imports): stable, readable, never a real address. */
export function publicationKeyForName(name: string): string {
  const slug =
    name
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "imported";
  return `file://${slug}`;
}

/**
 * Streams an export file into the database in batches (constant memory whatever the file's size): posts are
 * upserted as they appear, comments in batches of 1000, replies linked once every comment is in (parents may
 * come later in a file), then new and changed comments are scored and moderated. Bad rows are recorded on the
 * run with their location; the good ones go in.
 */
export async function importFile(ctx: { db: Db; sql: Sql }, options: FileImportOptions) {
  const opened = await openImportFile(options.path);
  const first = await opened.events.next();
  const named = !first.done && first.value.type === "publication" ? first.value.publication : null;
  const chosen =
    options.publication ??
    named?.baseUrl ??
    named?.name ??
    path.basename(options.path).replace(/\.[^.]+$/, "");
  const isAddress = /^https?:\/\//i.test(chosen) || /\.[a-z]{2,}(\/|$)/i.test(chosen);
  const publicationId = await upsertPublication(ctx.sql, {
    platform: PLATFORM_OF[opened.format],
    name: named?.name ?? chosen,
    baseUrl: isAddress ? publicationOrigin(chosen) : publicationKeyForName(chosen),
    externalId: named?.externalId,
  });
  const run = await startImportRun(ctx.sql, {
    publicationId,
    source: "FILE",
    params: {
      path: path.resolve(options.path),
      format: opened.format,
      publication: options.publication ?? null,
    },
    startedById: options.startedById,
  });

  const postIds = new Map<string, number>();
  const touchedPosts = new Set<number>();
  const changed: number[] = [];
  const progress = emptyProgress();
  let comments: NormalizedComment[] = [];
  let issues: IngestIssue[] = [];
  let failed = false;

  async function storePost(post: NormalizedPost) {
    const ids = await upsertPosts(ctx.sql, publicationId, [post]);
    for (const [k, v] of ids) postIds.set(k, v);
    progress.postsSeen += 1;
    progress.postsDone += 1;
    await recordImportProgress(ctx.sql, run.id, { postsSeen: 1, postsDone: 1 });
  }

  async function flush() {
    if (comments.length > 0) {
      // A comment may name a post the file never described (Disqus threads defined later, bare CSV rows).
      for (const c of comments) {
        if (!postIds.has(c.postExternalId)) {
          await storePost({
            externalId: c.postExternalId,
            slug: null,
            title: "",
            url: null,
            publishedAt: null,
          });
        }
      }
      const counts = await upsertComments(ctx.sql, publicationId, postIds, comments);
      for (const c of comments) touchedPosts.add(postIds.get(c.postExternalId) ?? -1);
      changed.push(...counts.changedIds);
      progress.commentsNew += counts.new;
      progress.commentsUpdated += counts.updated;
      progress.commentsUnchanged += counts.unchanged;
      await recordImportProgress(ctx.sql, run.id, {
        commentsNew: counts.new,
        commentsUpdated: counts.updated,
        commentsUnchanged: counts.unchanged,
      });
      comments = [];
    }
    if (issues.length > 0) {
      await recordImportIssues(ctx.sql, run.id, issues);
      issues = [];
    }
    options.onProgress?.({ ...progress, runId: run.id });
  }

  try {
    const handle = async (event: NonNullable<typeof first.value>) => {
      if (event.type === "post") await storePost(event.post);
      else if (event.type === "comment") comments.push(event.comment);
      else if (event.type === "issue") issues.push(event.issue);
      if (comments.length >= BATCH || issues.length >= BATCH) await flush();
    };
    if (!first.done && first.value.type !== "publication") await handle(first.value);
    for await (const event of opened.events) await handle(event);
    await flush();
    touchedPosts.delete(-1);
    await linkReplies(ctx.sql, [...touchedPosts]);
  } catch (error) {
    failed = true;
    await flush().catch(() => {});
    await recordImportIssues(ctx.sql, run.id, [
      { location: options.path, message: error instanceof Error ? error.message : String(error) },
    ]);
  }
  for (let i = 0; i < changed.length; i += 5000) {
    const ids = changed.slice(i, i + 5000);
    await scoreComments(ctx.sql, { commentIds: ids });
    await moderateNewComments(ctx.db, publicationId, ids);
  }
  const finished = await finishImportRun(ctx.sql, run.id, { failed, actorId: options.startedById });
  return {
    runId: run.id,
    publicationId,
    format: opened.format,
    status: finished.status,
    progress: finished.progress,
    issueCount: finished.issueCount,
  };
}
