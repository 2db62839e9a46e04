import "server-only";
import { hash } from "node:crypto";
import { setImmediate as turn } from "node:timers/promises";
import type { TransactionSql } from "postgres";
import { type CopyValue, copyLine, copyLines } from "@/lib/db/copy";
import { inTransaction, type Sql } from "@/lib/db/sql";
import { SCORER_VERSION, type Score, scoreComment } from "@/lib/scoring";
import { moderateComments } from "@/lib/server/moderation/auto-moderate";
import { type CommentTextRow, commentTextColumns, scoreContextOf } from "./comment-text";
import { showBestLabels } from "./labels";
import { currentRefinerVersions } from "./refiners";

/**
 * Comments per chunk: a rescore's (two in flight) and a first scoring's (one at a time: its chunks also hold the
 * rules' look-ups). `marginalia score` of 1M new comments peaked at 711 MB with two chunks of 5,000 in flight,
 * 643 MB with one, 597 MB with one of 2,500 (bar: 600).
 */
const RESCORE_BATCH = 5000;
const NEW_BATCH = 2500;
/** Comments scored between two turns of the event loop (a few milliseconds of the scorer's work). */
const YIELD_EVERY = 250;

export interface ScoreRunResult {
  scored: number;
  scorerVersion: string;
}

/**
 * Scores comments in bulk: the unscored ones, and with `rescore` those scored by another scorer version
 * (optionally only `commentIds`, or one publication's). A chunk at a time, each in one transaction: claim
 * the chunk's comment rows (FOR NO KEY UPDATE SKIP LOCKED, so workers running this at once take different
 * chunks, and check again after the lock that no one scored them meanwhile), score in memory (in a rescore, while
 * the next chunk is claimed and read on another connection), write the scores that changed in one statement (a score
 * whose output is the same only has its version stamped, in comment_score_version), show a
 * refiner's labels where one outranks them over the changed ones, and, with `moderate`, run the
 * automatic rules over the comments that had no score (new and edited ones) — so no comment is scored or
 * moderated twice, and a worker killed mid-chunk leaves that chunk to the next run. Deleted comments (no
 * body) have no score.
 */
