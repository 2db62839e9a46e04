import { beforeAll, describe, expect, test } from "vitest";
import { HIGHLIGHT_START, HIGHLIGHT_STOP } from "@/lib/insights/search-query";
import { type SearchParams, searchParamsSchema } from "@/lib/schemas/search";
import { searchComments, searchStatement } from "@/lib/server/search/search-comments";
import { resetDatabase, useTestDatabase } from "../support/database";
import { type BuiltThread, buildThread } from "./insights-fixture";

const { db, sql } = useTestDatabase();

let t: BuiltThread;

const search = (raw: Record<string, string>) => searchComments(searchParamsSchema.parse(raw));
const keysOf = async (raw: Record<string, string>) => {
  const result = await search(raw);
  const byId = new Map(Object.entries(t.comments).map(([k, id]) => [id, k]));
  return result.hits.map((h) => byId.get(h.commentId));
};

beforeAll(async () => {
  await resetDatabase(sql);
  t = await buildThread(db, {
    posts: [
      { key: "p", title: "Sanctions after the winter" },
      { key: "q", title: "The alliance at seventy-five" },
    ],
    comments: [
      {
        key: "s1",
        hour: 1,
        author: "Ann",
        body: "Sanctions raised energy prices across Europe.",
        tone: "skeptical",
        stance: "disagree",
        sentiment: "negative",
      },
      {
        key: "s2",
        hour: 2,
        author: "Ben",
        body: "Prices for energy were rising anyway; sanctioned oil still flows.",
        tone: "analytical",
        stance: "disagree",
      },
      {
        key: "s3",
        hour: 3,
        author: "Cat",
        body: "Energy prices fell in the spring. <script>alert(1)</script>",
        tone: "supportive",
        stance: "agree",
        sentiment: "positive",
      },
      {
        key: "s4",
        hour: 4,
        author: "Ann",
        body: "The alliance will hold, whatever Moscow says.",
        tone: "hostile",
        correctedTone: "analytical",
        stance: "agree",
      },
      {
        key: "s5",
        hour: 5,
        author: "Dan",
        body: "Nothing here about sanctions or prices.",
        tone: "dismissive",
        stance: "disagree",
      },
      {
        key: "q1",
        post: "q",
        hour: 30,
        author: "Ben",
        body: "NATO expansion was a choice, not a law of nature.",
        tone: "skeptical",
        stance: "disagree",
      },
      {
        key: "q2",
        post: "q",
        hour: 31,
        author: "Eve",
        body: "The alliance grew because its neighbours asked.",
        tone: "analytical",
        stance: "agree",
      },
      { key: "d1", hour: 6, author: "Fay", body: null },
    ],
  });
});

