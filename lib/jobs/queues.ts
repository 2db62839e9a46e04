/**
 * The job queues (pg-boss), by name and creation options. The database's owner creates them when it prepares
 * the database (lib/db/job-queue-schema.ts): creating a queue creates a table, which the app's role may not.
 */
export const QUEUES = {
  /** One Substack import or sync; data: SubstackImportJob. One at a time per publication (singletonKey). */
  importSubstack: "import-substack",
  /** Every minute: enqueue syncs for publications whose interval has passed. */
  syncDue: "sync-due-publications",
  /** Every minute: refine scored comments with the sentence encoder, a bounded chunk per run. */
  refineEncoder: "refine-encoder",
  /**
   * Every few minutes while the LLM refiner is configured: label the comments it has not labelled yet,
   * newest posts first, until the day's budget is spent. One waiting and one running at most (stately).
   */
  refineLlm: "refine-llm",
  /**
   * Refit a publication's heads on its corrections when enough are new (or its model is stale); data:
   * { publicationId }. Queued a minute after a correction, one waiting per publication (singletonKey), so a
   * burst of corrections makes one refit.
   */
  refitPublicationModel: "refit-publication-model",
  /** Every minute: label new comments with their publication's active model; queue refits of stale ones. */
  labelWithPublicationModels: "label-with-publication-models",
  /** Every minute: argument groups, entities, surge checks and notifications (lib/server/insights). */
  insights: "refresh-insights",
  /**
   * Re-apply the automatic rules to a publication's undecided comments; data: { publicationId, actorId }. One
   * waiting and one running per publication (singletonKey): asking again while one waits changes nothing, as
   * the waiting one reads the settings when it runs. A worker killed mid-run leaves the job to be retried
   * (the rules skip what they decided and never raise a flag twice).
   */
  rerunRules: "rerun-moderation-rules",
  /**
   * Score and moderate unscored comments (new and edited), a bounded chunk per job; data: {} or
   * { publicationId }. Every minute, and again at once after a full chunk: with several workers several jobs
   * run at a time, their claims (SKIP LOCKED) keeping them on different comments.
   */
  scorePending: "score-pending",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface QueueOptions {
  policy?: "standard" | "short" | "singleton" | "stately";
  expireInSeconds?: number;
  retryLimit?: number;
}

export const QUEUE_OPTIONS: Readonly<Record<QueueName, QueueOptions>> = {
  // "stately": at most one waiting and one running job per singleton key, i.e. per publication.
  [QUEUES.importSubstack]: { policy: "stately" },
  [QUEUES.syncDue]: {},
  // "singleton": one run at a time across every worker; SKIP LOCKED claims inside keep them apart anyway.
  [QUEUES.refineEncoder]: { policy: "singleton" },
  // A run may take hours on a slow local model; a failed one is simply retried at the next tick.
  [QUEUES.refineLlm]: { policy: "stately", expireInSeconds: 6 * 60 * 60, retryLimit: 0 },
  [QUEUES.refitPublicationModel]: { policy: "stately" },
  [QUEUES.labelWithPublicationModels]: { policy: "singleton" },
  // One run at a time: each pass claims the posts whose comments changed since their last pass.
  [QUEUES.insights]: { policy: "singleton" },
  [QUEUES.rerunRules]: { policy: "stately", expireInSeconds: 60 * 60, retryLimit: 3 },
  [QUEUES.scorePending]: { expireInSeconds: 30 * 60, retryLimit: 2 },
};

/** pg-boss's schema. */
export const JOB_SCHEMA = "pgboss";
