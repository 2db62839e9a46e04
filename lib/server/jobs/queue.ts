import "server-only";
import PgBoss from "pg-boss";
import { z } from "zod";
import { connections } from "@/lib/db/connections";
import { sql } from "@/lib/db/sql";
import { env, namedSecret } from "@/lib/env";
import { parseHostAllowances } from "@/lib/ingest/address-policy";
import { JOB_SCHEMA, QUEUE_OPTIONS, QUEUES } from "@/lib/jobs/queues";
import { SUBSTACK_COOKIE_ENV } from "@/lib/schemas/imports";
import type { GuardOptions } from "@/lib/server/ingest/guarded-fetch";
import { type ImportSummary, importSubstack } from "@/lib/server/ingest/substack-import";
import { refreshInsights } from "@/lib/server/insights/refresh";
import { moderateRefinedFlags } from "@/lib/server/moderation/auto-moderate";
import { runRulesRerun } from "@/lib/server/moderation/rules-rerun";
import { reshowChangedLabels } from "@/lib/server/scoring/labels";
import { llmConfig } from "@/lib/server/scoring/llm-client";
import { refineWithLlm } from "@/lib/server/scoring/llm-refiner";
import {
  labelNewCommentsWithPublicationModels,
  publicationsWithStaleModels,
  refitIfDue,
} from "@/lib/server/scoring/publication-model";
import { refineWithEncoder } from "@/lib/server/scoring/refine-encoder";
import { currentRefinerVersions, encoderEnabled } from "@/lib/server/scoring/refiners";
import { scorePendingComments } from "@/lib/server/scoring/score-comments";

/**
 * Background work through pg-boss, a queue kept in PostgreSQL (schema `pgboss`): any number of processes on
 * any number of machines share it: imports, scheduled syncs and the background refinement of labels (the
 * sentence encoder; the user's language model when configured; each publication's heads refitted on its
 * corrections). In the embedded default the web process runs
 * the workers itself (MARGINALIA_IN_PROCESS_JOBS); with dedicated workers, `marginalia worker` runs them.
 */

export { QUEUES } from "@/lib/jobs/queues";

/** Comments one scoring job scores (about ten seconds' work); a full chunk queues the next job at once. */
const SCORE_JOB_CHUNK = 20_000;
/** Comments one publication-model run labels (the fast heads: thousands a second). */
const PUBLICATION_MODEL_CHUNK = 20_000;
/** Seconds a refit waits after the correction that queued it, so the corrections around it join in. */
const REFIT_DELAY_SECONDS = 60;

export const refitJobSchema = z.object({ publicationId: z.number().int().positive() });

export const rulesRerunJobSchema = z.object({
  publicationId: z.number().int().positive(),
  /** Who asked (the RULES_RERUN log row names them); null from the command line. */
  actorId: z.string().nullable(),
});
export type RulesRerunJob = z.infer<typeof rulesRerunJobSchema>;

/** Comments one encoder run refines (about half a minute of encoder work at ~40 a second). */
const ENCODER_CHUNK = 1000;

/** How often the LLM refiner looks for new comments; a run ends when none is left or the budget is spent. */
const REFINE_LLM_SCHEDULE = "*/5 * * * *";

export const substackImportJobSchema = z.object({
  url: z.string().min(1),
  since: z.string().optional(),
  posts: z.number().int().positive().optional(),
  cookieEnv: z.string().regex(SUBSTACK_COOKIE_ENV).optional(),
  startedById: z.string().nullable().optional(),
});
export type SubstackImportJob = z.infer<typeof substackImportJobSchema>;

const globalForBoss = globalThis as { marginaliaBoss?: Promise<PgBoss> };

export function boss(): Promise<PgBoss> {
  globalForBoss.marginaliaBoss ??= (async () => {
    // On the primary's pg pool, shared with Prisma: no pool of its own (lib/db/README.md).
    const instance = new PgBoss({ db: connections().jobQueueDb, schema: JOB_SCHEMA });
    instance.on("error", (err) => console.error("job queue:", err.message));
    // The schema and the queues exist already (the owner made them when preparing the database); starting
    // only checks them, and createQueue leaves an existing queue as it is.
    await instance.start();
    for (const name of Object.values(QUEUES))
      await instance.createQueue(name, { name, ...QUEUE_OPTIONS[name] });
    return instance;
  })();
  return globalForBoss.marginaliaBoss;
}

/** Queues an import; returns the job id, or null when one for the same publication is already waiting. */
export async function enqueueSubstackImport(job: SubstackImportJob): Promise<string | null> {
  const queue = await boss();
  return queue.send(QUEUES.importSubstack, job, {
    singletonKey: new URL(job.url).origin,
    retryLimit: 1,
    expireInSeconds: 6 * 60 * 60,
  });
}

