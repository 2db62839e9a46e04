import "server-only";
import type { Sql } from "@/lib/db/sql";
import { DEMO_BASE_URL, DEMO_EMAIL_DOMAIN } from "@/prisma/seed/demo-data";

export interface UnseedResult {
  publicationRemoved: boolean;
  posts: number;
  comments: number;
  logRows: number;
  accountsRemoved: string[];
  /** Demo accounts that acted on real data: kept for the log's sake, but they can no longer sign in. */
  accountsLocked: string[];
}

/**
 * Removes the demo publication (with its posts, comments, commenters, flags, notes and runs) and the demo
 * accounts, in one transaction. Needs the tables' owner: the log rows about the demo are removed too, with the
 * append-only trigger switched off inside this transaction only (no other session ever sees it off).
 * A demo account that acted on something outside the demo keeps its user row (the log rows about real data
 * stay, and they name their actor), loses its password and sessions, and is reported as locked.
 */
export async function unseedDemo(sql: Sql): Promise<UnseedResult> {
  return sql.begin(async (tx) => {
    const [pub] = await tx<{ id: number }[]>`SELECT id FROM publication WHERE base_url = ${DEMO_BASE_URL}`;
    const demoUsers = await tx<{ id: string; email: string }[]>`
      SELECT id, email FROM "user" WHERE lower(email) LIKE ${`%@${DEMO_EMAIL_DOMAIN}`} ORDER BY email`;
    await tx.unsafe('ALTER TABLE "moderation_action" DISABLE TRIGGER USER');

    let posts = 0;
    let comments = 0;
    let logRows = 0;
    if (pub) {
      const [counts] = await tx<{ posts: number; comments: number }[]>`
        SELECT (SELECT count(*)::int FROM post WHERE publication_id = ${pub.id}) AS posts,
               (SELECT count(*)::int FROM comment WHERE publication_id = ${pub.id}) AS comments`;
      posts = counts?.posts ?? 0;
      comments = counts?.comments ?? 0;
      const removed = await tx`
        DELETE FROM moderation_action m
        WHERE m.publication_id = ${pub.id}
           OR m.comment_id IN (SELECT id FROM comment WHERE publication_id = ${pub.id})
           OR m.post_id IN (SELECT id FROM post WHERE publication_id = ${pub.id})
           OR m.commenter_id IN (SELECT id FROM commenter WHERE publication_id = ${pub.id})
           OR (m.target_type = 'PUBLICATION' AND m.target_id = ${String(pub.id)})
           OR (m.target_type = 'IMPORT_RUN'
               AND m.target_id IN (SELECT id::text FROM import_run WHERE publication_id = ${pub.id}))`;
      logRows += removed.count;
      await tx`DELETE FROM publication WHERE id = ${pub.id}`;
    }

    const accountsRemoved: string[] = [];
    const accountsLocked: string[] = [];
    for (const user of demoUsers) {
      const [acted] = await tx<{ n: number }[]>`
        SELECT count(*)::int AS n FROM moderation_action WHERE actor_id = ${user.id}`;
      if ((acted?.n ?? 0) > 0) {
        await tx`DELETE FROM session WHERE user_id = ${user.id}`;
        await tx`DELETE FROM account WHERE user_id = ${user.id}`;
        accountsLocked.push(user.email);
        continue;
      }
      const removed = await tx`
        DELETE FROM moderation_action WHERE target_type = 'USER' AND target_id = ${user.id}`;
      logRows += removed.count;
      await tx`DELETE FROM "user" WHERE id = ${user.id}`;
      accountsRemoved.push(user.email);
    }

    await tx.unsafe('ALTER TABLE "moderation_action" ENABLE TRIGGER USER');
    return {
      publicationRemoved: pub !== undefined,
      posts,
      comments,
      logRows,
      accountsRemoved,
      accountsLocked,
    };
  });
}
