import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import { QUEUE_PRIORITY_WEIGHTS } from "@/lib/moderation/priority";
import type { QueueTab } from "@/lib/schemas/moderation-queue";

/**
 * Which comments a tab shows: `queueTabIncludes` (lib/moderation/queue-tabs.ts) over `queue_rank q`, whose
 * held/reported/status the queue_rank triggers keep (comments without text are not in it); tied to it by
 * tests/integration/moderation-queue.test.ts.
 */
export function rankTabCondition(tab: QueueTab): Prisma.Sql {
  switch (tab) {
    case "needs_review":
      return Prisma.sql`q.held`;
    case "reported":
      return Prisma.sql`q.reported`;
    case "approved":
      return Prisma.sql`q.status = 'APPROVED'`;
    case "rejected":
      return Prisma.sql`q.status = 'REJECTED'`;
    case "all":
      return Prisma.sql`TRUE`;
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
export function priorityExpression(asOf: Date, rank: Prisma.Sql, postedAt: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    ${rank}
    + ${w.AGE}::float8 * LEAST(GREATEST(EXTRACT(EPOCH FROM (${asOf}::timestamptz - ${postedAt}))::float8 / 3600, 0), ${w.AGE_CAP_HOURS}::float8)
        / ${w.AGE_CAP_HOURS}::float8
  )`;
}
