import "server-only";
import { type Db, db } from "@/lib/db/client";
import { sql } from "@/lib/db/sql";
import type { NormalizedComment, NormalizedPost } from "@/lib/ingest/types";
import { linkOrphans, upsertComments, upsertPosts, upsertPublication } from "@/lib/server/ingest/store";
import { refreshInsights } from "@/lib/server/insights/refresh";
import { scorePendingComments } from "@/lib/server/scoring/score-comments";
import { createUser, generatePassword, setPassword } from "@/lib/server/users";
import { buildDemoPublication, DEMO_ACCOUNTS, DEMO_EMAIL_DOMAIN } from "@/prisma/seed/demo-data";

/** A demo account with the password made for it; shown once, or kept in the data folder (mode 0600). */
export interface DemoCredential {
  email: string;
  role: string;
  password: string;
}

export interface SeedResult {
  seeded: boolean;
  message: string;
  /** The demo accounts created now, with their new random passwords (empty when none was created). */
  accounts: DemoCredential[];
}

/**
 * Whether `npm start` loads the demo into an empty database: as asked by MARGINALIA_SEED_DEMO, else only on
 * the embedded default database outside production. A DATABASE_URL never gets demo accounts by default.
 */
export function shouldLoadDemo(input: {
  requested: boolean | undefined;
  embedded: boolean;
  nodeEnv: string;
}): boolean {
  return input.requested ?? (input.embedded && input.nodeEnv !== "production");
}

/** The lines that tell someone how to sign in with the demo accounts. */
export function demoSignInHelp(accounts: readonly DemoCredential[]): string {
  return accounts.map((a) => `  ${a.role.padEnd(9)} ${a.email}  password: ${a.password}`).join("\n");
}

/**
 * Loads the demo publication through the same store, scoring and moderation steps as a real import, and the
 * demo accounts with random passwords. Does nothing when the demo publication exists, or (without `force`)
 * when the database holds any other publication: the demo never mixes into a real one by accident.
 */
export async function seedDemo(options: { force?: boolean } = {}): Promise<SeedResult> {
  const demo = buildDemoPublication();
  const existing = await db().publication.findMany({ select: { baseUrl: true } });
  if (existing.some((p) => p.baseUrl === demo.publication.baseUrl)) {
    return { seeded: false, message: "the demo publication is already loaded", accounts: [] };
  }
  if (existing.length > 0 && !options.force) {
    return {
      seeded: false,
      message: "the database already has a publication; use --force to add the demo beside it",
      accounts: [],
    };
  }

  const publicationId = await upsertPublication(sql(), {
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
  const postIds = await upsertPosts(sql(), publicationId, posts);
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
  const counts = await upsertComments(sql(), publicationId, postIds, comments);
  await linkOrphans(sql(), publicationId);
  await scorePendingComments(sql(), { publicationId });
  // The demo opens with its insights ready rather than a minute later when the job first runs.
  await refreshInsights(sql());

  const accounts: DemoCredential[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const taken = await db().user.findUnique({ where: { email: account.email } });
    if (taken) continue;
    const password = generatePassword();
    await createUser(db(), { ...account, password });
    accounts.push({ email: account.email, role: account.role, password });
  }
  return {
    seeded: true,
    message: `loaded the demo: ${posts.length} posts, ${counts.new} comments, ${accounts.length} demo accounts`,
    accounts,
  };
}

/**
 * Gives every demo account in the database a new random password (and ends its sessions). For a database
 * whose demo accounts were made before their passwords were random, or whose password file was lost.
 */
export async function resetDemoPasswords(db: Db): Promise<DemoCredential[]> {
  const users = await db.user.findMany({
    where: { email: { endsWith: `@${DEMO_EMAIL_DOMAIN}` }, accounts: { some: { providerId: "credential" } } },
    orderBy: { email: "asc" },
  });
  const accounts: DemoCredential[] = [];
  for (const user of users) {
    const password = generatePassword();
    await setPassword(db, user.id, password);
    accounts.push({ email: user.email, role: user.role, password });
  }
  return accounts;
}

export async function countDemoAccounts(db: Db): Promise<number> {
  return db.user.count({ where: { email: { endsWith: `@${DEMO_EMAIL_DOMAIN}` } } });
}
