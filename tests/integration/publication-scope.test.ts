import { beforeAll, describe, expect, test } from "vitest";
import { POST as approvePOST } from "@/app/api/comments/[commentId]/approve/route";
import { GET as flagsGET } from "@/app/api/flags/route";
import { GET as countsGET } from "@/app/api/moderation/counts/route";
import { GET as logCsvGET } from "@/app/api/moderation/log/csv/route";
import { GET as logGET } from "@/app/api/moderation/log/route";
import { GET as queueGET } from "@/app/api/moderation/queue/route";
import { GET as agreementGET } from "@/app/api/posts/agreement/route";
import { GET as headlineGET } from "@/app/api/posts/headline/route";
import { GET as postsGET } from "@/app/api/posts/route";
import { GET as exportGET } from "@/app/api/publications/[publicationId]/export/route";
import { GET as searchGET } from "@/app/api/search/route";
import type { LogPage } from "@/lib/schemas/moderation-log";
import type { QueueCounts, QueuePage } from "@/lib/schemas/moderation-queue";
import type { Agreement, Headline } from "@/lib/schemas/overview";
import type { OpenPostFlagList } from "@/lib/schemas/post-flags";
import type { PostListResponse } from "@/lib/schemas/posts";
import { PUBLICATION_SCOPE_COOKIE } from "@/lib/schemas/publication-scope";
import type { SearchResult } from "@/lib/schemas/search";
import { changeUserRole } from "@/lib/server/users";
import { resetDatabase, useTestDatabase } from "../support/database";
import { apiRequest, routeContext, signedIn, type TestSession } from "../support/sessions";
import { makeComment, makeCommenter, makePublication } from "./moderation-fixtures";

const { db, sql } = useTestDatabase();
let moderator: TestSession;
/** Two publications: Alpha with 2 comments, Beta with 3; each has one post, one post flag, one decision. */
const alpha = { publicationId: 0, postId: 0, comments: [] as number[] };
const beta = { publicationId: 0, postId: 0, comments: [] as number[] };

beforeAll(async () => {
  await resetDatabase(sql);
  moderator = await signedIn("MODERATOR");
  for (const [target, name, count] of [
    [alpha, "Alpha Letter", 2],
    [beta, "Beta Review", 3],
  ] as const) {
    const { publication, post } = await makePublication(db, name);
    target.publicationId = publication.id;
    target.postId = post.id;
    const commenter = await makeCommenter(db, publication.id, `reader-of-${publication.id}`);
    for (let i = 0; i < count; i++) {
      const comment = await makeComment(
        db,
        { publicationId: publication.id, postId: post.id, commenterId: commenter.id },
        { body: `the treaty of ${name} comment ${i}`, status: "SYSTEM_WITHHELD", score: { flag: true } },
      );
      target.comments.push(comment.id);
    }
    await db.flag.create({ data: { postId: post.id, postReason: "HEATED_THREAD", status: "OPEN" } });
    const approved = await approvePOST(
      apiRequest(`/api/comments/${target.comments[0]}/approve`, {
        method: "POST",
        session: moderator,
        body: {},
      }),
      routeContext({ commentId: String(target.comments[0]) }),
    );
    expect(approved.status).toBe(200);
  }
});

type Handler = (request: Request, context: { params?: Promise<unknown> }) => Promise<Response>;

/** Calls a route as the moderator; `scope` is the switcher's cookie value (undefined: no cookie). */
async function call(handler: Handler, path: string, scope?: string, params: Record<string, string> = {}) {
  const cookie = [
    moderator.headers.cookie,
    scope === undefined ? null : `${PUBLICATION_SCOPE_COOKIE}=${scope}`,
  ]
    .filter(Boolean)
    .join("; ");
  const response = await handler(
    apiRequest(path, { session: moderator, headers: { cookie } }),
    routeContext(params),
  );
  expect(response.status, await response.clone().text()).toBe(200);
  return response;
}
const json = async <T>(handler: Handler, path: string, scope?: string) =>
  (await (await call(handler, path, scope)).json()) as T;

