import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sql as appSql, createSql, setSql } from "@/lib/db/sql";
import { queueQuerySchema } from "@/lib/schemas/moderation-queue";
import { getActiveCommenters } from "@/lib/server/analytics/active-commenters";
import { getCommenterProfile } from "@/lib/server/analytics/commenter-profile";
import { comparePosts } from "@/lib/server/analytics/compare-posts";
import { getHeadline } from "@/lib/server/analytics/headline-figures";
import { getPostHeader } from "@/lib/server/analytics/post-header";
import { listPostSummaries, listPostSummaryPage } from "@/lib/server/analytics/post-summaries";
import { getSentimentHistogram } from "@/lib/server/analytics/sentiment-histogram";
import { getThreadPage } from "@/lib/server/analytics/thread-page";
import { getStanceSplit, getToneDistribution } from "@/lib/server/analytics/tone-distribution";
import { linkReplies, upsertPosts, upsertPublication } from "@/lib/server/ingest/store";
import { listQueue } from "@/lib/server/moderation/queue";
import { resetDatabase, useTestDatabase } from "../support/database";

/**
 * What keeps the dashboards fast at a million comments is the shape of their plans, not this machine's
 * milliseconds (those are the benchmark's, `npm run bench:dashboard`): the overview, compare, commenter and
 * post header read the rollups and never the comment table, and the thread hands out a page from the
 * (post_id, thread_key) index without sorting the thread. The queries are the ones the functions really send
 * (captured from postgres.js's `debug` hook), EXPLAINed with their own parameters.
 */

const { sql, url } = useTestDatabase();
const COMMENTS = 5000;
let postId: number;
let otherPostId: number;
let commenterId: number;

