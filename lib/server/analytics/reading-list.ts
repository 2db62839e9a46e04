import "server-only";
import { readDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { CommentFilters } from "@/lib/schemas/comment-filters";
import type { ReadingList, ReadingListName } from "@/lib/schemas/post-figures";
import { commentFilterSql, FLAGGED_SQL } from "./comment-filter-sql";
import { THREAD_COMMENT_COLUMNS, type ThreadCommentRow, toThreadComment } from "./thread-comment-select";

const TONE = Prisma.sql`coalesce(c.corrected_tone, s.tone)`;
const STANCE = Prisma.sql`coalesce(c.corrected_stance, s.stance)`;
const toneScore = (tone: string) => Prisma.sql`coalesce((s.tone_scores ->> ${tone})::float8, 0)`;

/** Which comments qualify for each list and how they rank; the contract is in lib/schemas/post-figures.ts. */
const LISTS: Record<ReadingListName, { where: Prisma.Sql; order: Prisma.Sql }> = {
  pushback: {
    where: Prisma.sql`c.body IS NOT NULL AND ${TONE} IN ('analytical', 'skeptical')
      AND (${STANCE} = 'disagree' OR ${TONE} = 'skeptical') AND coalesce(s.hostility, 0) < 0.5`,
    order: Prisma.sql`${toneScore("analytical")} + ${toneScore("skeptical")} DESC, c.reaction_count DESC, c.id`,
  },
  dismissive: {
    where: Prisma.sql`c.body IS NOT NULL AND ${TONE} = 'dismissive'`,
    order: Prisma.sql`${toneScore("dismissive")} DESC, c.reaction_count DESC, c.id`,
  },
  flagged: {
    where: FLAGGED_SQL,
    order: Prisma.sql`c.posted_at DESC, c.id DESC`,
  },
};

/** The first `limit` comments of a reading list of the post, among those matching the filters. */
export async function getReadingList(
  postId: number,
  list: ReadingListName,
  filters: CommentFilters,
  limit = 5,
): Promise<ReadingList> {
  const { where, order } = LISTS[list];
  const [rows, counted] = await Promise.all([
    readDb().$queryRaw<ThreadCommentRow[]>`
      SELECT ${THREAD_COMMENT_COLUMNS}
      FROM comment c LEFT JOIN comment_score s ON s.comment_id = c.id
      WHERE c.post_id = ${postId} AND ${where} ${commentFilterSql(filters)}
      ORDER BY ${order}
      LIMIT ${limit}`,
    readDb().$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS total
      FROM comment c LEFT JOIN comment_score s ON s.comment_id = c.id
      WHERE c.post_id = ${postId} AND ${where} ${commentFilterSql(filters)}`,
  ]);
  return { postId, list, total: counted[0]?.total ?? 0, comments: rows.map(toThreadComment) };
}
