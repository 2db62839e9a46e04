import { beforeAll, describe, expect, test } from "vitest";
import { GET } from "@/app/api/posts/route";
import type { PostListResponse } from "@/lib/schemas/posts";
import { seedDemo } from "@/lib/server/demo/seed";
import { resetDatabase, useTestDatabase } from "../support/database";
import { apiRequest, routeContext, signedIn, type TestSession } from "../support/sessions";

const { db, sql } = useTestDatabase();
let viewer: TestSession;

beforeAll(async () => {
  await resetDatabase(sql);
  await seedDemo();
  viewer = await signedIn("VIEWER");
});

describe("GET /api/posts", () => {
  test("answers 401 to an anonymous caller", async () => {
    const response = await GET(apiRequest("/api/posts"), routeContext());
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "unauthenticated", message: "sign in first" } });
  });

  test("answers 400 to an unknown parameter", async () => {
    for (const query of ["bogus=1", "limit=0", "limit=201", "cursor=not-one-we-gave"]) {
      const response = await GET(apiRequest(`/api/posts?${query}`, { session: viewer }), routeContext());
      expect(response.status, query).toBe(400);
    }
  });

  test("lists every post with counts that match the comment table", async () => {
    const response = await GET(apiRequest("/api/posts", { session: viewer }), routeContext());
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      posts: { id: number; comments: number; scored: number; tones: Record<string, number> }[];
    };
    expect(body.posts).toHaveLength(await db.post.count());
    for (const post of body.posts) {
      expect(post.comments).toBe(await db.comment.count({ where: { postId: post.id, body: { not: null } } }));
      const toneTotal = Object.values(post.tones).reduce((a, b) => a + b, 0);
      expect(toneTotal).toBe(post.scored);
    }
  });

  test("pages through every post newest first by cursor, with the total and the flagged posts on the first page", async () => {
    const everyPost = await sql<{ id: number; flagged: boolean }[]>`
      SELECT p.id, coalesce(r.open_flags, 0) > 0 AS flagged FROM post p LEFT JOIN post_rollup r ON r.post_id = p.id
      ORDER BY p.published_at DESC NULLS LAST, p.id DESC`;
    expect(everyPost.length).toBeGreaterThan(4);
    // Two posts share a date: the id breaks the tie, and paging neither skips nor repeats them.
    await sql`UPDATE post SET published_at = (SELECT published_at FROM post WHERE id = ${everyPost[1]!.id})
              WHERE id = ${everyPost[2]!.id}`;
    const expected = (
      await sql<{ id: number }[]>`SELECT id FROM post ORDER BY published_at DESC NULLS LAST, id DESC`
    ).map((p) => p.id);
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `limit=2&cursor=${encodeURIComponent(cursor)}` : "limit=2";
      const response = await GET(apiRequest(`/api/posts?${query}`, { session: viewer }), routeContext());
      expect(response.status).toBe(200);
      const body = (await response.json()) as PostListResponse;
      expect(body.total).toBe(expected.length);
      if (pages === 0) {
        expect(body.flagged?.total).toBe(everyPost.filter((p) => p.flagged).length);
        expect(body.flagged?.posts.every((p) => p.openFlags > 0)).toBe(true);
      } else expect(body.flagged).toBeNull();
      expect(body.posts.length).toBeLessThanOrEqual(2);
      seen.push(...body.posts.map((p) => p.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 2));
  });
});
