/**
 * A local stand-in for a Substack publication's JSON API, for tests: node:http on 127.0.0.1, port 0.
 * Serves the project-written fixture in tests/fixtures/substack, lets a test change it between imports,
 * inject faults per path, require a session cookie per post, and count requests per path.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import {
  buildComment,
  buildForeignPolicyFixture,
  countedComments,
  findComment,
  type PublicationFixture,
  type SubstackCommentJson,
  type SubstackCommentsJson,
} from "@/tests/fixtures/substack/foreign-policy";

export type Fault =
  /** Answer this status (e.g. 429, 503) with an optional Retry-After header. */
  | { kind: "status"; status: number; retryAfter?: string }
  /** Send nothing for `ms` (longer than the client's timeout); the request then gets a 504. */
  | { kind: "hang"; ms: number }
  /** Answer 200 with a body that is not JSON. */
  | { kind: "malformed-json" }
  /** Answer 200 with valid JSON of the wrong shape. */
  | { kind: "wrong-shape"; body: unknown }
  /** Destroy the socket without answering (a network error on the client). */
  | { kind: "reset" };

export interface RecordedRequest {
  method: string;
  /** The pathname, e.g. "/api/v1/post/101/comments". */
  path: string;
  /** The query string including "?", or "". */
  search: string;
  /** Whether the request carried the publication's session cookie. The value itself is not recorded. */
  hadSessionCookie: boolean;
  /** Milliseconds since the server started. */
  at: number;
}

export interface FakeSubstackOptions {
  /** The most posts one archive page holds whatever `limit` says (real Substack caps at 12–15). Default 2. */
  pageSize?: number;
  /** The `substack.sid` value that unlocks cookie-only posts. Default "test-session-cookie". */
  sessionCookie?: string;
  /** Start from this fixture instead of the foreign-policy one. */
  fixture?: PublicationFixture;
}

export interface NewComment {
  postId: number;
  /** The comment replied to; null or absent for a top-level comment. */
  parentId?: number | null;
  body: string;
  date: string;
  user?: { id: number; name: string; handle: string };
  /** Defaults to one more than the largest id in the fixture. */
  id?: number;
  automodHidden?: boolean;
}

export interface FakeSubstackState {
  /** The live fixture; tests may read it or change it directly. */
  readonly fixture: PublicationFixture;
  /** Post ids whose comments only callers with the session cookie can see. */
  readonly cookieOnlyPostIds: Set<string>;
  readonly sessionCookie: string;
  editComment(commentId: number, body: string, editedAt: string): void;
  /** Removes a comment and its replies, as if they had vanished upstream. */
  removeComment(commentId: number): void;
  addComment(comment: NewComment): SubstackCommentJson;
  setCookieOnly(postId: number | string, cookieOnly?: boolean): void;
}

export interface FakeSubstackFaults {
  /** Queues `fault` for the next `times` requests to exactly `path` (a pathname). */
  add(path: string, fault: Fault, times?: number): void;
  clear(): void;
}

export interface FakeSubstackRequests {
  readonly all: readonly RecordedRequest[];
  count(path: string): number;
  reset(): void;
}

export interface FakeSubstack {
  /** The base URL, e.g. "http://127.0.0.1:53121". */
  url: string;
  state: FakeSubstackState;
  faults: FakeSubstackFaults;
  requests: FakeSubstackRequests;
  close(): Promise<void>;
}

