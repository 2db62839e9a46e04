import "server-only";
import { stanceCountsFromVector, toneCountsFromVector } from "@/lib/analytics/label-counts";
import { db } from "@/lib/db/client";
import { readSql, type SqlFragment } from "@/lib/db/sql";
import type { CommenterComment, CommenterPage, CommenterProfile } from "@/lib/schemas/commenter-profile";
import { THREAD_COMMENT_COLUMNS, type ThreadCommentRow, toThreadComment } from "./thread-comment-select";

export const COMMENTER_PAGE_SIZE = 25;

/** The commenter's profile: status, first seen, tone profile against the publication's, notes. */
export async function getCommenterProfile(
  commenterId: number,
  options: { includeNotes: boolean },
): Promise<CommenterProfile | null> {
  // Status and notes are moderation state a moderator has just changed on this page: the primary's. The
  // figures below may lag by the replica's delay.
  const commenter = await db().commenter.findUnique({
    where: { id: commenterId },
    select: {
      id: true,
      name: true,
      handle: true,
      status: true,
      firstSeenAt: true,
      publicationId: true,
      publication: { select: { name: true } },
      notes: {
        where: options.includeNotes ? {} : { id: -1 },
        orderBy: { createdAt: "desc" },
        take: 50,
        select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
      },
    },
  });
  if (!commenter) return null;
  // From the rollups: the commenter's row per post, and the publication's posts.
  const [mine, publication] = await Promise.all([
    readSql()<{ comments: number; posts: number; tones: number[]; stances: number[] }[]>`
      SELECT coalesce(sum(comments), 0)::int AS comments, count(*) FILTER (WHERE comments > 0)::int AS posts,
        ARRAY(SELECT coalesce(sum(t.n), 0)::int FROM post_commenter_rollup r,
              unnest(r.tone_counts) WITH ORDINALITY AS t(n, i)
              WHERE r.commenter_id = ${commenterId} GROUP BY t.i ORDER BY t.i) AS tones,
        ARRAY(SELECT coalesce(sum(t.n), 0)::int FROM post_commenter_rollup r,
              unnest(r.stance_counts) WITH ORDINALITY AS t(n, i)
              WHERE r.commenter_id = ${commenterId} GROUP BY t.i ORDER BY t.i) AS stances
      FROM post_commenter_rollup WHERE commenter_id = ${commenterId}`,
    readSql()<{ tones: number[] }[]>`
      SELECT ARRAY(SELECT coalesce(sum(t.n), 0)::int FROM post_rollup r, unnest(r.tone_counts) WITH ORDINALITY AS t(n, i)
              WHERE r.publication_id = ${commenter.publicationId} GROUP BY t.i ORDER BY t.i) AS tones`,
  ]);
  const counts = mine[0];
  return {
    id: commenter.id,
    name: commenter.name,
    handle: commenter.handle,
    status: commenter.status,
    firstSeenAt: commenter.firstSeenAt.toISOString(),
    publicationId: commenter.publicationId,
    publicationName: commenter.publication.name,
    comments: counts?.comments ?? 0,
    posts: counts?.posts ?? 0,
    tones: toneCountsFromVector(counts?.tones),
    publicationTones: toneCountsFromVector(publication[0]?.tones),
    stances: stanceCountsFromVector(counts?.stances),
    notes: commenter.notes.map((n) => ({
      id: n.id,
      body: n.body,
      createdAt: n.createdAt.toISOString(),
      authorName: n.author?.name ?? null,
    })),
  };
}

/** One page of the commenter's comments across posts, newest first, keyset-paged on (posted_at, id). */
export async function getCommenterComments(
  commenterId: number,
  cursor?: string,
  limit = COMMENTER_PAGE_SIZE,
): Promise<{ comments: CommenterComment[]; nextCursor: string | null }> {
  const sql = readSql();
  let before: SqlFragment = sql``;
  if (cursor) {
    const [at, id] = cursor.split("_");
    before = sql` AND (c.posted_at, c.id) < (${new Date(at ?? "")}::timestamptz, ${Number(id)}::int)`;
  }
  const rows = await sql<(ThreadCommentRow & { post_title: string })[]>`
    SELECT ${sql.unsafe(THREAD_COMMENT_COLUMNS)}, p.title AS post_title
    FROM comment c
    JOIN post p ON p.id = c.post_id
    LEFT JOIN comment_score s ON s.comment_id = c.id
    WHERE c.commenter_id = ${commenterId} ${before}
    ORDER BY c.posted_at DESC, c.id DESC
    LIMIT ${limit + 1}`;
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown.at(-1);
  return {
    comments: shown.map((r) => ({ ...toThreadComment(r), postTitle: r.post_title })),
    nextCursor: more && last ? `${last.posted_at.toISOString()}_${last.id}` : null,
  };
}

/**
 * The commenter page's data: the profile and the first (or a later) page of comments. Moderator notes are
 * moderation records: only people who may moderate see them.
 */
export async function getCommenterPage(
  commenterId: number,
  options: { cursor?: string; includeNotes: boolean },
): Promise<CommenterPage | null> {
  const [commenter, page] = await Promise.all([
    getCommenterProfile(commenterId, { includeNotes: options.includeNotes }),
    getCommenterComments(commenterId, options.cursor),
  ]);
  return commenter ? { commenter, ...page } : null;
}
