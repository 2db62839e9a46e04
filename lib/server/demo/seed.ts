import "server-only";
import type { Db } from "@/lib/db/client";
import type { Sql } from "@/lib/db/sql";
import type { NormalizedComment, NormalizedPost } from "@/lib/ingest/types";
import { createUser } from "@/lib/server/auth/users";
import { linkReplies, upsertComments, upsertPosts, upsertPublication } from "@/lib/server/ingest/store";
import { moderateNewComments } from "@/lib/server/moderation/auto-moderate";
import { scoreComments } from "@/lib/server/scoring/score-comments";
import { buildDemoPublication, DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo-data";

export interface SeedResult {
  seeded: boolean;
  message: string;
}

/** The demo accounts' sign-in, printed by `npm start` when the demo is loaded. */
export function demoSignInHelp(): string {
  return DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(9)} ${a.email}  password: ${DEMO_PASSWORD}`).join("\n");
}

/**
 * Loads the demo publication through the same store, scoring and moderation steps as a real import, and the
 * demo accounts. Does nothing when the demo publication exists, or (without `force`) when the database holds
 * any other publication: the demo never mixes into a real one by accident.
 */
export async function seedDemo(
  ctx: { db: Db; sql: Sql },
  options: { force?: boolean } = {},
): Promise<SeedResult> {
  const demo = buildDemoPublication();
  const existing = await ctx.db.publication.findMany({ select: { baseUrl: true } });
  if (existing.some((p) => p.baseUrl === demo.publication.baseUrl)) {
    return { seeded: false, message: "the demo publication is already loaded" };
  }
  if (existing.length > 0 && !options.force) {
    return {
      seeded: false,
      message: "the database already has a publication; use --force to add the demo beside it",
    };
  }

  const publicationId = await upsertPublication(ctx.sql, {
    platform: "substack",
    name: demo.publication.name,
    baseUrl: demo.publication.baseUrl,
  });
  const posts: NormalizedPost[] = demo.posts.map((p) => ({
    externalId: p.externalId,
    slug: p.slug,
    title: p.title,
    subtitle: p.subtitle,
    url: p.url,
    publishedAt: p.publishedAt,
    bodyHtml: p.bodyHtml,
    audience: p.audience,
    commentsOpen: true,
  }));
  const postIds = await upsertPosts(ctx.sql, publicationId, posts);
  const commenters = new Map(demo.commenters.map((c) => [c.externalId, c]));
  const comments: NormalizedComment[] = demo.comments.map((c) => {
    const author = commenters.get(c.commenterExternalId);
    return {
      externalId: c.externalId,
      postExternalId: c.postExternalId,
      parentExternalId: c.parentExternalId,
      ancestorExternalIds: c.parentExternalId ? [c.parentExternalId] : [],
      ancestryComplete: false,
      author: {
        externalId: c.commenterExternalId,
        name: c.deleted ? "" : (author?.name ?? ""),
        handle: author?.handle ?? null,
      },
      body: c.body,
      postedAt: c.postedAt,
      editedAt: c.editedAt,
      deleted: c.deleted,
      upstreamStatus: c.upstreamStatus,
      automodHidden: c.automodHidden,
      reactions: c.reactions,
      reactionCount: c.reactionCount,
    };
  });
  const counts = await upsertComments(ctx.sql, publicationId, postIds, comments);
  await linkReplies(ctx.sql, [...postIds.values()]);
  await scoreComments(ctx.sql, { commentIds: counts.changedIds });
  await moderateNewComments(ctx.db, publicationId, counts.changedIds);

  for (const account of DEMO_ACCOUNTS) {
    const taken = await ctx.db.user.findUnique({ where: { email: account.email } });
    if (!taken) await createUser(ctx.db, { ...account, password: DEMO_PASSWORD });
  }
  return {
    seeded: true,
    message: `loaded the demo: ${posts.length} posts, ${counts.new} comments, ${DEMO_ACCOUNTS.length} demo accounts`,
  };
}
