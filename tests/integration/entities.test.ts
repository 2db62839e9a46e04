import { beforeAll, describe, expect, test } from "vitest";
import { GET as getEntityRoute } from "@/app/api/entities/[entityId]/route";
import { GET as listRoute } from "@/app/api/entities/route";
import { ENTITIES_VERSION } from "@/lib/insights/entities/extract";
import type { EntityDetail, EntityList } from "@/lib/schemas/entities";
import { refreshDueEntities } from "@/lib/server/insights/entity-scan";
import { resetDatabase, useTestDatabase } from "../support/database";
import { apiRequest, routeContext, signedIn, type TestSession } from "../support/sessions";
import { type BuiltThread, buildThread } from "./insights-fixture";

const { db, sql } = useTestDatabase();

let t: BuiltThread;
let viewer: TestSession;

beforeAll(async () => {
  await resetDatabase(sql);
  viewer = await signedIn("VIEWER");
  t = await buildThread(db, {
    posts: [
      { key: "p", title: "The war in its third winter" },
      { key: "q", title: "Chechnya, again" },
    ],
    comments: [
      {
        key: "mixed",
        hour: 1,
        tone: "analytical",
        body: "Zelensky was brave and right to stay. Putin is a liar and a thug.",
      },
      { key: "z2", hour: 2, tone: "supportive", body: "Zelenskyy's speech was excellent." },
      {
        key: "z3",
        hour: 24 * 8,
        tone: "supportive",
        body: "I admire Zelenskiy, a brave and excellent leader.",
      },
      { key: "p2", hour: 24 * 8 + 1, tone: "hostile", body: "Putin lied again. A disgraceful, cruel war." },
      { key: "k1", post: "q", hour: 24 * 15, tone: "neutral", body: "Ramzan Kadyrov spoke in Grozny today." },
      {
        key: "k2",
        post: "q",
        hour: 24 * 15 + 1,
        tone: "skeptical",
        body: "Nobody in Moscow cares that Kadyrov is cruel.",
      },
      { key: "none", hour: 3, tone: "neutral", body: "ok, thanks! great post." },
    ],
  });
  await refreshDueEntities(sql);
});

async function list(query = ""): Promise<EntityList> {
  const response = await listRoute(apiRequest(`/api/entities${query}`, { session: viewer }), routeContext());
  expect(response.status).toBe(200);
  return (await response.json()) as EntityList;
}

