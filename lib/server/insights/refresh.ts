import "server-only";
import type { Sql } from "@/lib/db/sql";
import { deliverDue } from "@/lib/server/notifications/deliveries";
import { notifyHeldComments, notifySurges, sendDailyDigests } from "@/lib/server/notifications/sources";
import { refreshDueArguments } from "./arguments";
import { refreshDueEntities } from "./entity-scan";
import { checkSurges } from "./surges";

/** Posts one run of the insights job takes at most. */
const POSTS_PER_RUN = 50;
/**
 * Work one run starts on the posts' groups and names (a post begun is finished): far below the job's expiry, so
 * a large import is worked through over several runs rather than in one that outlives its lease.
 */
const STEP_BUDGET_MS = 2 * 60_000;

export interface InsightsRunResult {
  argumentPosts: number;
  entityPosts: number;
  surges: number;
  notificationsQueued: number;
  notificationsSent: number;
}

/**
 * The insights job, run every minute after scoring: argument groups and entities of changed posts, surge
 * checks of active threads, then notifications (surges, held comments, the daily digest) queued and sent.
 * Each step is bounded and picks up where the last run stopped.
 */
export async function refreshInsights(sql: Sql, now: Date = new Date()): Promise<InsightsRunResult> {
  const argumentPosts = await refreshDueArguments(sql, {
    limit: POSTS_PER_RUN,
    until: performance.now() + STEP_BUDGET_MS,
  });
  const entityPosts = await refreshDueEntities(sql, {
    limit: POSTS_PER_RUN,
    until: performance.now() + STEP_BUDGET_MS,
  });
  const surges = await checkSurges(sql, now);
  const notificationsQueued =
    (await notifySurges(sql, surges, now)) +
    (await notifyHeldComments(sql, now)) +
    (await sendDailyDigests(sql, now));
  const delivered = await deliverDue(sql, { now });
  return {
    argumentPosts: argumentPosts.length,
    entityPosts: entityPosts.length,
    surges: surges.length,
    notificationsQueued,
    notificationsSent: delivered.sent,
  };
}
