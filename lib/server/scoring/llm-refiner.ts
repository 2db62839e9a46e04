import "server-only";
import { createHash } from "node:crypto";
import type { JSONValue } from "postgres";
import type { Sql } from "@/lib/db/sql";
import {
  buildChatMessages,
  type CommentAnswer,
  commentAnswerSchema,
  type LlmComment,
  parseAnswer,
  RUBRIC_VERSION,
  refinedFromAnswer,
  unanswered,
} from "@/lib/scoring/llm";
import { type CommentTextRow, commentTextColumns } from "./comment-text";
import { type RefinedLabels, storeRefinements } from "./labels";
import {
  type ChatClient,
  createChatClient,
  type LlmConfig,
  LlmError,
  llmConfig,
  llmVersion,
} from "./llm-client";
import type { RefineRunResult } from "./refine-encoder";
import { currentRefinerVersions } from "./refiners";

/**
 * The LLM refiner: labels comments with the user's own model through the cache (an answer is paid for once
 * per model, rubric, post title and text), the shared daily budget, batching and bounded concurrency. A
 * batch's unusable entries are asked again one comment at a time, once; what stays unusable keeps the fast
 * labels and is counted.
 */

export interface LlmLabelStats {
  /** Comments answered from the cache. */
  cached: number;
  /** Comments sent to the model (one asked again alone counts again). */
  sent: number;
  requests: number;
  /** Comments whose answer stayed unusable (left to the fast labels). */
  failed: number;
}

export interface LlmLabelResult {
  answers: Map<string, CommentAnswer>;
  /** Ids with no usable answer after the retry. */
  failed: string[];
  /** The daily budget ran out before every comment was asked about. */
  budgetExhausted: boolean;
  /** A request failed for good (after its retries); the answers gathered before it are still here. */
  error: LlmError | null;
  stats: LlmLabelStats;
}

export interface LlmRunner {
  config: LlmConfig;
  chat: ChatClient;
  log: (line: string) => void;
}

/** The configured model with its client, or null when the refiner is off. */
export function llmRunner(log: (line: string) => void = () => {}, config = llmConfig()): LlmRunner | null {
  return config ? { config, chat: createChatClient(config, { log }), log } : null;
}

export function cacheKey(model: string, c: Omit<LlmComment, "id">): string {
  return createHash("sha256")
    .update(JSON.stringify([model, RUBRIC_VERSION, c.postTitle, c.isReply, c.text]))
    .digest("hex");
}

const utcToday = (sql: Sql) => sql`(now() AT TIME ZONE 'UTC')::date`;

/**
 * Takes up to `wanted` comments from today's budget (all workers share the row, locked while it is read);
 * returns how many may be sent, 0 when the budget is spent.
 */
export async function reserveBudget(sql: Sql, wanted: number, budget: number): Promise<number> {
  return sql.begin(async (tx) => {
    const today = utcToday(tx as unknown as Sql);
    await tx`INSERT INTO llm_usage (day) VALUES (${today}) ON CONFLICT (day) DO NOTHING`;
    const [row] = await tx<{ comments: number }[]>`
      SELECT comments FROM llm_usage WHERE day = ${today} FOR UPDATE`;
    const granted = Math.max(0, Math.min(wanted, budget - (row?.comments ?? 0)));
    if (granted > 0)
      await tx`UPDATE llm_usage SET comments = comments + ${granted}, requests = requests + 1
               WHERE day = ${today}`;
    return granted;
  });
}

async function countFailed(sql: Sql, failed: number): Promise<void> {
  if (failed === 0) return;
  const today = utcToday(sql);
  await sql`INSERT INTO llm_usage (day, failed) VALUES (${today}, ${failed})
            ON CONFLICT (day) DO UPDATE SET failed = llm_usage.failed + excluded.failed`;
}

/** Today's use of the budget (for the CLI's report). */
export async function usageToday(sql: Sql): Promise<{ comments: number; requests: number; failed: number }> {
  const [row] = await sql<{ comments: number; requests: number; failed: number }[]>`
    SELECT comments, requests, failed FROM llm_usage WHERE day = ${utcToday(sql)}`;
  return row ?? { comments: 0, requests: 0, failed: 0 };
}

async function readCache(sql: Sql, keys: readonly string[]): Promise<Map<string, CommentAnswer>> {
  const rows = await sql<{ key: string; answer: unknown }[]>`
    SELECT key, answer FROM llm_label_cache WHERE key = ANY(${keys as string[]}::text[])`;
  const found = new Map<string, CommentAnswer>();
  for (const row of rows) {
    // An entry this code can no longer read is asked again rather than trusted.
    const parsed = commentAnswerSchema.safeParse(row.answer);
    if (parsed.success) found.set(row.key, parsed.data);
  }
  return found;
}