interface PlanNode {
  "Node Type": string;
  "Parent Relationship"?: string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/** The plan without its subplans (the per-row look-ups of a comment's flags): the rows' own path. */
function mainPath(plan: PlanNode): PlanNode[] {
  return [
    plan,
    ...(plan.Plans ?? []).filter((p) => p["Parent Relationship"] !== "SubPlan").flatMap(mainPath),
  ];
}

const captured: { query: string; params: readonly unknown[] }[] = [];
let capturing = false;
const logging = createSql(url, {
  max: 1,
  onQuery: (query, params) => {
    if (capturing) captured.push({ query, params });
  },
});

/** The plans of every query `run` sends. */
async function plansOf(run: () => Promise<unknown>) {
  captured.length = 0;
  // Connected first: a new connection's own type look-up is not the function's SQL.
  await logging`SELECT 1`;
  const installed = appSql();
  setSql(logging);
  capturing = true;
  try {
    await run();
  } finally {
    capturing = false;
    setSql(installed);
  }
  const plans: { query: string; nodes: PlanNode[]; main: PlanNode[] }[] = [];
  for (const { query, params } of captured) {
    const [row] = await sql.unsafe<{ "QUERY PLAN": { Plan: PlanNode }[] }[]>(
      `EXPLAIN (FORMAT JSON) ${query}`,
      params as never[],
    );
    const plan = row!["QUERY PLAN"][0]!.Plan;
    plans.push({ query, nodes: nodes(plan), main: mainPath(plan) });
  }
  return plans;
}

/**
 * A 5,000-comment thread built in SQL (every fifth comment top-level, the others replying to the comment five
 * before them: chains five deep), scored with tones in rotation, and a small second post; the rollups are
 * kept by the tables' triggers as the rows go in.
 */
beforeAll(async () => {
  await resetDatabase(sql);
  const publicationId = await upsertPublication(sql, { platform: "file", name: "Big", baseUrl: "file:big" });
  const posts = await upsertPosts(sql, publicationId, [
    {
      externalId: "big",
      slug: "big",
      title: "Big thread",
      url: null,
      publishedAt: new Date("2026-01-01T00:00:00Z"),
    },
    {
      externalId: "small",
      slug: "small",
      title: "Small",
      url: null,
      publishedAt: new Date("2026-01-02T00:00:00Z"),
    },
  ]);
  postId = posts.get("big")!;
  otherPostId = posts.get("small")!;
  await sql`
    INSERT INTO commenter (publication_id, external_id, name, first_seen_at, updated_at)
    SELECT ${publicationId}, 'u' || g, 'User ' || g, '2026-01-01', now() FROM generate_series(1, 200) g`;
  await sql`
    INSERT INTO comment (publication_id, post_id, external_id, parent_external_id, commenter_id, author_name, body,
                         posted_at, reaction_count, updated_at)
    SELECT ${publicationId}, CASE WHEN g <= ${COMMENTS} THEN ${postId}::int ELSE ${otherPostId}::int END, 'c' || g,
      CASE WHEN g % 5 = 1 OR g > ${COMMENTS} THEN NULL ELSE 'c' || (g - 1) END,
      (SELECT id FROM commenter WHERE external_id = 'u' || (1 + g % 200)), 'User ' || (1 + g % 200),
      CASE WHEN g % 97 = 0 THEN NULL ELSE 'Comment number ' || g || ' about sanctions and tonnage' END,
      '2026-01-01'::timestamptz + g * interval '1 minute', g % 7, now()
    FROM generate_series(1, ${COMMENTS + 50}) g`;
  await linkReplies(sql, [postId, otherPostId]);
  await sql`
    INSERT INTO comment_score (comment_id, tone, tone_scores, stance, stance_confidence,
      sentiment_score, sentiment_comparative, sentiment_label, cues)
    SELECT c.id, (ARRAY['analytical','skeptical','dismissive','supportive','hostile','neutral'])[1 + c.id % 6]::"Tone",
      '{"analytical": 0.5, "skeptical": 0.3}'::jsonb, (ARRAY['agree','disagree','neutral'])[1 + c.id % 3]::"Stance", 0.7,
      (c.id % 11) - 5, ((c.id % 11) - 5) / 10.0, 'neutral', '[{"start":0,"end":7,"text":"Comment","signal":"x"}]'::jsonb
    FROM comment c WHERE c.body IS NOT NULL`;
  await sql`INSERT INTO comment_score_version (comment_id, scorer_version) SELECT comment_id, 'bench' FROM comment_score`;
  commenterId = (await sql<{ id: number }[]>`SELECT id FROM commenter WHERE external_id = 'u7'`)[0]!.id;
  await sql`ANALYZE`;
});

afterAll(async () => {
  await logging.end({ timeout: 5 });
});

describe("dashboards at scale read rollups and indexes", () => {
  test.each([
    ["overview", () => listPostSummaries({})],
    ["overview in a range", () => listPostSummaries({ from: "2025-12-01", to: "2026-02-01" })],
    ["the overview's first page", () => listPostSummaryPage({}, undefined, { limit: 1 })],
    [
      "the overview's next page",
      async () => {
        const first = await listPostSummaryPage({}, undefined, { limit: 1 });
        return listPostSummaryPage({}, undefined, { cursor: first.nextCursor!, limit: 1 });
      },
    ],
    ["headline figures", () => getHeadline({ from: "2026-01-01", to: "2026-01-31" })],
    ["compare", () => comparePosts([postId, otherPostId])],
    ["commenter profile", () => getCommenterProfile(commenterId, { includeNotes: false })],
    ["post header", () => getPostHeader(postId)],
    ["the post's tones", () => getToneDistribution(postId, {})],
    ["the post's stances", () => getStanceSplit(postId, {})],
    ["the post's sentiment", () => getSentimentHistogram(postId, {})],
    ["the post's most active commenters", () => getActiveCommenters(postId, {})],
  ] as [string, () => Promise<unknown>][])(
    "%s never reads the comment or score tables",
    async (_name, run) => {
      const plans = await plansOf(run);
      expect(plans.length).toBeGreaterThan(0);
      for (const plan of plans) {
        const tables = plan.nodes.map((n) => n["Relation Name"]).filter(Boolean);
        expect(tables, plan.query).not.toContain("comment");
        expect(tables, plan.query).not.toContain("comment_score");
      }
    },
  );

  test("the headline's distinct commenters come from the month and day bitmaps, not the (day, commenter) rows", async () => {
    for (const range of [
      { from: "2026-01-01", to: "2026-01-31" },
      { from: "2025-12-15", to: "2026-03-02" },
      {},
    ]) {
      const plans = await plansOf(() => getHeadline(range));
      const tables = plans.flatMap((p) => p.nodes.map((n) => n["Relation Name"]).filter(Boolean));
      expect(tables).not.toContain("commenter_day_rollup");
      expect(tables).toContain("commenter_month_bitmap");
      // Days outside whole months only where a bound falls inside a month.
      if (range.from) expect(tables).toContain("commenter_day_bitmap");
    }
  });

  test("the moderation queue takes its candidates from the tab's queue_rank index and aggregates nothing", async () => {
    await sql`UPDATE comment SET status = 'SYSTEM_WITHHELD' WHERE id % 3 = 0`;
    await sql`ANALYZE queue_rank`;
    const plans = await plansOf(() => listQueue(queueQuerySchema.parse({})));
    const queue = plans.find((p) => p.query.includes("priority"))!;
    const indexes = queue.nodes.map((n) => n["Index Name"]);
    expect(indexes).toContain("queue_rank_held_idx");
    expect(queue.nodes.map((n) => n["Relation Name"])).toContain("commenter_rollup");
    // Each commenter's rejections are read, not counted per request.
    expect(queue.nodes.map((n) => n["Node Type"]).filter((t) => t === "Aggregate")).toHaveLength(1); // the candidates' count
    expect(queue.nodes.filter((n) => n["Relation Name"] === "comment").length).toBe(1);
    expect(
      queue.nodes.filter((n) => n["Relation Name"] === "queue_rank" && n["Node Type"] === "Seq Scan"),
    ).toHaveLength(0);
  });

  test.each([
    ["the first page", undefined],
    ["a later page", "page-2"],
  ])("the thread's %s comes from the (post_id, thread_key) index, unsorted", async (_name, which) => {
    const cursor = which ? (await getThreadPage(postId, {}, { limit: 100 })).nextCursor! : undefined;
    const plans = await plansOf(() => getThreadPage(postId, {}, { cursor, limit: 100 }));
    const page = plans.find((p) => p.query.includes("thread_key"))!;
    expect(page.main.map((n) => n["Index Name"])).toContain("comment_post_id_thread_key_idx");
    expect(page.main.map((n) => n["Node Type"])).not.toContain("Sort");
    expect(page.main.map((n) => n["Node Type"])).not.toContain("Incremental Sort");
  });

  test("the rollups agree with counting the comments", async () => {
    const [overview] = (await listPostSummaries({})).filter((p) => p.id === postId);
    const [counted] = await sql<
      { comments: number; commenters: number; scored: number; analytical: number }[]
    >`
      SELECT count(*) FILTER (WHERE c.body IS NOT NULL)::int AS comments,
        count(DISTINCT c.commenter_id) FILTER (WHERE c.body IS NOT NULL)::int AS commenters,
        count(s.comment_id)::int AS scored, count(*) FILTER (WHERE s.tone = 'analytical')::int AS analytical
      FROM comment c LEFT JOIN comment_score s ON s.comment_id = c.id WHERE c.post_id = ${postId}`;
    expect(counted!.comments).toBeLessThan(COMMENTS); // some have no body
    expect(overview).toMatchObject({
      comments: counted!.comments,
      commenters: counted!.commenters,
      scored: counted!.scored,
    });
    expect(overview!.tones.analytical).toBe(counted!.analytical);
    const header = await getPostHeader(postId);
    expect(header).toMatchObject({ comments: counted!.comments, deleted: COMMENTS - counted!.comments });
  });

  test("the thread pages through every comment in tree order by cursor", async () => {
    let cursor: string | undefined;
    const seen: number[][] = [];
    do {
      const page = await getThreadPage(postId, {}, { cursor, limit: 200 });
      expect(page.total).toBe(COMMENTS);
      for (const c of page.comments) seen.push([c.depth, c.id, c.parentId ?? 0]);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(COMMENTS);
    expect(new Set(seen.map((s) => s[1])).size).toBe(COMMENTS);
    // Tree order: a reply comes right after its parent (the chains are single replies).
    for (let i = 1; i < seen.length; i++) {
      const [depth, , parent] = seen[i]!;
      if (depth! > 0) expect(parent).toBe(seen[i - 1]![1]);
    }
  });

  test("depths follow the chains", async () => {
    const page = await getThreadPage(postId, {}, { limit: 10 });
    expect(page.comments.map((c) => c.depth)).toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3, 4]);
  });
});