export async function scoreComments(
  sql: Sql,
  options: {
    rescore?: boolean;
    commentIds?: number[];
    publicationId?: number;
    /** Run the moderation rules over the newly scored comments in the same transaction. */
    moderate?: boolean;
    /** Stop after about this many comments (a job's slice of the backlog). */
    limit?: number;
    onProgress?: (done: number) => void;
  } = {},
): Promise<ScoreRunResult> {
  const only = options.commentIds;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  if (only && only.length === 0) return { scored: 0, scorerVersion: SCORER_VERSION };
  const current = currentRefinerVersions();
  const pending = (alias: Sql) =>
    options.rescore
      ? alias`(v.comment_id IS NULL OR v.scorer_version <> ${SCORER_VERSION})`
      : alias`s.comment_id IS NULL`;
  // The claim joins only the table its condition reads (a score with no version row is stale: a version row
  // cannot outlive its score), starting after lastId too, so a chunk does not read the scores before it.
  const pendingAfter = (alias: Sql, lastId: number) =>
    options.rescore
      ? alias`LEFT JOIN comment_score_version v ON v.comment_id = c.id AND v.comment_id > ${lastId}
          WHERE ${pending(alias)}`
      : alias`LEFT JOIN comment_score s ON s.comment_id = c.id AND s.comment_id > ${lastId}
          WHERE ${pending(alias)}`;

  /**
   * Opens the transaction of the next chunk after `lastId`: claims and reads its comments at once (`claimed`:
   * null when none is left), then waits for `run` to score and write them (true) or to let them go (false).
   */
  const open = (lastId: number, size: number) => {
    let settle!: { resolve: (c: Claimed | null) => void; reject: (e: unknown) => void };
    const claimed = new Promise<Claimed | null>((resolve, reject) => {
      settle = { resolve, reject };
    });
    let proceed!: (go: boolean) => void;
    const go = new Promise<boolean>((resolve) => {
      proceed = resolve;
    });
    const done = sql
      .begin(async (transaction) => {
        const tx = inTransaction(transaction);
        const ids = (
          await tx<{ id: number }[]>`
            SELECT c.id FROM comment c ${pendingAfter(tx, lastId)}
              AND c.id > ${lastId} AND c.body IS NOT NULL
              ${only ? tx`AND c.id = ANY(${only}::int[])` : tx``}
              ${options.publicationId ? tx`AND c.publication_id = ${options.publicationId}` : tx``}
            ORDER BY c.id
            LIMIT ${size}
            FOR NO KEY UPDATE OF c SKIP LOCKED`
        ).map((r) => r.id);
        if (ids.length === 0) {
          settle.resolve(null);
          return 0;
        }
        // A new statement sees what another worker committed before we got the lock.
        const rows = await tx<StoredCommentRow[]>`
          SELECT ${commentTextColumns(tx)}, s.comment_id IS NULL AS unscored, s.score_digest AS digest
          FROM comment c
          JOIN post p ON p.id = c.post_id
          LEFT JOIN comment_score s ON s.comment_id = c.id
          LEFT JOIN comment_score_version v ON v.comment_id = c.id
          WHERE c.id = ANY(${ids}::int[]) AND c.body IS NOT NULL AND ${pending(tx)}
          ORDER BY c.id`;
        settle.resolve({ lastId: ids[ids.length - 1] as number, rows: rows.length });
        if (rows.length === 0) return 0;
        // Scored now: in a rescore, while the chunk before is still being written.
        const scored = await scoreChunk(rows);
        if (!(await go)) return 0;
        await retryOnDeadlock(tx, async (write) => {
          const written = await writeScores(write, scored);
          // A refiner's labels (at its current version) still outrank the fast ones just written.
          await showBestLabels(write, written, current);
          if (options.moderate)
            await moderateComments(
              write,
              rows.filter((r) => r.unscored).map((r) => r.id),
            );
        });
        return rows.length;
      })
      .catch((error: unknown) => {
        settle.reject(error);
        throw error;
      });
    // Awaited later (or never, when the run stops first): a failure must not end the process meanwhile.
    claimed.catch(() => undefined);
    done.catch(() => undefined);
    return {
      claimed,
      run: (write: boolean) => {
        proceed(write);
        return done;
      },
    };
  };

  // Chunk after chunk. In a rescore the next one is claimed, read and scored (on another connection) while this
  // one is written, so the database's work and the scorer's overlap; a first scoring takes one at a time (its
  // memory: see NEW_BATCH). Each chunk commits on its own, in order. (With a pool of one connection the next
  // chunk's transaction waits for this one's: the same work, one after the other.)
  const overlap = options.rescore === true;
  const batch = overlap ? RESCORE_BATCH : NEW_BATCH;
  let scored = 0;
  let next: ReturnType<typeof open> | null = limit > 0 ? open(0, Math.min(batch, limit)) : null;
  while (next !== null) {
    const chunk = next;
    next = null;
    const claimed = await chunk.claimed.catch(async (error: unknown) => {
      await chunk.run(false).catch(() => undefined);
      throw error;
    });
    if (claimed === null) {
      await chunk.run(false);
      break;
    }
    const left = limit - scored - claimed.rows;
    if (left > 0 && overlap) next = open(claimed.lastId, Math.min(batch, left));
    try {
      scored += await chunk.run(true);
    } catch (error) {
      if (next !== null) await next.run(false).catch(() => undefined);
      throw error;
    }
    if (left > 0 && !overlap) next = open(claimed.lastId, Math.min(batch, left));
    options.onProgress?.(scored);
  }
  return { scored, scorerVersion: SCORER_VERSION };
}