describe("full-text search", () => {
  test("words match their other forms (stemming), newest first", async () => {
    expect(await keysOf({ q: "sanction" })).toEqual(["s5", "s2", "s1"]);
  });

  test("a phrase needs its words adjacent and in order", async () => {
    expect(await keysOf({ q: '"energy prices"' })).toEqual(["s3", "s1"]);
  });

  test("a prefix matches every word that starts with it", async () => {
    expect(await keysOf({ q: "allian*" })).toEqual(["q2", "s4"]);
    expect(await keysOf({ q: "neighb*" })).toEqual(["q2"]);
  });

  test("OR and exclusion", async () => {
    expect(await keysOf({ q: "moscow OR nato" })).toEqual(["q1", "s4"]);
    expect(await keysOf({ q: "prices -sanctions" })).toEqual(["s3"]);
  });

  test("filters: effective tone, stance, sentiment, post, commenter, dates", async () => {
    // s4 was scored hostile and corrected to analytical: the correction wins.
    expect(await keysOf({ q: "alliance", tone: "analytical" })).toEqual(["q2", "s4"]);
    expect(await keysOf({ q: "alliance", tone: "hostile" })).toEqual([]);
    expect(await keysOf({ q: "prices", stance: "disagree" })).toEqual(["s5", "s2", "s1"]);
    expect(await keysOf({ q: "prices", sentiment: "positive" })).toEqual(["s3"]);
    expect(await keysOf({ q: "alliance", post: String(t.posts.q) })).toEqual(["q2"]);
    expect(await keysOf({ q: "prices OR alliance", commenter: String(t.commenters.Ann) })).toEqual([
      "s4",
      "s1",
    ]);
    expect(await keysOf({ q: "alliance", from: "2026-11-03" })).toEqual(["q2"]);
    expect(await keysOf({ q: "alliance", to: "2026-11-02" })).toEqual(["s4"]);
    expect(await keysOf({ q: "prices", sort: "oldest" })).toEqual(["s1", "s2", "s3", "s5"]);
  });

  test("highlights the matched words as segments of plain text, markers removed", async () => {
    const result = await search({ q: "energy" });
    const s3 = result.hits.find((h) => h.commentId === t.comments.s3)!;
    expect(s3.highlight.filter((s) => s.match).map((s) => s.text)).toEqual(["Energy"]);
    const joined = s3.highlight.map((s) => s.text).join("");
    expect(joined.startsWith("Energy prices fell in the spring")).toBe(true);
    expect(joined.includes(HIGHLIGHT_START) || joined.includes(HIGHLIGHT_STOP)).toBe(false);
    expect(s3.href).toBe(`/posts/${t.posts.p}?comment=${t.comments.s3}#comment-${t.comments.s3}`);
    expect(s3.postTitle).toBe("Sanctions after the winter");
  });

  test.each(["newest", "oldest", "relevance"] as const)(
    "keyset pages in %s order cover every hit once",
    async (sort) => {
      const all = await search({ q: "prices OR alliance OR nato", sort, limit: "100" });
      expect(all.hits).toHaveLength(7);
      const seen: number[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page += 1) {
        const params: Record<string, string> = { q: "prices OR alliance OR nato", sort, limit: "2" };
        if (cursor) params.cursor = cursor;
        const result = await search(params);
        seen.push(...result.hits.map((h) => h.commentId));
        if (!result.nextCursor) break;
        cursor = result.nextCursor;
      }
      expect(seen).toEqual(all.hits.map((h) => h.commentId));
      if (sort === "relevance") {
        const ranks = all.hits.map((h) => h.rank);
        expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
      }
    },
  );

  test("a search of exclusions alone or of nothing searchable is refused with a message", async () => {
    await expect(search({ q: "-sanctions" })).rejects.toThrow(/at least one word/);
    await expect(search({ q: "!!! ***" })).rejects.toThrow(/at least one word/);
    await expect(search({ q: "x", cursor: "bm90LWpzb24" })).rejects.toThrow(/cursor/);
  });

  test("both ways of finding matches (gather through the index, walk the dates) give the same pages", async () => {
    for (const raw of [
      { q: "prices OR alliance OR nato", limit: "2" },
      { q: "prices OR alliance OR nato", sort: "oldest", limit: "3" },
      { q: "alliance", tone: "analytical" },
    ]) {
      const params = searchParamsSchema.parse(raw);
      const [gathered, walked] = await Promise.all(
        (["gather", "walk"] as const).map((strategy) => searchStatement(sql, params, strategy).statement),
      );
      expect(walked!.map((r) => r.id)).toEqual(gathered!.map((r) => r.id));
    }
  });

  test("uses the GIN index on the generated vector, not a scan of every comment", async () => {
    const pubId = t.publicationId;
    const postId = t.posts.p!;
    await sql`
      INSERT INTO comment (publication_id, post_id, external_id, author_name, body, posted_at, updated_at)
      SELECT ${pubId}, ${postId}, 'bulk-' || g, 'Bulk',
        'routine remark number ' || g || ' about harvests and weather', now() - g * interval '1 minute', now()
      FROM generate_series(1, 20000) g`;
    // As autovacuum leaves it: statistics gathered and the GIN pending list merged.
    await sql`VACUUM ANALYZE comment`;
    const params: SearchParams = searchParamsSchema.parse({ q: "moscow", sort: "newest" });
    const plan = await sql<{ "QUERY PLAN": string }[]>`EXPLAIN ${searchStatement(sql, params).statement}`;
    const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).toContain("comment_search_vector_idx");
    expect(text).not.toMatch(/Seq Scan on comment c\b/);
  });
});