async function detail(id: number, query = ""): Promise<EntityDetail> {
  const response = await getEntityRoute(
    apiRequest(`/api/entities/${id}${query}`, { session: viewer }),
    routeContext({ entityId: String(id) }),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as EntityDetail;
}

describe("entities", () => {
  test("aliases merge into one entity, counted per comment and post", async () => {
    const { entities } = await list();
    const zelensky = entities.find((e) => e.name === "Volodymyr Zelensky")!;
    expect(zelensky).toMatchObject({ kind: "PERSON", mentions: 3, comments: 3, posts: 1 });
    expect([...zelensky.aliases].sort()).toEqual(["Zelenskiy", "Zelensky", "Zelenskyy"]);
    const kadyrov = entities.find((e) => e.name === "Ramzan Kadyrov")!;
    expect(kadyrov).toMatchObject({
      mentions: 2,
      aliases: expect.arrayContaining(["Kadyrov", "Ramzan Kadyrov"]),
    });
    expect(entities.map((e) => e.name)).toEqual(expect.arrayContaining(["Vladimir Putin", "Moscow"]));
  });

  test("aspect-level: the sentence mentioning a name decides its sentiment, not the whole comment", async () => {
    const { entities } = await list();
    const zelensky = entities.find((e) => e.name === "Volodymyr Zelensky")!;
    const putin = entities.find((e) => e.name === "Vladimir Putin")!;
    expect(zelensky.sentiment).toMatchObject({ positive: 3, negative: 0 });
    expect(putin.sentiment).toMatchObject({ positive: 0, negative: 2 });
    expect(zelensky.sentiment.mean!).toBeGreaterThan(0);
    expect(putin.sentiment.mean!).toBeLessThan(0);
    // The same comment ("mixed") speaks well of one and ill of the other.
    const z = await detail(zelensky.id);
    const mixed = z.mentions.find((m) => m.commentId === t.comments.mixed)!;
    expect(mixed.sentence.map((s) => s.text).join("")).toBe("Zelensky was brave and right to stay.");
    expect(mixed.sentence.filter((s) => s.match).map((s) => s.text)).toEqual(["Zelensky"]);
    expect(mixed.sentenceSentiment).toBe("positive");
  });

  test("trend lines per week, most mentioned first, filtered by kind and date", async () => {
    const { weeks, entities } = await list();
    expect(weeks).toHaveLength(12);
    expect(entities[0]!.name).toBe("Volodymyr Zelensky");
    const zelensky = entities[0]!;
    expect(zelensky.trend.reduce((a, b) => a + b, 0)).toBe(3);
    expect(zelensky.trend.filter((n) => n > 0)).toEqual([2, 1]);
    const places = await list("?kind=PLACE");
    expect(places.entities.map((e) => e.name)).toEqual(["Moscow"]);
    const late = await list("?from=2026-11-16");
    expect(late.entities.map((e) => e.name).sort()).toEqual(["Grozny", "Moscow", "Ramzan Kadyrov"]);
    expect(late.entities.find((e) => e.name === "Ramzan Kadyrov")!.mentions).toBe(2);
  });

  test("entity page: mentions over time and the comments, filterable and paged", async () => {
    const { entities } = await list();
    const putin = entities.find((e) => e.name === "Vladimir Putin")!;
    const d = await detail(putin.id);
    expect(d.timeline.map((w) => [w.mentions, w.negative])).toEqual([
      [1, 1],
      [1, 1],
    ]);
    expect(d.perPost).toEqual([
      { postId: t.posts.p, title: "The war in its third winter", mentions: 2, mean: expect.any(Number) },
    ]);
    expect(d.total).toBe(2);
    expect((await detail(putin.id, "?tone=hostile")).mentions.map((m) => m.commentId)).toEqual([
      t.comments.p2,
    ]);
    expect((await detail(putin.id, "?aspect=positive")).total).toBe(0);
    const first = await detail(putin.id, "?limit=1");
    expect(first.mentions.map((m) => m.commentId)).toEqual([t.comments.p2]);
    const second = await detail(putin.id, `?limit=1&cursor=${first.nextCursor}`);
    expect(second.mentions.map((m) => m.commentId)).toEqual([t.comments.mixed]);
    expect(second.nextCursor).toBeNull();
    expect(second.mentions[0]!.href).toBe(
      `/posts/${t.posts.p}?comment=${t.comments.mixed}#comment-${t.comments.mixed}`,
    );
  });

  test("an unknown entity is 404; a rerun with nothing changed keeps ids", async () => {
    const response = await getEntityRoute(
      apiRequest("/api/entities/999999", { session: viewer }),
      routeContext({ entityId: "999999" }),
    );
    expect(response.status).toBe(404);
    const before = (await list()).entities.map((e) => [e.id, e.name]);
    await sql`UPDATE post_insight_state SET changed_at = now()`;
    await refreshDueEntities(sql);
    expect((await list()).entities.map((e) => [e.id, e.name])).toEqual(before);
  });

  test("past its time budget a run stops after the post it is on; the rest stay due", async () => {
    const due = await sql<{ post_id: number }[]>`SELECT post_id FROM post_insight_state ORDER BY post_id`;
    expect(due.length).toBeGreaterThan(1);
    await sql`UPDATE post_insight_state SET changed_at = now()`;
    expect(await refreshDueEntities(sql, { until: 0 })).toHaveLength(1);
    expect(await refreshDueEntities(sql)).toHaveLength(due.length - 1);
    expect(await refreshDueEntities(sql)).toEqual([]);
  });

  test("another extractor version makes a post due again and rescans its comments; ids stay", async () => {
    expect(await refreshDueEntities(sql)).toEqual([]);
    const before = (await list()).entities.map((e) => [e.id, e.name, e.mentions]);
    const [post] = await sql<
      { post_id: number }[]
    >`SELECT post_id FROM post_insight_state ORDER BY post_id LIMIT 1`;
    await sql`UPDATE post_insight_state SET entities_version = 'entities-0' WHERE post_id = ${post!.post_id}`;
    await sql`UPDATE comment_entity_scan SET version = 'entities-0'
              WHERE comment_id IN (SELECT id FROM comment WHERE post_id = ${post!.post_id})`;
    expect(await refreshDueEntities(sql)).toEqual([post!.post_id]);
    const [stale] = await sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM comment_entity_scan WHERE version <> ${ENTITIES_VERSION}`;
    expect(stale!.n).toBe(0);
    expect((await list()).entities.map((e) => [e.id, e.name, e.mentions])).toEqual(before);
  });
});
