import "server-only";
import type { Sql, SqlFragment } from "@/lib/db/sql";
import { QUEUE_PRIORITY_WEIGHTS } from "@/lib/moderation/priority";
import type { QueueTab } from "@/lib/schemas/moderation-queue";

/**
 * Which comments a tab shows: `queueTabIncludes` (lib/moderation/queue-tabs.ts) over `queue_rank q`, whose
 * held/reported/status the queue_rank triggers keep (comments without text are not in it); tied to it by
 * tests/integration/moderation-queue.test.ts.
 */
export function rankTabCondition(sql: Sql, tab: QueueTab): SqlFragment {
  switch (tab) {
    case "needs_review":
      return sql`q.held`;
    case "reported":
      return sql`q.reported`;
    case "approved":
      return sql`q.status = 'APPROVED'`;
    case "rejected":
      return sql`q.status = 'REJECTED'`;
    case "all":
      return sql`TRUE`;
  }
}

const w = QUEUE_PRIORITY_WEIGHTS;

/** The most the comment's age adds to `queue_rank.rank`. */
export const MAX_ABOVE_RANK = w.AGE;

/**
 * `queuePriority` (lib/moderation/priority.ts) in SQL: `queue_rank.rank` (everything but the age: signals, flags,
 * reactions, the commenter's rejections and standing, computed by the queue_rank migration's trigger function
 * with the same weights) plus the age term, its constants passed as parameters and measured at `asOf` so the
 * order stays still while a moderator pages through it. tests/integration/moderation-queue.test.ts compares
 * the sum with queuePriority() row by row, so the two sides cannot drift apart silently.
 */
export function priorityExpression(
  sql: Sql,
  asOf: Date,
  rank: SqlFragment,
  postedAt: SqlFragment,
): SqlFragment {
  return sql`(
    ${rank}
    + ${w.AGE}::float8 * LEAST(GREATEST(EXTRACT(EPOCH FROM (${asOf}::timestamptz - ${postedAt}))::float8 / 3600, 0), ${w.AGE_CAP_HOURS}::float8)
        / ${w.AGE_CAP_HOURS}::float8
  )`;
}
