import "server-only";
import { readSql } from "@/lib/db/sql";
import type { CommentFilters } from "@/lib/schemas/comment-filters";
import type { ReadingList, ReadingListName } from "@/lib/schemas/post-figures";
import { commentFilterSql, FLAGGED_SQL } from "./comment-filter-sql";
import { THREAD_COMMENT_COLUMNS, type ThreadCommentRow, toThreadComment } from "./thread-comment-select";

const TONE = "coalesce(c.corrected_tone, s.tone)";
const STANCE = "coalesce(c.corrected_stance, s.stance)";
const toneScore = (tone: "analytical" | "skeptical" | "dismissive") =>
  `coalesce((s.tone_scores ->> '${tone}')::float8, 0)`;

/**
 * Which comments qualify for each list and how they rank (the contract is in lib/schemas/post-figures.ts):
 * fixed SQL text, no parameters.
 */
const LISTS: Record<ReadingListName, { where: string; order: string }> = {
  pushback: {
    where: `c.body IS NOT NULL AND ${TONE} IN ('analytical', 'skeptical')
      AND (${STANCE} = 'disagree' OR ${TONE} = 'skeptical') AND coalesce(s.hostility, 0) < 0.5`,
    order: `${toneScore("analytical")} + ${toneScore("skeptical")} DESC, c.reaction_count DESC, c.id`,
  },
  dismissive: {
    where: `c.body IS NOT NULL AND ${TONE} = 'dismissive'`,
    order: `${toneScore("dismissive")} DESC, c.reaction_count DESC, c.id`,
  },
  flagged: {
    where: FLAGGED_SQL,
    order: `c.posted_at DESC, c.id DESC`,
  },
};

/** The first `limit` comments of a reading list of the post, among those matching the filters. */
export async function getReadingList(
  postId: number,
  list: ReadingListName,
  filters: CommentFilters,
  limit = 5,
): Promise<ReadingList> {
  const sql = readSql();
  const where = sql.unsafe(LISTS[list].where);
  const filtered = commentFilterSql(sql, filters);
  const [rows, counted] = await Promise.all([
    sql<ThreadCommentRow[]>`
      SELECT ${sql.unsafe(THREAD_COMMENT_COLUMNS)}
      FROM comment c LEFT JOIN comment_score s ON s.comment_id = c.id
      WHERE c.post_id = ${postId} AND ${where} ${filtered}
      ORDER BY ${sql.unsafe(LISTS[list].order)}
      LIMIT ${limit}`,
    sql<{ total: number }[]>`
      SELECT count(*)::int AS total
      FROM comment c LEFT JOIN comment_score s ON s.comment_id = c.id
      WHERE c.post_id = ${postId} AND ${where} ${filtered}`,
  ]);
  return { postId, list, total: counted[0]?.total ?? 0, comments: rows.map(toThreadComment) };
}
