import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import { QUEUE_PRIORITY_WEIGHTS } from "@/lib/moderation/priority";
import type { QueueTab } from "@/lib/schemas/moderation-queue";

/** Fragments shared by the queue list and its counts, over `comment c` (and `comment_score s`, `commenter m`). */

export const HAS_OPEN_SYSTEM_FLAG = Prisma.sql`EXISTS (SELECT 1 FROM flag f WHERE f.comment_id = c.id AND f.status = 'OPEN' AND f.raised_by_id IS NULL)`;
export const HAS_OPEN_PERSON_FLAG = Prisma.sql`EXISTS (SELECT 1 FROM flag f WHERE f.comment_id = c.id AND f.status = 'OPEN' AND f.raised_by_id IS NOT NULL)`;
const HAS_OPEN_FLAG = Prisma.sql`EXISTS (SELECT 1 FROM flag f WHERE f.comment_id = c.id AND f.status = 'OPEN')`;

/**
 * Which comments a tab shows: `queueTabIncludes` (lib/moderation/queue-tabs.ts) in SQL, tied to it by
 * tests/integration/moderation-queue.test.ts. Deleted comments, which have no body, are never in the queue.
 */
export function tabCondition(tab: QueueTab): Prisma.Sql {
  switch (tab) {
    case "needs_review":
      return Prisma.sql`(c.status = 'SYSTEM_WITHHELD' OR ${HAS_OPEN_SYSTEM_FLAG})`;
    case "reported":
      return HAS_OPEN_PERSON_FLAG;
    case "approved":
      return Prisma.sql`c.status = 'APPROVED'`;
    case "rejected":
      return Prisma.sql`c.status = 'REJECTED'`;
    case "all":
      return Prisma.sql`TRUE`;
  }
}

const unit = (column: Prisma.Sql) => Prisma.sql`LEAST(GREATEST(coalesce(${column}, 0)::float8, 0), 1)`;

/**
 * `queuePriority` (lib/moderation/priority.ts) in SQL, with the same constants passed as parameters, so the
 * two cannot drift apart silently; tests/integration/moderation-queue.test.ts compares them row by row.
 * `rejected` is the commenter's rejected comments other than this one; age is measured at `asOf` so the
 * order stays still while a moderator pages through it.
 */
export function priorityExpression(asOf: Date, rejected: Prisma.Sql): Prisma.Sql {
  const w = QUEUE_PRIORITY_WEIGHTS;
  const s = w.STATUS;
  return Prisma.sql`(
    ${w.THREAT}::float8 * ${unit(Prisma.sql`s.threat`)}
    + ${w.HOSTILE}::float8 * ${unit(Prisma.sql`s.hostility`)}
    + ${w.IDENTITY_ATTACK}::float8 * ${unit(Prisma.sql`s.identity_attack`)}
    + ${w.INSULT}::float8 * ${unit(Prisma.sql`s.insult`)}
    + CASE WHEN coalesce(s.flag, false) OR ${HAS_OPEN_FLAG} THEN ${w.FLAG}::float8 ELSE 0 END
    + ${w.REACTIONS}::float8 * LEAST(LN(1 + GREATEST(c.reaction_count, 0)::float8), ${w.REACTIONS_LOG_CAP}::float8)
    + ${w.REJECTED}::float8 * LEAST(GREATEST(${rejected}, 0)::float8, ${w.REJECTED_CAP}::float8)
    + CASE m.status
        WHEN 'WATCHED' THEN ${s.WATCHED}::float8
        WHEN 'PREMOD' THEN ${s.PREMOD}::float8
        WHEN 'SUSPENDED' THEN ${s.SUSPENDED}::float8
        WHEN 'BANNED' THEN ${s.BANNED}::float8
        ELSE ${s.ACTIVE}::float8 END
    + ${w.AGE}::float8 * LEAST(GREATEST(EXTRACT(EPOCH FROM (${asOf}::timestamptz - c.posted_at))::float8 / 3600, 0), ${w.AGE_CAP_HOURS}::float8)
        / ${w.AGE_CAP_HOURS}::float8
  )`;
}