const DEADLOCK_ATTEMPTS = 5;

/**
 * Runs a chunk's writes in a savepoint, again when PostgreSQL picked them as a deadlock's victim: two scorers
 * at once (workers, `score` runs) update the same rollup rows through their triggers, not always in the same
 * order. Rolling back to the savepoint lets the other go on; the chunk's claim (taken before it) is kept.
 */
export async function retryOnDeadlock(tx: Sql, write: (tx: Sql) => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await (tx as unknown as TransactionSql).savepoint((sp) => write(inTransaction(sp)));
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "40P01" || attempt === DEADLOCK_ATTEMPTS) throw error;
      await turn();
    }
  }
}

/** A chunk's comments claimed: the last id claimed, how many are still to score once locked. */
type Claimed = { lastId: number; rows: number };

/**
 * What an import's scoring step does: scores and moderates every comment without a score (new and edited
 * comments), of one publication or all.
 */
export async function scorePendingComments(
  sql: Sql,
  options: { publicationId?: number; limit?: number; onProgress?: (done: number) => void } = {},
): Promise<ScoreRunResult> {
  return scoreComments(sql, { ...options, moderate: true });
}

type StoredCommentRow = CommentTextRow & { unscored: boolean; digest: string | null };

/** The fast scorer's output columns: what a score's digest covers (the migration's guard lists the same). */
const OUTPUT_COLUMNS = [
  "tone",
  "secondary_tone",
  "tone_scores",
  "stance",
  "stance_confidence",
  "sentiment_score",
  "sentiment_comparative",
  "sentiment_label",
  "hostility",
  "insult",
  "profanity",
  "threat",
  "identity_attack",
  "flag",
  "flag_reasons",
  "sentiment_confidence",
  "flag_probability",
  "cues",
] as const;
const SCORE_COLUMNS = ["comment_id", ...OUTPUT_COLUMNS, "score_digest"] as const;

/** A fast score's OUTPUT_COLUMNS, as COPY values. */
function scoreOutput(s: Score): CopyValue[] {
  return [
    s.tone,
    s.secondaryTone,
    s.toneScores,
    s.stance,
    s.stanceConfidence,
    s.sentiment.score,
    s.sentiment.comparative,
    s.sentiment.label,
    s.toneScores.hostile,
    s.signals.insult,
    s.signals.profanity,
    s.signals.threat,
    s.signals.identityAttack,
    s.flag,
    pgTextArray(s.flagReasons),
    s.sentiment.confidence,
    s.flagProbability,
    s.cues,
  ];
}

/**
 * A comment scored: its row of SCORE_COLUMNS, and the digest of its output (OUTPUT_COLUMNS' values as JSON,
 * which writes every number, string and key exactly: two outputs have the same digest when they would store
 * the same values).
 */
function scoredRow(r: CommentTextRow): { row: CopyValue[]; digest: string } {
  const score = scoreComment(r.body, scoreContextOf(r));
  const output = scoreOutput(score);
  const digest = hash("md5", JSON.stringify(output), "base64");
  return { row: [r.id, ...output, digest], digest };
}

/** A chunk's comments scored: COPY lines of the scores to write, and the comments whose score stays. */
interface ScoredChunk {
  /** None of the comments had a score. */
  unscored: boolean;
  lines: string[];
  lineIds: number[];
  /** Comments whose new output has the digest their stored score has: only their version is stamped. */
  same: number[];
}

/**
 * Scores a chunk's comments, turning the event loop every YIELD_EVERY comments so the database's replies to the
 * other chunk in flight are handled meanwhile. Kept as COPY lines, not values: a chunk's scores take a few MB.
 */
async function scoreChunk(rows: readonly StoredCommentRow[]): Promise<ScoredChunk> {
  const chunk: ScoredChunk = { unscored: rows.every((r) => r.unscored), lines: [], lineIds: [], same: [] };
  for (const [i, r] of rows.entries()) {
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await turn();
    const { row, digest } = scoredRow(r);
    if (digest === r.digest) chunk.same.push(r.id);
    else {
      chunk.lines.push(copyLine(row));
      chunk.lineIds.push(r.id);
    }
  }
  return chunk;
}