/**
 * Queues a refit of the publication's heads a minute from now; null when one is already waiting (it will
 * see this correction too). The job itself decides whether enough is new (refitIfDue).
 */
export async function enqueuePublicationModelRefit(publicationId: number): Promise<string | null> {
  const queue = await boss();
  return queue.send(
    QUEUES.refitPublicationModel,
    { publicationId },
    {
      singletonKey: String(publicationId),
      startAfter: REFIT_DELAY_SECONDS,
      retryLimit: 1,
      expireInSeconds: 30 * 60,
    },
  );
}

/**
 * Queues a re-run of the rules over a publication's undecided comments; null when one is already waiting (it
 * reads the settings when it runs, so it applies this request's settings too).
 */
export async function enqueueRulesRerun(job: RulesRerunJob): Promise<string | null> {
  const queue = await boss();
  return queue.send(QUEUES.rerunRules, job, { singletonKey: String(job.publicationId) });
}

/**
 * One scoring job: scores and moderates up to a chunk of the unscored comments (all publications, or one) and,
 * when the chunk was full, queues the next so the backlog keeps moving; several workers run these at once.
 */
export async function runScoringJob(data: unknown): Promise<number> {
  const { publicationId } = z
    .object({ publicationId: z.number().int().positive().optional() })
    .parse(data ?? {});
  const result = await scorePendingComments(sql(), { publicationId, limit: SCORE_JOB_CHUNK });
  if (result.scored >= SCORE_JOB_CHUNK)
    await (await boss()).send(QUEUES.scorePending, publicationId ? { publicationId } : {});
  return result.scored;
}

/** The rule re-run job's handler (any worker): parses its data and runs it. */
export async function runRulesRerunJob(data: unknown) {
  const job = rulesRerunJobSchema.parse(data);
  return runRulesRerun(job.publicationId, job.actorId);
}

/** Stops this process's queue client if it started one (tests, shutdown). */
export async function stopQueue(): Promise<void> {
  const started = globalForBoss.marginaliaBoss;
  if (!started) return;
  globalForBoss.marginaliaBoss = undefined;
  await (await started).stop({ graceful: false, wait: true });
}

/**
 * Publications whose sync interval has passed since their last sync (or that were never synced). A sync reuses
 * the cookie variable of the publication's latest Substack run, so cookie-only publications keep working.
 */
export async function enqueueDueSyncs(): Promise<number> {
  const due = await sql()<{ base_url: string; cookie_env: string | null }[]>`
    SELECT p.base_url,
      (SELECT r.params->>'cookieEnv' FROM import_run r WHERE r.publication_id = p.id AND r.source = 'SUBSTACK'
       ORDER BY r.started_at DESC LIMIT 1) AS cookie_env
    FROM publication p
    WHERE p.platform = 'SUBSTACK' AND p.sync_interval_minutes IS NOT NULL
      AND (p.last_synced_at IS NULL OR p.last_synced_at < now() - make_interval(mins => p.sync_interval_minutes))
      AND NOT EXISTS (SELECT 1 FROM import_run r WHERE r.publication_id = p.id AND r.status = 'RUNNING'
                      AND r.heartbeat_at > now() - interval '2 minutes')`;
  for (const p of due) {
    const cookieEnv = p.cookie_env && SUBSTACK_COOKIE_ENV.test(p.cookie_env) ? p.cookie_env : undefined;
    await enqueueSubstackImport({ url: p.base_url, cookieEnv, startedById: null });
  }
  return due.length;
}

/** The rules for what the server fetches on a web user's behalf, from the environment. */
export function webFetchGuard(): GuardOptions {
  return { allowances: parseHostAllowances(env().MARGINALIA_IMPORT_ALLOW_HOSTS) };
}

/**
 * One import job: started in the app or by a schedule, so always on a web user's behalf (webGuard). The cookie
 * comes from the named SUBSTACK_ variable of this process.
 */
export async function runSubstackImportJob(
  job: SubstackImportJob,
  guard: GuardOptions = webFetchGuard(),
  transport?: Parameters<typeof importSubstack>[1]["transport"],
): Promise<ImportSummary> {
  const data = substackImportJobSchema.parse(job);
  return importSubstack(sql(), {
    url: data.url,
    since: data.since ? new Date(`${data.since}T00:00:00Z`) : undefined,
    maxPosts: data.posts,
    cookie: data.cookieEnv ? namedSecret(data.cookieEnv) : undefined,
    cookieEnv: data.cookieEnv,
    startedById: data.startedById ?? null,
    webGuard: guard,
    transport,
  });
}

