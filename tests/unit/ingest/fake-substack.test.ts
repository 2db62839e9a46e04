import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { fixtureCounts } from "@/tests/fixtures/substack/foreign-policy";
import { type FakeSubstack, startFakeSubstack } from "@/tests/support/fake-substack";

let fake: FakeSubstack;
beforeEach(async () => {
  fake = await startFakeSubstack();
});
afterEach(async () => {
  await fake.close();
});

const get = async (path: string, cookie?: string) => {
  const response = await fetch(`${fake.url}${path}`, { headers: cookie ? { cookie } : {} });
  return { status: response.status, body: (await response.json()) as unknown, headers: response.headers };
};

describe("fake Substack", () => {
  test("caps archive pages and recomputes comment_count after changes", async () => {
    expect((await get("/api/v1/archive?sort=new&offset=0&limit=50")).body).toHaveLength(2);
    fake.state.addComment({ postId: 103, body: "New.", date: "2026-11-03T00:00:00.000Z" });
    const [newest] = (await get("/api/v1/archive?offset=0&limit=1")).body as { comment_count: number }[];
    expect(newest?.comment_count).toBe(4);
  });

  test("answers 404 for lookups by numeric id, as Substack does", async () => {
    expect((await get("/api/v1/post/101")).status).toBe(404);
  });

  test("a cookie-only post answers empty comments unless the session cookie is sent", async () => {
    fake.state.setCookieOnly(101);
    const anonymous = (await get("/api/v1/post/101/comments")).body as { comments: unknown[] };
    const signedIn = (await get("/api/v1/post/101/comments", `a=b; substack.sid=${fake.state.sessionCookie}`))
      .body as {
      comments: unknown[];
    };
    expect(anonymous.comments).toEqual([]);
    expect(signedIn.comments).toHaveLength(4);
    expect(fake.requests.all.map((r) => r.hadSessionCookie)).toEqual([false, true]);
  });

  test("faults are consumed in order, then the path answers normally", async () => {
    fake.faults.add("/api/v1/archive", { kind: "status", status: 429, retryAfter: "1" }, 2);
    const first = await get("/api/v1/archive");
    expect([first.status, first.headers.get("retry-after")]).toEqual([429, "1"]);
    expect((await get("/api/v1/archive")).status).toBe(429);
    expect((await get("/api/v1/archive")).status).toBe(200);
    expect(fake.requests.count("/api/v1/archive")).toBe(3);
  });

  test("state changes show in the fixture counts", () => {
    const before = fixtureCounts(fake.state.fixture);
    fake.state.removeComment(1008);
    fake.state.addComment({
      postId: 101,
      parentId: 1011,
      body: "Hidden reply.",
      date: "2026-10-07T00:00:00.000Z",
    });
    fake.state.editComment(1010, "Edited.", "2026-10-07T00:00:00.000Z");
    const after = fixtureCounts(fake.state.fixture);
    expect(after.comments).toBe(before.comments);
    expect(after.automodHidden).toBe(before.automodHidden + 1);
    expect(after.edited).toBe(before.edited + 1);
  });

  test("the fixture has what the tests rely on", () => {
    expect(fixtureCounts(fake.state.fixture)).toEqual({
      posts: 3,
      comments: 19,
      deleted: 1,
      moderatorRemoved: 1,
      automodHidden: 3,
      edited: 1,
      commenters: 7,
      maxDepth: 4,
    });
  });
});
