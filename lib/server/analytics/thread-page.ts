import "server-only";
import { readSql } from "@/lib/db/sql";
import type { CommentFilters } from "@/lib/schemas/comment-filters";
import type { ThreadPage } from "@/lib/schemas/thread";
import { commentFilterSql, unfiltered } from "./comment-filter-sql";
import { THREAD_COMMENT_COLUMNS, type ThreadCommentRow, toThreadComment } from "./thread-comment-select";

/**
 * Comments per thread page. 50 (it was 100): on the busiest post of the 1M benchmark, a page of 100 (190 KB,
 * about 13 cue spans per comment) cost the web process 8 ms of CPU and PostgreSQL 2.4 ms; 50 costs about 60% of
 * that, and the browser renders the first screenful sooner. "Load more" fetches the next 50.
 */
export const THREAD_PAGE_SIZE = 50;

/**
 * One page of the thread in tree order, keyset-paged on thread_key; filters keep each match's depth. `from`
 * (a comment id) starts the thread at the top-level conversation holding that comment, so a link to a comment
 * (search results, entity mentions) opens the thread where it is.
 */
export async function getThreadPage(
  postId: number,
  filters: CommentFilters,
  page: { cursor?: string; limit?: number; from?: number } = {},
): Promise<ThreadPage> {
  const limit = page.limit ?? THREAD_PAGE_SIZE;
  const sql = readSql();
  const after = page.cursor
    ? sql` AND c.thread_key > string_to_array(${page.cursor}, '.')::int[]`
    : page.from !== undefined
      ? sql` AND c.thread_key >= coalesce((
          SELECT ARRAY[a.thread_key[1]] FROM comment a WHERE a.id = ${page.from} AND a.post_id = ${postId}), ARRAY[0])`
      : sql``;
  const filtered = commentFilterSql(sql, filters);
  const [rows, counted] = await Promise.all([
    // Tree order is thread_key (ancestor ids root first, then the comment's id: every reply right after its
    // parent's subtree position, siblings by id); the (post_id, thread_key) index hands out a page without
    // sorting the thread.
    sql<(ThreadCommentRow & { thread_key: number[] })[]>`
      SELECT ${sql.unsafe(THREAD_COMMENT_COLUMNS)}, c.thread_key
      FROM comment c LEFT JOIN comment_score s ON s.comment_id = c.id
      WHERE c.post_id = ${postId} ${filtered} ${after}
      ORDER BY c.thread_key
      LIMIT ${limit + 1}`,
    // Unfiltered, the post's rollup has the counts; a filter has to count its matches.
    unfiltered(filters)
      ? sql<{ total: number; deleted: number }[]>`
          SELECT (r.comments + r.deleted)::int AS total, r.deleted FROM post_rollup r WHERE r.post_id = ${postId}`
      : sql<{ total: number; deleted: number }[]>`
          SELECT count(*)::int AS total, count(*) FILTER (WHERE c.body IS NULL)::int AS deleted
          FROM comment c LEFT JOIN comment_score s ON s.comment_id = c.id
          WHERE c.post_id = ${postId} ${filtered}`,
  ]);
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown.at(-1);
  return {
    postId,
    total: counted[0]?.total ?? 0,
    deleted: counted[0]?.deleted ?? 0,
    comments: shown.map(toThreadComment),
    nextCursor: more && last ? last.thread_key.join(".") : null,
  };
}
