import type { CommentStatus } from "@/lib/moderation/types";

/** The moderation queue's tabs, in the order the page shows them. */
export const QUEUE_TABS = ["needs_review", "reported", "all", "approved", "rejected"] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

/** What decides whether a comment with a body is in a tab. */
export interface QueueTabFacts {
  readonly status: CommentStatus;
  /** An open flag a rule raised. */
  readonly hasOpenSystemFlag: boolean;
  /** An open flag a person raised (a report). */
  readonly hasOpenPersonFlag: boolean;
}

/**
 * Which comments a tab shows. The server's SQL (`rankTabCondition`, lib/server/moderation/queue-sql.ts) says the
 * same; tests/integration/moderation-queue.test.ts checks every tab of the real queue against this.
 */
export function queueTabIncludes(tab: QueueTab, facts: QueueTabFacts): boolean {
  switch (tab) {
    case "needs_review":
      return facts.status === "SYSTEM_WITHHELD" || facts.hasOpenSystemFlag;
    case "reported":
      return facts.hasOpenPersonFlag;
    case "approved":
      return facts.status === "APPROVED";
    case "rejected":
      return facts.status === "REJECTED";
    case "all":
      return true;
  }
}