async function writeCache(sql: Sql, model: string, entries: { key: string; answer: CommentAnswer }[]) {
  if (entries.length === 0) return;
  const rows = entries.map((e) => ({ key: e.key, model, answer: e.answer, created_at: new Date() }));
  await sql`
    INSERT INTO llm_label_cache
    SELECT * FROM jsonb_populate_recordset(null::llm_label_cache, ${sql.json(rows as unknown as JSONValue)})
    ON CONFLICT (key) DO NOTHING`;
}

/**
 * Labels `comments` (ids are the caller's) with the model: cached answers first, then batches of the rest,
 * `config.concurrency` requests at a time, each batch taking its comments from the daily budget first.
 * Stops asking when the budget is spent or a request fails for good, and returns what it has.
 */
export async function labelWithLlm(
  sql: Sql,
  runner: LlmRunner,
  comments: readonly LlmComment[],
  onProgress?: (answered: number) => void,
): Promise<LlmLabelResult> {
  const { config, chat, log } = runner;
  const result: LlmLabelResult = {
    answers: new Map(),
    failed: [],
    budgetExhausted: false,
    error: null,
    stats: { cached: 0, sent: 0, requests: 0, failed: 0 },
  };
  const keys = new Map(comments.map((c) => [c.id, cacheKey(config.model, c)]));
  const cached = await readCache(sql, [...new Set(keys.values())]);
  const toAsk: LlmComment[] = [];
  for (const c of comments) {
    const hit = cached.get(keys.get(c.id) as string);
    if (hit) result.answers.set(c.id, { ...hit, id: c.id });
    else toAsk.push(c);
  }
  result.stats.cached = result.answers.size;

  const stopped = () => result.budgetExhausted || result.error !== null;

  /** Asks the model about `batch` (at most what the budget grants); returns the ids still unanswered. */
  async function ask(batch: readonly LlmComment[]): Promise<string[] | null> {
    const granted = await reserveBudget(sql, batch.length, config.dailyBudget);
    if (granted < batch.length) result.budgetExhausted = true;
    if (granted === 0) return null;
    const sent = batch.slice(0, granted);
    // Batch-local handles: short, and the model never sees a database id.
    const local = sent.map((c, i) => ({ ...c, id: `c${i + 1}` }));
    const byLocal = new Map(local.map((c, i) => [c.id, sent[i] as LlmComment]));
    result.stats.sent += sent.length;
    result.stats.requests += 1;
    const text = await chat.complete(
      buildChatMessages(local),
      local.map((c) => c.id),
    );
    const parsed = parseAnswer(text, [...byLocal.keys()]);
    const fresh: { key: string; answer: CommentAnswer }[] = [];
    for (const [localId, answer] of parsed.answers) {
      const original = byLocal.get(localId) as LlmComment;
      result.answers.set(original.id, { ...answer, id: original.id });
      // Cached by text, not by id: the same comment may come back under another id.
      fresh.push({ key: keys.get(original.id) as string, answer: { ...answer, id: "" } });
    }
    await writeCache(sql, config.model, fresh);
    if (fresh.length > 0) onProgress?.(result.answers.size);
    const again = unanswered(parsed);
    if (again.length > 0) {
      const reasons = [...new Set(parsed.malformed.map((m) => m.reason.slice(0, 120)))];
      if (parsed.missing.length > 0) reasons.push("no entry");
      log(
        `llm: ${again.length} of ${sent.length} answers unusable (${reasons.slice(0, 3).join("; ")})${sent.length > 1 ? ", asking each alone" : ""}`,
      );
    }
    return again.map((localId) => (byLocal.get(localId) as LlmComment).id);
  }

  const batches: LlmComment[][] = [];
  for (let i = 0; i < toAsk.length; i += config.batchSize) batches.push(toAsk.slice(i, i + config.batchSize));
  const byId = new Map(comments.map((c) => [c.id, c]));
  let next = 0;
  async function worker(): Promise<void> {
    while (!stopped() && next < batches.length) {
      const batch = batches[next++] as LlmComment[];
      try {
        const again = (await ask(batch)) ?? [];
        // Alone, a comment cannot be confused with its neighbours, nor cut off by a long batch answer.
        for (const id of again) {
          if (stopped()) break;
          const still = await ask([byId.get(id) as LlmComment]);
          if (still && still.length > 0) result.failed.push(id);
        }
      } catch (err) {
        result.error = err instanceof LlmError ? err : new LlmError(String(err));
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(config.concurrency, batches.length) }, worker));
  result.stats.failed = result.failed.length;
  await countFailed(sql, result.failed.length);
  return result;
}

export interface LlmRunResult extends RefineRunResult {
  stats: LlmLabelStats;
  /** Why the run ended: nothing left, the limit, the budget, another run holding the lock, or an error. */
  stoppedBy: "done" | "limit" | "budget" | "busy" | "error";
  /** The request that failed for good and ended the run (what was answered before it is stored). */
  error: LlmError | null;
}

/** An advisory-lock key, the same in every process: one LLM run at a time over the whole database. */
export const LLM_RUN_LOCK = 0x6c6c6d31; // "llm1"

