import { beforeAll, describe, expect, test } from "vitest";
import { GET } from "@/app/api/posts/route";
import { POST_SORTS, type PostListResponse, type PostSort, type PostSummary } from "@/lib/schemas/posts";
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

  /** Every page of a query, following the cursors. */
  async function everyPage(query: string): Promise<PostListResponse[]> {
    const pages: PostListResponse[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `${query}&cursor=${encodeURIComponent(cursor)}` : query;
      const response = await GET(apiRequest(`/api/posts?${q}`, { session: viewer }), routeContext());
      expect(response.status, q).toBe(200);
      const body = (await response.json()) as PostListResponse;
      pages.push(body);
      cursor = body.nextCursor;
    } while (cursor);
    return pages;
  }

  /** Each sort's value as the table shows it (no figure sorts lowest), written here apart from the SQL. */
  const VALUE: Record<Exclude<PostSort, "title">, (p: PostSummary) => number | string> = {
    date: (p) => p.publishedAt ?? "",
    comments: (p) => p.comments,
    disagree: (p) => (p.scored === 0 ? -1 : p.stances.disagree / p.scored),
    sentiment: (p) => (p.scored === 0 ? -99 : (p.meanSentiment ?? -99)),
    flags: (p) => p.openFlags,
  };

  test.each(POST_SORTS.flatMap((sort) => (["asc", "desc"] as const).map((order) => [sort, order] as const)))(
    "sorted by %s %s over every post, two at a time by cursor: each post once, in order",
    async (sort, order) => {
      // Ties on every figure: two posts with the same title, comments and date as a third.
      const all = (await everyPage("limit=200"))[0]!.posts;
      await sql`UPDATE post SET title = (SELECT title FROM post WHERE id = ${all[0]!.id}),
                  published_at = (SELECT published_at FROM post WHERE id = ${all[0]!.id})
                WHERE id = ${all[1]!.id}`;
      const pages = await everyPage(`sort=${sort}&order=${order}&limit=2`);
      const seen = pages.flatMap((p) => p.posts);
      expect(pages.every((p) => p.total === all.length)).toBe(true);
      expect(new Set(seen.map((p) => p.id)).size).toBe(all.length);
      expect(seen).toHaveLength(all.length);
      const sign = order === "asc" ? 1 : -1;
      let expected: number[];
      if (sort === "title") {
        // Text order is the database's collation: the expected order is PostgreSQL's own.
        expected = (
          await sql<{ id: number }[]>`SELECT id FROM post ORDER BY lower(title) ${
            order === "asc" ? sql`ASC` : sql`DESC`
          }, id ${order === "asc" ? sql`ASC` : sql`DESC`}`
        ).map((r) => r.id);
      } else {
        const value = VALUE[sort];
        const fresh = (await everyPage("limit=200"))[0]!.posts;
        expected = [...fresh]
          .sort((a, b) => {
            const [x, y] = [value(a), value(b)];
            return sign * (x < y ? -1 : x > y ? 1 : a.id - b.id);
          })
          .map((p) => p.id);
      }
      expect(seen.map((p) => p.id)).toEqual(expected);
    },
  );

  test("a title search runs over every post, in any case, with LIKE's wildcards taken literally", async () => {
    const titles = await sql<{ id: number; title: string }[]>`SELECT id, title FROM post ORDER BY id`;
    const word = titles[0]!.title.split(/\s+/).find((w) => w.length >= 4)!;
    const needle = word.slice(1, 4).toUpperCase();
    const matching = titles.filter((t) => t.title.toLowerCase().includes(needle.toLowerCase()));
    expect(matching.length).toBeGreaterThan(0);
    expect(matching.length).toBeLessThan(titles.length);
    const pages = await everyPage(`q=${encodeURIComponent(` ${needle} `)}&limit=1`);
    expect(pages[0]!.total).toBe(matching.length);
    expect(pages.flatMap((p) => p.posts.map((x) => x.id)).sort((a, b) => a - b)).toEqual(
      matching.map((t) => t.id),
    );
    // The flagged posts ignore the search: they are the range's.
    const unsearched = (await everyPage("limit=200"))[0]!;
    expect(pages[0]!.flagged).toEqual(unsearched.flagged);
    for (const literal of ["%", "_", "\\"]) {
      const [page] = await everyPage(`q=${encodeURIComponent(literal)}`);
      const expected = titles.filter((t) => t.title.includes(literal)).length;
      expect(page!.total, literal).toBe(expected);
    }
  });

  test("answers 400 to a cursor it did not make: a value that is no date or number, another order's cursor", async () => {
    const forged = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const [first] = await everyPage("sort=comments&limit=2");
    for (const query of [
      `sort=date&cursor=${forged({ s: "date", k: "not-a-date", i: 1 })}`,
      `sort=date&cursor=${forged({ s: "date", k: "2026-02-30 00:00:00+00", i: 1 })}`,
      `sort=comments&cursor=${forged({ s: "comments", k: "many", i: 1 })}`,
      `sort=sentiment&cursor=${forged({ s: "sentiment", k: "1e999", i: 1 })}`,
      `sort=title&cursor=${encodeURIComponent(first!.nextCursor!)}`,
      `cursor=${forged({ k: "2026-01-01 00:00:00+00", i: 1 })}`,
    ]) {
      const response = await GET(apiRequest(`/api/posts?${query}`, { session: viewer }), routeContext());
      expect(response.status, query).toBe(400);
    }
  });

  test("answers 400 to a sort, order or search it does not know", async () => {
    for (const query of [
      "sort=bogus",
      "order=up",
      `q=${"x".repeat(201)}`,
      "sort=comments&cursor=eyJrIjoxfQ",
    ]) {
      const response = await GET(apiRequest(`/api/posts?${query}`, { session: viewer }), routeContext());
      expect(response.status, query).toBe(400);
    }
  });
});