/** Starts the workers in this process (idempotent). */
export async function startWorkers(log: (line: string) => void = (l) => console.log(l)): Promise<PgBoss> {
  const queue = await boss();
  const g = globalThis as { marginaliaWorkers?: boolean };
  if (g.marginaliaWorkers) return queue;
  g.marginaliaWorkers = true;
  await queue.work<SubstackImportJob>(QUEUES.importSubstack, { batchSize: 1 }, async ([job]) => {
    if (!job) return;
    const result = await runSubstackImportJob(job.data);
    log(`import run ${result.runId} of ${job.data.url}: ${result.status}`);
  });
  await queue.work(QUEUES.syncDue, async () => {
    const count = await enqueueDueSyncs();
    if (count > 0) log(`queued ${count} scheduled sync(s)`);
  });
  await queue.schedule(QUEUES.syncDue, "* * * * *");
  if (encoderEnabled()) {
    await queue.work(QUEUES.refineEncoder, async () => {
      const result = await refineWithEncoder(sql(), { limit: ENCODER_CHUNK });
      if (result.refined > 0) log(`refined ${result.refined} comments with the sentence encoder`);
      await moderateRefinedFlags(sql(), result.newlyFlagged);
    });
    await queue.schedule(QUEUES.refineEncoder, "* * * * *");
  } else await queue.unschedule(QUEUES.refineEncoder);
  // A refiner switched off (or on again) since the last start changes which labels are shown; in the
  // background, as it may pass over every comment.
  void reshowChangedLabels(sql(), currentRefinerVersions()).then(
    (n) => n > 0 && log(`re-showed the labels of ${n} comments after a refiner configuration change`),
    (err: unknown) => console.error("re-showing labels:", err instanceof Error ? err.message : err),
  );
  await workLlmRefiner(queue, log);
  await queue.work(QUEUES.scorePending, { batchSize: 1 }, async ([job]) => {
    const scored = await runScoringJob(job?.data);
    if (scored > 0) log(`scored ${scored} comments`);
  });
  await queue.schedule(QUEUES.scorePending, "* * * * *");
  await queue.work(QUEUES.rerunRules, { batchSize: 1 }, async ([job]) => {
    if (!job) return;
    const result = await runRulesRerunJob(job.data);
    log(
      `re-ran the rules over ${result.checked} comments of publication ${result.publicationId}: ${result.decided} decided`,
    );
  });
  await queue.work(QUEUES.refitPublicationModel, { batchSize: 1 }, async ([job]) => {
    if (!job) return;
    const { publicationId } = refitJobSchema.parse(job.data);
    const result = await refitIfDue(publicationId);
    if (result.answer?.status === "refitted") {
      const m = result.answer.model;
      log(`refitted publication ${publicationId} as model ${m.id}: ${m.metrics?.decision.reason ?? ""}`);
    }
  });
  await queue.work(QUEUES.labelWithPublicationModels, async () => {
    const labelled = await labelNewCommentsWithPublicationModels(sql(), PUBLICATION_MODEL_CHUNK);
    if (labelled > 0) log(`labelled ${labelled} comments with their publication's refitted heads`);
    for (const publicationId of await publicationsWithStaleModels(sql()))
      await enqueuePublicationModelRefit(publicationId);
  });
  await queue.schedule(QUEUES.labelWithPublicationModels, "* * * * *");
  await queue.work(QUEUES.insights, async () => {
    const result = await refreshInsights(sql());
    if (result.argumentPosts > 0) log(`grouped the arguments of ${result.argumentPosts} post(s)`);
    if (result.surges > 0) log(`raised ${result.surges} surge flag(s)`);
    if (result.notificationsSent > 0) log(`sent ${result.notificationsSent} notification(s)`);
  });
  await queue.schedule(QUEUES.insights, "* * * * *");
  return queue;
}

/**
 * Works and schedules the LLM refiner's job when this process is configured for it (unschedules it when not):
 * newly flagged comments go through the moderation rules, and a run ended by a failed request fails the job.
 */
export async function workLlmRefiner(queue: PgBoss, log: (line: string) => void): Promise<void> {
  if (llmConfig()) {
    await queue.work(QUEUES.refineLlm, async () => {
      const result = await refineWithLlm(sql(), { log });
      if (result.refined > 0 || result.stats.failed > 0)
        log(
          `refined ${result.refined} comments with ${result.version}: ${result.stats.sent} sent, ${result.stats.failed} left to the fast labels (${result.stoppedBy})`,
        );
      await moderateRefinedFlags(sql(), result.newlyFlagged);
      // Failed for pg-boss's record; the next scheduled run resumes where this one stopped.
      if (result.error) throw result.error;
    });
    await queue.schedule(QUEUES.refineLlm, REFINE_LLM_SCHEDULE);
  } else await queue.unschedule(QUEUES.refineLlm);
}