/**
 * Refines scored comments with the user's model: those without an LLM refinement at the current version
 * (or only `commentIds`), newest posts first, a page at a time, until none is left, `limit` comments are
 * done or the day's budget is spent. One run at a time over all workers (an advisory lock; a second one
 * returns at once with stoppedBy "busy"), so MARGINALIA_LLM_CONCURRENCY bounds what the model's server
 * sees. Rows are not locked across the slow requests: answers go to the cache as they come, and each page's
 * labels are written in one short transaction; a killed run loses no answer it paid for.
 */
export async function refineWithLlm(
  sql: Sql,
  options: {
    runner?: LlmRunner;
    commentIds?: number[];
    limit?: number;
    log?: (line: string) => void;
    onProgress?: (done: number) => void;
  } = {},
): Promise<LlmRunResult> {
  const runner = options.runner ?? llmRunner(options.log);
  if (!runner) throw new LlmError("the LLM refiner is off: set MARGINALIA_LLM_URL and MARGINALIA_LLM_MODEL");
  const { config } = runner;
  const version = llmVersion(config.model);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const only = options.commentIds;
  const stats: LlmLabelStats = { cached: 0, sent: 0, requests: 0, failed: 0 };
  const result: LlmRunResult = {
    refined: 0,
    version,
    newlyFlagged: [],
    stats,
    stoppedBy: "done",
    error: null,
  };

  const lock = await sql.reserve();
  try {
    const [held] = await lock<{ ok: boolean }[]>`SELECT pg_try_advisory_lock(${LLM_RUN_LOCK}::bigint) AS ok`;
    if (!held?.ok) return { ...result, stoppedBy: "busy" };
    try {
      // Comments that failed in this run are not asked again until the next one.
      const skipped: number[] = [];
      const pageSize = config.batchSize * config.concurrency * 4;
      while (result.refined < limit) {
        const rows = await sql<CommentTextRow[]>`
          SELECT ${commentTextColumns(sql)}
          FROM comment c
          JOIN post p ON p.id = c.post_id
          JOIN comment_score s ON s.comment_id = c.id
          WHERE c.body IS NOT NULL AND c.id <> ALL(${skipped}::int[])
            ${only ? sql`AND c.id = ANY(${only}::int[])` : sql``}
            AND NOT EXISTS (SELECT 1 FROM comment_refinement r
                            WHERE r.comment_id = c.id AND r.refiner = 'LLM' AND r.version = ${version})
          ORDER BY p.published_at DESC NULLS LAST, p.id DESC, c.id
          LIMIT ${Math.min(pageSize, limit - result.refined)}`;
        if (rows.length === 0) break;
        const labelled = await labelWithLlm(
          sql,
          runner,
          rows.map((r) => ({ id: String(r.id), text: r.body, postTitle: r.title, isReply: r.is_reply })),
        );
        for (const key of Object.keys(stats) as (keyof LlmLabelStats)[]) stats[key] += labelled.stats[key];
        const bodies = new Map(rows.map((r) => [String(r.id), r.body]));
        const labels: RefinedLabels[] = [...labelled.answers].map(([id, answer]) => ({
          commentId: Number(id),
          ...refinedFromAnswer(answer, bodies.get(id) ?? ""),
        }));
        result.newlyFlagged.push(...(await storeLlmLabels(sql, version, labels)));
        result.refined += labels.length;
        options.onProgress?.(result.refined);
        skipped.push(...labelled.failed.map(Number));
        if (labelled.error) return { ...result, stoppedBy: "error", error: labelled.error };
        if (labelled.budgetExhausted) return { ...result, stoppedBy: "budget" };
      }
      return { ...result, stoppedBy: result.refined >= limit ? "limit" : "done" };
    } finally {
      await lock`SELECT pg_advisory_unlock(${LLM_RUN_LOCK}::bigint)`;
    }
  } finally {
    lock.release();
  }
}

/**
 * Writes the LLM's labels and shows them (it outranks every other refiner); returns the comments whose
 * shown flag it turned on. Comments deleted since they were read are skipped.
 */
async function storeLlmLabels(
  sql: Sql,
  version: string,
  labels: readonly RefinedLabels[],
): Promise<number[]> {
  if (labels.length === 0) return [];
  return sql.begin(async (tx) => {
    const before = await tx<{ comment_id: number; flag: boolean }[]>`
      SELECT comment_id, flag FROM comment_score
      WHERE comment_id = ANY(${labels.map((l) => l.commentId)}::int[])
      FOR UPDATE`;
    const unflagged = before.filter((b) => !b.flag).map((b) => b.comment_id);
    const present = new Set(before.map((b) => b.comment_id));
    await storeRefinements(
      tx,
      "LLM",
      version,
      labels.filter((l) => present.has(l.commentId)),
      // The refiner writing is on, whatever this process's environment says.
      { ...currentRefinerVersions(), LLM: version },
    );
    const flagged = await tx<{ comment_id: number }[]>`
      SELECT comment_id FROM comment_score WHERE comment_id = ANY(${unflagged}::int[]) AND flag`;
    return flagged.map((f) => f.comment_id);
  });
}
