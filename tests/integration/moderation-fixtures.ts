import type { Db } from "@/lib/db/client";
import type { CommenterStatus, CommentStatus } from "@/lib/db/generated/client";

/** Small hand-made fixtures for the moderation tests: one Substack publication, one post, named commenters. */
export async function makePublication(db: Db, name = "Fixture Weekly") {
  const publication = await db.publication.create({
    data: {
      platform: "SUBSTACK",
      name,
      baseUrl: `https://${name.toLowerCase().replace(/\W+/g, "")}.substack.com`,
    },
  });
  const post = await db.post.create({
    data: {
      publicationId: publication.id,
      externalId: `p-${publication.id}`,
      title: "On fixtures",
      url: `${publication.baseUrl}/p/on-fixtures`,
      publishedAt: new Date("2026-11-01T00:00:00Z"),
    },
  });
  return { publication, post };
}

export async function makeCommenter(
  db: Db,
  publicationId: number,
  name: string,
  status: CommenterStatus = "ACTIVE",
) {
  return db.commenter.create({
    data: {
      publicationId,
      externalId: `u-${name}`,
      name,
      firstSeenAt: new Date("2026-10-01T00:00:00Z"),
      status,
    },
  });
}

let next = 1;

export async function makeComment(
  db: Db,
  fixture: { publicationId: number; postId: number; commenterId: number | null },
  input: {
    body?: string | null;
    status?: CommentStatus;
    postedAt?: Date;
    reactionCount?: number;
    score?: { hostility?: number; threat?: number; insult?: number; identityAttack?: number; flag?: boolean };
  } = {},
) {
  const n = next++;
  const comment = await db.comment.create({
    data: {
      publicationId: fixture.publicationId,
      postId: fixture.postId,
      commenterId: fixture.commenterId,
      externalId: `c-${n}`,
      authorName: "Someone",
      body: input.body === undefined ? `comment number ${n}` : input.body,
      postedAt: input.postedAt ?? new Date("2026-11-02T00:00:00Z"),
      status: input.status ?? "NONE",
      reactionCount: input.reactionCount ?? 0,
    },
  });
  if (input.score) {
    await db.commentScore.create({
      data: {
        commentId: comment.id,
        version: { create: { scorerVersion: "test" } },
        tone: "neutral",
        toneScores: {},
        stance: "neutral",
        stanceConfidence: 0.5,
        sentimentScore: 0,
        sentimentComparative: 0,
        sentimentLabel: "neutral",
        hostility: input.score.hostility ?? 0,
        threat: input.score.threat ?? 0,
        insult: input.score.insult ?? 0,
        identityAttack: input.score.identityAttack ?? 0,
        flag: input.score.flag ?? false,
      },
    });
  }
  return comment;
}