describe("the switcher's cookie scopes every overview API", () => {
  test("posts: all without a cookie, one publication's with it, an explicit parameter wins", async () => {
    const ids = async (path: string, scope?: string) =>
      (await json<PostListResponse>(postsGET, path, scope)).posts.map((p) => p.id).sort();
    expect(await ids("/api/posts")).toEqual([alpha.postId, beta.postId].sort());
    expect(await ids("/api/posts", String(alpha.publicationId))).toEqual([alpha.postId]);
    expect(await ids("/api/posts", String(beta.publicationId))).toEqual([beta.postId]);
    expect(await ids(`/api/posts?publicationId=${beta.publicationId}`, String(alpha.publicationId))).toEqual([
      beta.postId,
    ]);
  });

  test("a cookie that names no publication, or is malformed, means every publication", async () => {
    for (const scope of ["999999", "abc", "-1", "1e3", ""]) {
      const { posts } = await json<PostListResponse>(postsGET, "/api/posts", scope);
      expect(posts, scope).toHaveLength(2);
    }
  });

  test("headline figures count only the publication's comments", async () => {
    const comments = async (scope?: string) =>
      (await json<Headline>(headlineGET, "/api/posts/headline", scope)).current.comments;
    expect(await comments()).toBe(5);
    expect(await comments(String(alpha.publicationId))).toBe(2);
    expect(await comments(String(beta.publicationId))).toBe(3);
  });

  test("agreement and open post flags", async () => {
    expect(
      (await json<Agreement>(agreementGET, "/api/posts/agreement", String(alpha.publicationId))).reviewed,
    ).toBe(0);
    const flagged = async (scope?: string) =>
      (await json<OpenPostFlagList>(flagsGET, "/api/flags", scope)).flags.map((f) => f.post.id).sort();
    expect(await flagged()).toEqual([alpha.postId, beta.postId].sort());
    expect(await flagged(String(beta.publicationId))).toEqual([beta.postId]);
  });
});

describe("the queue, the log and search follow the same scope", () => {
  test("queue tabs and their counts", async () => {
    const page = await json<QueuePage>(
      queueGET,
      "/api/moderation/queue?tab=all",
      String(alpha.publicationId),
    );
    expect(page.items.map((i) => i.id).sort()).toEqual([...alpha.comments].sort());
    const counts = await json<QueueCounts>(countsGET, "/api/moderation/counts", String(beta.publicationId));
    expect(counts.all).toBe(3);
    // two withheld comments of Beta's three are left to review (one was approved)
    expect(counts.needs_review).toBe(2);
    expect((await json<QueueCounts>(countsGET, "/api/moderation/counts")).all).toBe(5);
  });

  test("the log and its CSV show the publication's rows and the account actions, not the other's rows", async () => {
    // An account action belongs to no publication: it holds for every one.
    const author = await signedIn("AUTHOR");
    await changeUserRole(author.userId, moderator.userId, "MODERATOR");
    const rows = (await json<LogPage>(logGET, "/api/moderation/log", String(alpha.publicationId))).rows;
    expect(rows.length).toBeGreaterThan(1);
    expect(new Set(rows.map((r) => r.publicationId))).toEqual(new Set([alpha.publicationId, null]));
    expect(rows.find((r) => r.publicationId === null)?.targetType).toBe("USER");
    const everything = (await json<LogPage>(logGET, "/api/moderation/log")).rows;
    expect(new Set(everything.map((r) => r.publicationId))).toContain(beta.publicationId);
    const csv = await (await call(logCsvGET, "/api/moderation/log/csv", String(beta.publicationId))).text();
    const [header, ...lines] = csv.trim().split("\n");
    const column = header!.split(",").indexOf("publication_id");
    expect(lines.length).toBeGreaterThan(1);
    expect(new Set(lines.map((line) => line.split(",")[column]))).toEqual(
      new Set([String(beta.publicationId), ""]),
    );
  });

  test("search", async () => {
    const hits = async (scope?: string) =>
      (await json<SearchResult>(searchGET, "/api/search?q=treaty", scope)).hits.length;
    expect(await hits()).toBe(5);
    expect(await hits(String(alpha.publicationId))).toBe(2);
  });
});

describe("a publication's export", () => {
  test("every comment of that publication, none of the other's", async () => {
    const response = await call(
      exportGET,
      `/api/publications/${beta.publicationId}/export?format=json`,
      undefined,
      {
        publicationId: String(beta.publicationId),
      },
    );
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="marginalia-Beta-Review-comments.json"',
    );
    const records = (await response.json()) as { publication: string }[];
    expect(records).toHaveLength(3);
    expect(new Set(records.map((r) => r.publication))).toEqual(new Set(["Beta Review"]));
  });

  test("an unknown publication is 404", async () => {
    const response = await exportGET(
      apiRequest("/api/publications/999999/export", { session: moderator }),
      routeContext({ publicationId: "999999" }),
    );
    expect(response.status).toBe(404);
  });
});
