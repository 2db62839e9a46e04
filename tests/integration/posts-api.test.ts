import { beforeAll, describe, expect, test } from "vitest";
import { GET } from "@/app/api/posts/route";
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
    const response = await GET(apiRequest("/api/posts?limit=5", { session: viewer }), routeContext());
    expect(response.status).toBe(400);
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
});
