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
      include: { comment: true },
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
      expect(row.scorerVersion).toBe(SCORER_VERSION);
      expect(row.cues).toEqual(direct.cues);
    }
    expect(await scoreComments(sql)).toEqual({ scored: 0, scorerVersion: SCORER_VERSION });
  });

  test("--rescore redoes exactly the comments scored by another version", async () => {
    await scoreComments(sql);
    const [oldOne] = await sql<{ comment_id: number }[]>`
      UPDATE comment_score SET scorer_version = 'retired-0', tone = 'neutral'
      WHERE comment_id = (SELECT min(comment_id) FROM comment_score) RETURNING comment_id`;
    expect(await scoreComments(sql)).toMatchObject({ scored: 0 });
    expect(await scoreComments(sql, { rescore: true })).toMatchObject({ scored: 1 });
    const rescored = await db.commentScore.findUniqueOrThrow({ where: { commentId: oldOne!.comment_id } });
    expect(rescored.scorerVersion).toBe(SCORER_VERSION);
    expect(await db.commentScore.count({ where: { scorerVersion: { not: SCORER_VERSION } } })).toBe(0);
  });
});
