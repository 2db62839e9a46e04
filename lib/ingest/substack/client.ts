/**
 * The Substack source: pages the archive, fetches a post's body and a post's whole comment tree through the
 * polite HTTP client, and hands back normalized values. The session cookie only ever travels in a header.
 */
import { createHttpClient, HttpError, type RetryInfo } from "@/lib/ingest/http";
import type { IngestIssue, NormalizedComment, NormalizedPost } from "@/lib/ingest/types";
import { IngestFetchError } from "./errors";
import {
  normalizeCommentsResponse,
  parseArchivePage,
  parseSinglePost,
  SubstackShapeError,
} from "./normalize";

export interface SubstackSourceOptions {
  /** The publication address, e.g. "https://example.substack.com" (a trailing slash is fine). */
  baseUrl: string;
  /** The `substack.sid` session cookie: a bare value or a "substack.sid=…" string. */
  cookie?: string;
  /** Pause between consecutive requests. Public scrapers use about 2000 ms. */
  delayMs: number;
  timeoutMs: number;
  /** Extra attempts on network errors, timeouts, 429 and 5xx. */
  retries: number;
  /** How many posts to ask for per archive page (the server may answer fewer). Default 12. */
  pageSize?: number;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** The clock the pause between requests is measured on (ms); Date.now by default. */
  now?: () => number;
  /** Called before every HTTP attempt; for progress output. */
  onRequest?: (info: { url: string; attempt: number }) => void;
  onRetry?: (info: RetryInfo) => void;
}

export interface SubstackComments {
  /** Flattened in tree order: each comment before its replies; automod-hidden trees last. */
  comments: NormalizedComment[];
  /** Soft problems, e.g. an ancestor_path that disagrees with the nesting. */
  issues: IngestIssue[];
}

export interface SubstackSource {
  readonly baseUrl: string;
  /** Yields archive pages (newest first) until the server answers an empty page. */
  archivePages(): AsyncGenerator<NormalizedPost[]>;
  /** The post with `bodyHtml`, looked up by slug (Substack answers 404 by numeric id). */
  getPost(slug: string): Promise<NormalizedPost>;
  /** The whole comment tree of one post, oldest first. */
  getComments(postExternalId: string): Promise<SubstackComments>;
}

/**
 * The Cookie header value for a session cookie given bare or as "substack.sid=…". Refuses characters a
 * header cannot carry here, because fetch's own error for them would quote the cookie.
 */
export function substackCookieHeader(cookie: string): string {
  const trimmed = cookie.trim().replace(/^cookie:\s*/i, "");
  if (trimmed === "" || /[^\x20-\x7e]/.test(trimmed)) {
    throw new TypeError(
      "the Substack session cookie is empty or holds characters that cannot be sent in a header",
    );
  }
  return trimmed.startsWith("substack.sid=") ? trimmed : `substack.sid=${trimmed}`;
}

export function createSubstackSource(options: SubstackSourceOptions): SubstackSource {
  const parsedBase = new URL(options.baseUrl);
  const baseUrl = parsedBase.origin + parsedBase.pathname.replace(/\/+$/, "");
  const pageSize = options.pageSize ?? 12;
  const http = createHttpClient({
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    minDelayMs: options.delayMs,
    headers: options.cookie ? { cookie: substackCookieHeader(options.cookie) } : {},
    fetchImpl: options.fetchImpl,
    sleep: options.sleep,
    random: options.random,
    now: options.now,
    onRequest: options.onRequest,
    onRetry: options.onRetry,
  });

  async function fetchAndParse<T>(path: string, parse: (json: unknown) => T): Promise<T> {
    const url = `${baseUrl}${path}`;
    let json: unknown;
    try {
      json = await http.getJson(url);
    } catch (error) {
      if (error instanceof HttpError) {
        throw new IngestFetchError(url, error.message.replace(` (${url})`, ""), {
          status: error.status,
          cause: error,
        });
      }
      throw error;
    }
    try {
      return parse(json);
    } catch (error) {
      if (error instanceof SubstackShapeError) {
        throw new IngestFetchError(url, `unexpected response shape: ${error.message}`, { cause: error });
      }
      throw error;
    }
  }

  return {
    baseUrl,
    async *archivePages() {
      const seen = new Set<string>();
      for (let offset = 0; ; ) {
        const path = `/api/v1/archive?sort=new&offset=${offset}&limit=${pageSize}`;
        const page = await fetchAndParse(path, parseArchivePage);
        if (page.length === 0) return;
        // A server that ignores `offset` would otherwise be paged forever.
        if (page.every((post) => seen.has(post.externalId))) {
          throw new IngestFetchError(
            `${baseUrl}${path}`,
            "archive paging is not advancing: the page repeats posts already seen",
          );
        }
        for (const post of page) seen.add(post.externalId);
        yield page;
        offset += page.length;
      }
    },
    getPost(slug) {
      return fetchAndParse(`/api/v1/posts/${encodeURIComponent(slug)}`, parseSinglePost);
    },
    getComments(postExternalId) {
      const issues: IngestIssue[] = [];
      const path = `/api/v1/post/${encodeURIComponent(postExternalId)}/comments?all_comments=true&sort=oldest_first`;
      return fetchAndParse(path, (json) => ({
        comments: normalizeCommentsResponse(json, postExternalId, (issue) => issues.push(issue)),
        issues,
      }));
    },
  };
}
