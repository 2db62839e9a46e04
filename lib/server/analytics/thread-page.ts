import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { CommentFilters } from "@/lib/schemas/comment-filters";
import type { ThreadPage } from "@/lib/schemas/thread";
import { commentFilterSql } from "./comment-filter-sql";
import { THREAD_COMMENT_COLUMNS, type ThreadCommentRow, toThreadComment } from "./thread-comment-select";

export const THREAD_PAGE_SIZE = 100;

/**
 * Tree order: the ancestor ids root first, then the comment's own id, compared as integer arrays, so every
 * reply sorts right after its parent's subtree position and siblings by id (import order). The same
 * expression is the keyset cursor.
 */
const SORT_KEY = Prisma.sql`(string_to_array(nullif(c.ancestor_path, ''), '.')::int[] || c.id)`;

/**
 * One page of the thread in tree order, keyset-paged on the sort key; filters keep each match's depth.
 * `from` (a comment id) starts the thread at the top-level conversation holding that comment, so a link to
 * a comment (search results, entity mentions) opens the thread where it is.
 */
export async function getThreadPage(
  postId: number,
  filters: CommentFilters,
  page: { cursor?: string; limit?: number; from?: number } = {},
): Promise<ThreadPage> {
  const limit = page.limit ?? THREAD_PAGE_SIZE;
  const after = page.cursor
    ? Prisma.sql` AND ${SORT_KEY} > string_to_array(${page.cursor}, '.')::int[]`
    : page.from !== undefined
      ? Prisma.sql` AND ${SORT_KEY} >= coalesce((
          SELECT ARRAY[coalesce(nullif(split_part(a.ancestor_path, '.', 1), '')::int, a.id)]
          FROM comment a WHERE a.id = ${page.from} AND a.post_id = ${postId}), ARRAY[0])`
      : Prisma.empty;
  const [rows, counted] = await Promise.all([
    db().$queryRaw<(ThreadCommentRow & { sort_key: number[] })[]>`
      SELECT ${THREAD_COMMENT_COLUMNS}, ${SORT_KEY} AS sort_key
      FROM comment c LEFT JOIN comment_score s ON s.comment_id = c.id
      WHERE c.post_id = ${postId} ${commentFilterSql(filters)} ${after}
      ORDER BY sort_key
      LIMIT ${limit + 1}`,
    db().$queryRaw<{ total: number; deleted: number }[]>`
      SELECT count(*)::int AS total, count(*) FILTER (WHERE c.body IS NULL)::int AS deleted
      FROM comment c LEFT JOIN comment_score s ON s.comment_id = c.id
      WHERE c.post_id = ${postId} ${commentFilterSql(filters)}`,
  ]);
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown.at(-1);
  return {
    postId,
    total: counted[0]?.total ?? 0,
    deleted: counted[0]?.deleted ?? 0,
    comments: shown.map(toThreadComment),
    nextCursor: more && last ? last.sort_key.join(".") : null,
  };
}
