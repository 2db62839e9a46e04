import { beforeAll, describe, expect, test } from "vitest";
import { getActiveCommenters } from "@/lib/server/analytics/active-commenters";
import { getCommentTimeline } from "@/lib/server/analytics/comment-timeline";
import { getReadingList } from "@/lib/server/analytics/reading-list";
import { getSentimentHistogram } from "@/lib/server/analytics/sentiment-histogram";
import { getThreadPage } from "@/lib/server/analytics/thread-page";
import { getToneByDepth } from "@/lib/server/analytics/tone-by-depth";
import { getToneDistribution } from "@/lib/server/analytics/tone-distribution";
import { linkReplies, upsertPosts, upsertPublication } from "@/lib/server/ingest/store";
import { resetDatabase, useTestDatabase } from "../support/database";

const { sql } = useTestDatabase();
const COMMENTS = 5000;
let postId: number;

/**
 * A 5,000-comment thread built in SQL: every fifth comment top-level, the others replying to the comment
 * five before them (chains five deep), scored with tones in rotation.
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
  ]);
  postId = posts.get("big")!;
  await sql`
    INSERT INTO commenter (publication_id, external_id, name, first_seen_at, updated_at)
    SELECT ${publicationId}, 'u' || g, 'User ' || g, '2026-01-01', now() FROM generate_series(1, 200) g`;
  await sql`
    INSERT INTO comment (publication_id, post_id, external_id, parent_external_id, commenter_id, author_name, body,
                         posted_at, reaction_count, updated_at)
    SELECT ${publicationId}, ${postId}, 'c' || g, CASE WHEN g % 5 = 1 THEN NULL ELSE 'c' || (g - 1) END,
      (SELECT id FROM commenter WHERE external_id = 'u' || (1 + g % 200)), 'User ' || (1 + g % 200),
      'Comment number ' || g || ' about sanctions and tonnage', '2026-01-01'::timestamptz + g * interval '1 minute',
      g % 7, now()
    FROM generate_series(1, ${COMMENTS}) g`;
  await linkReplies(sql, [postId]);
  await sql`
    INSERT INTO comment_score (comment_id, scorer_version, tone, tone_scores, stance, stance_confidence,
      sentiment_score, sentiment_comparative, sentiment_label, cues)
    SELECT c.id, 'bench', (ARRAY['analytical','skeptical','dismissive','supportive','hostile','neutral'])[1 + c.id % 6]::"Tone",
      '{"analytical": 0.5, "skeptical": 0.3}'::jsonb, (ARRAY['agree','disagree','neutral'])[1 + c.id % 3]::"Stance", 0.7,
      (c.id % 11) - 5, ((c.id % 11) - 5) / 10.0, 'neutral', '[{"start":0,"end":7,"text":"Comment","signal":"x"}]'::jsonb
    FROM comment c WHERE c.post_id = ${postId}`;
  await sql`ANALYZE`;
});

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await run();
  return [result, performance.now() - started];
}

// Generous bounds: this machine is shared and busy; the point is "an aggregate", not "milliseconds".
const BOUND_MS = 2000;

describe("a 5,000-comment thread", () => {
  test.each([
    ["tone distribution", () => getToneDistribution(postId, {})],
    ["timeline", () => getCommentTimeline(postId, {})],
    ["sentiment", () => getSentimentHistogram(postId, {})],
    ["depth", () => getToneByDepth(postId, {})],
    ["commenters", () => getActiveCommenters(postId, {})],
    ["pushback list", () => getReadingList(postId, "pushback", {})],
    ["text filter", () => getToneDistribution(postId, { q: "tonnage" })],
  ] as [string, () => Promise<unknown>][])("%s answers within the bound", async (_name, run) => {
    const [, ms] = await timed(run);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  test("the thread pages through every comment in tree order by cursor", async () => {
    let cursor: string | undefined;
    let seen = 0;
    let slowest = 0;
    let lastKey: number[] = [];
    do {
      const [page, ms] = await timed(() => getThreadPage(postId, {}, { cursor, limit: 200 }));
      slowest = Math.max(slowest, ms);
      seen += page.comments.length;
      const first = page.comments[0];
      if (first && lastKey.length > 0) expect(first.depth === 0 || first.parentId !== null).toBe(true);
      cursor = page.nextCursor ?? undefined;
      lastKey = cursor ? cursor.split(".").map(Number) : [];
    } while (cursor);
    expect(seen).toBe(COMMENTS);
    expect(slowest).toBeLessThan(BOUND_MS);
  });

  test("depths follow the chains", async () => {
    const page = await getThreadPage(postId, {}, { limit: 10 });
    expect(page.comments.map((c) => c.depth)).toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3, 4]);
  });
});
