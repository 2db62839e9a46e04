import { beforeEach, describe, expect, test } from "vitest";
import { SCORER_VERSION, scoreComment } from "@/lib/scoring";
import { upsertComments, upsertPosts, upsertPublication } from "@/lib/server/ingest/store";
import { scoreComments } from "@/lib/server/scoring/score-comments";
import { normalizedComment } from "../support/comments";
import { resetDatabase, useTestDatabase } from "../support/database";

const { db, sql } = useTestDatabase();

const comment = (id: string, body: string | null) => normalizedComment(id, "p1", body);

beforeEach(async () => {
  await resetDatabase(sql);
  const publicationId = await upsertPublication(sql, {
    platform: "file",
    name: "Scoring",
    baseUrl: "file://scoring",
  });
  const posts = await upsertPosts(sql, publicationId, [
    { externalId: "p1", slug: null, title: "Sanctions that did not bite", url: null, publishedAt: null },
  ]);
  await upsertComments(sql, publicationId, posts, [
    comment("a", "Thank you, a superb and careful piece."),
    comment("b", "I doubt this will ever work. We'll see."),
    comment("c", "Dead on arrival, a photo op, nothing more."),
    comment("d", null),
  ]);
});

describe("the scoring job", () => {
  test("scores every comment with a body, stores the scorer's own output and version", async () => {
    const result = await scoreComments(sql);
    expect(result).toEqual({ scored: 3, scorerVersion: SCORER_VERSION });
    const stored = await db.commentScore.findMany({
      include: { comment: true, version: true },
      orderBy: { commentId: "asc" },
    });
    expect(stored).toHaveLength(3);
    for (const row of stored) {
      const direct = scoreComment(row.comment.body ?? "", {
        postTitle: "Sanctions that did not bite",
        postBody: null,
        isReply: false,
      });
      expect(row.tone).toBe(direct.tone);
      expect(row.stance).toBe(direct.stance);
      expect(row.sentimentLabel).toBe(direct.sentiment.label);
      expect(row.version?.scorerVersion).toBe(SCORER_VERSION);
      expect(row.cues).toEqual(direct.cues);
    }
    expect(await scoreComments(sql)).toEqual({ scored: 0, scorerVersion: SCORER_VERSION });
  });

  test("--rescore redoes exactly the comments scored by another version", async () => {
    await scoreComments(sql);
    const [oldOne] = await sql<{ comment_id: number }[]>`
      UPDATE comment_score SET tone = 'neutral'
      WHERE comment_id = (SELECT min(comment_id) FROM comment_score) RETURNING comment_id`;
    await sql`UPDATE comment_score_version SET scorer_version = 'retired-0' WHERE comment_id = ${oldOne!.comment_id}`;
    expect(await scoreComments(sql)).toMatchObject({ scored: 0 });
    expect(await scoreComments(sql, { rescore: true })).toMatchObject({ scored: 1 });
    const rescored = await db.commentScoreVersion.findUniqueOrThrow({
      where: { commentId: oldOne!.comment_id },
    });
    expect(rescored.scorerVersion).toBe(SCORER_VERSION);
    expect(await db.commentScoreVersion.count({ where: { scorerVersion: { not: SCORER_VERSION } } })).toBe(0);
    expect(await db.commentScoreVersion.count()).toBe(3);
  });

  test("a score without its version row is stale; a version row goes with its score", async () => {
    await scoreComments(sql);
    const [first] = await sql<{ comment_id: number }[]>`
      DELETE FROM comment_score_version
      WHERE comment_id = (SELECT min(comment_id) FROM comment_score) RETURNING comment_id`;
    expect(await scoreComments(sql)).toMatchObject({ scored: 0 });
    expect(await scoreComments(sql, { rescore: true })).toMatchObject({ scored: 1 });
    expect(
      await db.commentScoreVersion.findUnique({ where: { commentId: first!.comment_id } }),
    ).toMatchObject({
      scorerVersion: SCORER_VERSION,
    });
    await sql`DELETE FROM comment_score WHERE comment_id = ${first!.comment_id}`;
    expect(await db.commentScoreVersion.count()).toBe(2);
    expect(await scoreComments(sql)).toMatchObject({ scored: 1 });
    expect(await db.commentScoreVersion.count()).toBe(3);
  });
});