/**
 * Writes a chunk's fast scores; returns the ids whose score was written (not only stamped). `unscored`: none
 * of them has a score, so they go straight into comment_score by COPY (its defaults: the fast scorer's labels
 * shown, now). Else each comment whose new output has the digest its stored score has only gets the new
 * version stamped (the same values: no rollup, queue rank or insight moves); the others go into a temporary
 * table, then one upsert that replaces their earlier score (its labels go back to the fast scorer's;
 * showBestLabels puts a refiner's back where one outranks them).
 */
async function writeScores(tx: Sql, chunk: ScoredChunk): Promise<number[]> {
  const { lines, lineIds } = chunk;
  if (chunk.unscored) {
    try {
      await (tx as unknown as TransactionSql).savepoint((sp) =>
        copyLines(inTransaction(sp), "comment_score", SCORE_COLUMNS, lines),
      );
      await stampVersion(tx, lineIds);
      return lineIds;
    } catch (error) {
      // A score written meanwhile by a path that does not lock the comment: the upsert below replaces it.
      if ((error as { code?: string }).code !== "23505") throw error;
    }
  }
  if (chunk.same.length > 0) await stampVersion(tx, chunk.same);
  if (lines.length === 0) return lineIds;
  await tx.unsafe(
    "CREATE TEMP TABLE IF NOT EXISTS score_staging (LIKE comment_score INCLUDING DEFAULTS) ON COMMIT DELETE ROWS",
  );
  await tx.unsafe("TRUNCATE score_staging");
  await copyLines(tx, "score_staging", SCORE_COLUMNS, lines);
  await tx`
    INSERT INTO comment_score (${tx.unsafe(SCORE_COLUMNS.join(", "))}, scored_at, label_source, label_version, fast_labels)
    SELECT ${tx.unsafe(SCORE_COLUMNS.join(", "))}, now(), 'FAST', NULL, NULL FROM score_staging
    ORDER BY comment_id
    ON CONFLICT (comment_id) DO UPDATE SET
      tone = excluded.tone, secondary_tone = excluded.secondary_tone,
      tone_scores = excluded.tone_scores, stance = excluded.stance, stance_confidence = excluded.stance_confidence,
      sentiment_score = excluded.sentiment_score, sentiment_comparative = excluded.sentiment_comparative,
      sentiment_label = excluded.sentiment_label, hostility = excluded.hostility, insult = excluded.insult,
      profanity = excluded.profanity, threat = excluded.threat, identity_attack = excluded.identity_attack,
      flag = excluded.flag, flag_reasons = excluded.flag_reasons, cues = excluded.cues, scored_at = excluded.scored_at,
      sentiment_confidence = excluded.sentiment_confidence, flag_probability = excluded.flag_probability,
      label_source = excluded.label_source, label_version = excluded.label_version, fast_labels = NULL,
      score_digest = excluded.score_digest`;
  await stampVersion(tx, lineIds);
  return lineIds;
}

/**
 * Records that the current scorer version wrote (or, its output being the same, confirmed) the scores of
 * `commentIds`: a narrow row each, which no trigger watches (see the comment_score_version migration).
 */
async function stampVersion(tx: Sql, commentIds: readonly number[]): Promise<void> {
  await tx`
    INSERT INTO comment_score_version (comment_id, scorer_version)
    SELECT id, ${SCORER_VERSION} FROM unnest(${commentIds as number[]}::int[]) AS id ORDER BY id
    ON CONFLICT (comment_id) DO UPDATE SET scorer_version = excluded.scorer_version`;
}

/** A text[] literal for COPY (elements quoted, quotes and backslashes escaped). */
function pgTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}
