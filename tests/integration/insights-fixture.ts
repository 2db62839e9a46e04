import type { Db } from "@/lib/db/client";
import type { SentimentLabel, Stance, Tone } from "@/lib/scoring/types";

/**
 * Hand-built threads for the insights tests: comments with the labels written directly (so which comment
 * is pushback, which landed, which is hostile is known), by named commenters, at given times.
 */
export interface ThreadComment {
  key: string;
  post?: string;
  body: string | null;
  author?: string;
  /** Hours after 2026-11-02T00:00Z, unless `at` is given. */
  hour?: number;
  at?: Date;
  parent?: string;
  tone?: Tone;
  stance?: Stance;
  sentiment?: SentimentLabel;
  flag?: boolean;
  /** A person's correction (wins over the scored label). */
  correctedTone?: Tone;
  reactions?: number;
}

export interface BuiltThread {
  publicationId: number;
  posts: Record<string, number>;
  comments: Record<string, number>;
  commenters: Record<string, number>;
}

export const THREAD_START = Date.parse("2026-11-02T00:00:00Z");

let counter = 0;

export async function buildThread(
  db: Db,
  spec: {
    publication?: string;
    posts?: { key: string; title: string; publishedAt?: Date }[];
    comments: ThreadComment[];
    commenterFirstSeen?: Record<string, Date>;
  },
): Promise<BuiltThread> {
  counter += 1;
  const name = spec.publication ?? `Insights Weekly ${counter}`;
  const publication = await db.publication.create({
    data: {
      platform: "SUBSTACK",
      name,
      baseUrl: `https://${name.toLowerCase().replace(/\W+/g, "")}-${counter}.substack.com`,
    },
  });
  const posts: Record<string, number> = {};
  for (const p of spec.posts ?? [{ key: "p", title: "On sanctions" }]) {
    const post = await db.post.create({
      data: {
        publicationId: publication.id,
        externalId: `${counter}-${p.key}`,
        title: p.title,
        url: `${publication.baseUrl}/p/${p.key}`,
        publishedAt: p.publishedAt ?? new Date(THREAD_START - 3_600_000),
      },
    });
    posts[p.key] = post.id;
  }
  const commenters: Record<string, number> = {};
  const comments: Record<string, number> = {};
  const firstPost = Object.keys(posts)[0]!;
  for (const c of spec.comments) {
    const author = c.author ?? `Reader ${c.key}`;
    if (commenters[author] === undefined) {
      const commenter = await db.commenter.create({
        data: {
          publicationId: publication.id,
          externalId: `u-${counter}-${author}`,
          name: author,
          firstSeenAt: spec.commenterFirstSeen?.[author] ?? new Date("2026-01-01T00:00:00Z"),
        },
      });
      commenters[author] = commenter.id;
    }
    const postId = posts[c.post ?? firstPost]!;
    const parentId = c.parent ? comments[c.parent] : undefined;
    const parentPath = parentId
      ? await db.comment.findUniqueOrThrow({
          where: { id: parentId },
          select: { ancestorPath: true, depth: true },
        })
      : null;
    const comment = await db.comment.create({
      data: {
        publicationId: publication.id,
        postId,
        commenterId: commenters[author]!,
        externalId: `${counter}-${c.key}`,
        parentId: parentId ?? null,
        parentExternalId: parentId ? `${counter}-${c.parent}` : null,
        ancestorPath: parentPath ? [parentPath.ancestorPath, String(parentId)].filter(Boolean).join(".") : "",
        depth: parentPath ? parentPath.depth + 1 : 0,
        authorName: author,
        body: c.body,
        deleted: c.body === null,
        postedAt: c.at ?? new Date(THREAD_START + (c.hour ?? 0) * 3_600_000),
        reactionCount: c.reactions ?? 0,
        correctedTone: c.correctedTone ?? null,
      },
    });
    comments[c.key] = comment.id;
    if (c.body !== null && (c.tone || c.stance || c.sentiment || c.flag)) {
      await db.commentScore.create({
        data: {
          commentId: comment.id,
          version: { create: { scorerVersion: "test" } },
          tone: c.tone ?? "neutral",
          toneScores: {},
          stance: c.stance ?? "neutral",
          stanceConfidence: 0.8,
          sentimentScore: c.sentiment === "negative" ? -2 : c.sentiment === "positive" ? 2 : 0,
          sentimentComparative: c.sentiment === "negative" ? -0.2 : c.sentiment === "positive" ? 0.2 : 0,
          sentimentLabel: c.sentiment ?? "neutral",
          hostility: c.tone === "hostile" ? 0.9 : 0,
          flag: c.flag ?? false,
        },
      });
    }
  }
  return { publicationId: publication.id, posts, comments, commenters };
}
