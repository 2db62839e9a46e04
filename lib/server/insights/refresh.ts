import "server-only";
import type { Db } from "@/lib/db/client";
import type { Sql } from "@/lib/db/sql";
import { refreshDueArguments } from "./arguments";
import { refreshDueEntities } from "./entity-scan";

/** Posts one run of the insights job groups at most (a few seconds of work). */
const POSTS_PER_RUN = 50;

export interface InsightsRunResult {
  argumentPosts: number;
  entityPosts: number;
}

/**
 * The insights job, run every minute after scoring: argument groups and entities of changed posts. Each step is bounded
 * and picks up where the last run stopped.
 */
export async function refreshInsights(ctx: { db: Db; sql: Sql }): Promise<InsightsRunResult> {
  const argumentPosts = await refreshDueArguments(ctx.sql, { limit: POSTS_PER_RUN });
  const entityPosts = await refreshDueEntities(ctx.sql, { limit: POSTS_PER_RUN });
  return { argumentPosts: argumentPosts.length, entityPosts: entityPosts.length };
}