export async function startFakeSubstack(options: FakeSubstackOptions = {}): Promise<FakeSubstack> {
  const pageSize = options.pageSize ?? 2;
  const sessionCookie = options.sessionCookie ?? "test-session-cookie";
  const startedAt = Date.now();
  const recorded: RecordedRequest[] = [];
  const pendingFaults = new Map<string, Fault[]>();
  const hangTimers = new Set<NodeJS.Timeout>();
  let baseUrl = "";
  let fixture: PublicationFixture = options.fixture ?? buildForeignPolicyFixture();

  const state: FakeSubstackState = {
    get fixture() {
      return fixture;
    },
    cookieOnlyPostIds: new Set<string>(),
    sessionCookie,
    editComment(commentId, body, editedAt) {
      const found = locate(commentId);
      found.comment.body = body;
      found.comment.edited_at = editedAt;
    },
    removeComment(commentId) {
      const found = locate(commentId);
      found.siblings.splice(found.siblings.indexOf(found.comment), 1);
    },
    addComment(comment) {
      const answer = fixture.comments.get(String(comment.postId));
      if (!answer) throw new Error(`no post ${comment.postId} in the fixture`);
      const parent = comment.parentId != null ? locate(comment.parentId).comment : null;
      const ancestors = parent
        ? [...(parent.ancestor_path ? parent.ancestor_path.split(".").map(Number) : []), parent.id]
        : [];
      const built = buildComment(
        {
          id: comment.id ?? nextCommentId(),
          by: comment.user ?? { id: 9999, name: "New Reader", handle: "newreader" },
          body: comment.body,
          date: comment.date,
        },
        comment.postId,
        ancestors,
      );
      if (parent) {
        parent.children.push(built);
        parent.children_count = parent.children.length;
      } else if (comment.automodHidden) answer.automod_hidden_comments.push(built);
      else answer.comments.push(built);
      return built;
    },
    setCookieOnly(postId, cookieOnly = true) {
      if (cookieOnly) state.cookieOnlyPostIds.add(String(postId));
      else state.cookieOnlyPostIds.delete(String(postId));
    },
  };

  function locate(commentId: number) {
    for (const answer of fixture.comments.values()) {
      const found = findComment(answer, commentId);
      if (found) return found;
    }
    throw new Error(`no comment ${commentId} in the fixture`);
  }

  function nextCommentId(): number {
    let max = 0;
    for (const answer of fixture.comments.values()) {
      const stack = [...answer.comments, ...answer.automod_hidden_comments];
      for (let node = stack.pop(); node; node = stack.pop()) {
        max = Math.max(max, node.id);
        stack.push(...node.children);
      }
    }
    return max + 1;
  }

  const faults: FakeSubstackFaults = {
    add(path, fault, times = 1) {
      const queue = pendingFaults.get(path) ?? [];
      for (let i = 0; i < times; i++) queue.push(fault);
      pendingFaults.set(path, queue);
    },
    clear() {
      pendingFaults.clear();
    },
  };

  const requests: FakeSubstackRequests = {
    get all() {
      return recorded;
    },
    count(path) {
      return recorded.filter((r) => r.path === path).length;
    },
    reset() {
      recorded.length = 0;
    },
  };

  function hasSessionCookie(header: string | undefined): boolean {
    if (!header) return false;
    return header.split(";").some((part) => part.trim() === `substack.sid=${sessionCookie}`);
  }

  function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
    res.end(text);
  }

  function applyFault(fault: Fault, req: http.IncomingMessage, res: http.ServerResponse): void {
    switch (fault.kind) {
      case "status": {
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (fault.retryAfter !== undefined) headers["retry-after"] = fault.retryAfter;
        res.writeHead(fault.status, headers);
        res.end(JSON.stringify({ error: `injected ${fault.status}` }));
        return;
      }
      case "hang": {
        const timer = setTimeout(() => {
          hangTimers.delete(timer);
          if (!res.writableEnded && !res.destroyed) sendJson(res, 504, { error: "hung" });
        }, fault.ms);
        hangTimers.add(timer);
        return;
      }
      case "malformed-json":
        res.writeHead(200, { "content-type": "application/json" });
        res.end('{"comments": [ {"id": 1, "body": "unterminated');
        return;
      case "wrong-shape":
        sendJson(res, 200, fault.body);
        return;
      case "reset":
        req.socket.destroy();
        return;
    }
  }

  function route(url: URL, hadCookie: boolean, res: http.ServerResponse): void {
    const path = url.pathname;
    if (path === "/api/v1/archive") {
      const offset = Math.max(0, Number(url.searchParams.get("offset") ?? 0) || 0);
      const limit = Math.max(1, Number(url.searchParams.get("limit") ?? pageSize) || pageSize);
      const page = fixture.posts.slice(offset, offset + Math.min(limit, pageSize)).map((post) => {
        const { body_html: _body, ...entry } = post;
        const answer = fixture.comments.get(String(post.id));
        return { ...entry, comment_count: answer ? countedComments(answer) : 0 };
      });
      sendJson(res, 200, page);
      return;
    }
    const single = /^\/api\/v1\/posts\/([^/]+)$/.exec(path);
    if (single) {
      const post = fixture.posts.find((p) => p.slug === decodeURIComponent(single[1] ?? ""));
      if (post) sendJson(res, 200, post);
      else sendJson(res, 404, { error: "Post not found" });
      return;
    }
    const comments = /^\/api\/v1\/post\/([^/]+)\/comments$/.exec(path);
    if (comments) {
      const postId = decodeURIComponent(comments[1] ?? "");
      const answer = fixture.comments.get(postId);
      if (!answer) {
        sendJson(res, 404, { error: "Post not found" });
        return;
      }
      const locked = state.cookieOnlyPostIds.has(postId) && !hadCookie;
      const empty: SubstackCommentsJson = { comments: [], automod_hidden_comments: [] };
      sendJson(res, 200, locked ? empty : answer);
      return;
    }
    sendJson(res, 404, { error: "Not found" });
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const hadCookie = hasSessionCookie(req.headers.cookie);
    recorded.push({
      method: req.method ?? "GET",
      path: url.pathname,
      search: url.search,
      hadSessionCookie: hadCookie,
      at: Date.now() - startedAt,
    });
    const fault = pendingFaults.get(url.pathname)?.shift();
    if (fault) {
      applyFault(fault, req, res);
      return;
    }
    route(url, hadCookie, res);
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${address.port}`;
  if (!options.fixture) fixture = buildForeignPolicyFixture(baseUrl);

  return {
    url: baseUrl,
    state,
    faults,
    requests,
    close() {
      for (const timer of hangTimers) clearTimeout(timer);
      hangTimers.clear();
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
