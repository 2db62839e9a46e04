import "server-only";
import type { JSONValue, TransactionSql } from "postgres";
import type { LabelSource } from "@/lib/db/generated/client";
import type { Sql } from "@/lib/db/sql";
import type { Score } from "@/lib/scoring";
import type { RefinedScore } from "@/lib/scoring/encoder-head";

/**
 * The labels a comment shows: the best current one of the fast score and the background refiners, copied
 * into comment_score so every dashboard query reads one row. Refiners rank LLM > PUBLICATION > ENCODER >
 * FAST (the user's own model, then the publication's corrections, then the sentence encoder); a refiner's
 * labels count only at the version it runs now, so a new version or a switched-off refiner falls back. A
 * publication's refitted heads run at version `publicationModelVersion(id)` of its active model.
 */

export const REFINERS = ["LLM", "PUBLICATION", "ENCODER"] as const satisfies readonly LabelSource[];
export type Refiner = (typeof REFINERS)[number];

/** What a refiner says about one comment (the labels, the flag's grounds and its evidence; cues and signals stay the fast scorer's). */
export interface RefinedLabels extends RefinedScore {
  commentId: number;
}

export function refinedFromScore(commentId: number, s: Score): RefinedLabels {
  return {
    commentId,
    tone: s.tone,
    toneScores: s.toneScores,
    secondaryTone: s.secondaryTone,
    stance: s.stance,
    stanceConfidence: s.stanceConfidence,
    sentimentLabel: s.sentiment.label,
    sentimentConfidence: s.sentiment.confidence,
    flag: s.flag,
    flagProbability: s.flagProbability,
    flagReasons: s.flagReasons,
    evidence: null,
  };
}

/**
 * The version the global refiners run at now; one missing here is off and its labels are not shown. (The
 * PUBLICATION refiner's current version is each publication's active model, read from the database.)
 */
export type CurrentVersions = Partial<Record<Exclude<Refiner, "PUBLICATION">, string>>;

export function publicationModelVersion(modelId: number): string {
  return `publication-model:${modelId}`;
}

/** Stores a refiner's labels (replacing its earlier ones for those comments) and shows the best labels. */
export async function storeRefinements(
  sql: Sql | TransactionSql,
  refiner: Refiner,
  version: string,
  labels: readonly RefinedLabels[],
  current: CurrentVersions,
): Promise<void> {
  if (labels.length === 0) return;
  const rows = labels.map((l) => ({
    comment_id: l.commentId,
    refiner,
    version,
    tone: l.tone,
    tone_scores: l.toneScores,
    secondary_tone: l.secondaryTone,
    stance: l.stance,
    stance_confidence: l.stanceConfidence,
    sentiment_label: l.sentimentLabel,
    sentiment_confidence: l.sentimentConfidence,
    flag: l.flag,
    flag_probability: l.flagProbability,
    created_at: new Date(),
    flag_reasons: l.flagReasons,
    evidence: l.evidence,
  }));
  await sql`
    INSERT INTO comment_refinement
    SELECT * FROM jsonb_populate_recordset(null::comment_refinement, ${sql.json(rows as unknown as JSONValue)})
    ON CONFLICT (comment_id, refiner) DO UPDATE SET
      version = excluded.version, tone = excluded.tone, tone_scores = excluded.tone_scores,
      secondary_tone = excluded.secondary_tone, stance = excluded.stance,
      stance_confidence = excluded.stance_confidence, sentiment_label = excluded.sentiment_label,
      sentiment_confidence = excluded.sentiment_confidence, flag = excluded.flag,
      flag_probability = excluded.flag_probability, created_at = excluded.created_at,
      flag_reasons = excluded.flag_reasons, evidence = excluded.evidence`;
  await showBestLabels(
    sql,
    labels.map((l) => l.commentId),
    current,
  );
}

/**
 * Recomputes the shown labels of `commentIds`: the highest-ranked refinement at its current version, else
 * the fast scorer's own (kept in fast_labels while a refiner's are shown).
 */
export async function showBestLabels(
  sql: Sql | TransactionSql,
  commentIds: readonly number[],
  current: CurrentVersions,
): Promise<void> {
  if (commentIds.length === 0) return;
  const global = (["LLM", "ENCODER"] as const).filter((r) => current[r] !== undefined);
  const refiners: string[] = [...global];
  const versions = global.map((r) => current[r] as string);
  // Both steps in one transaction (a savepoint inside the caller's), so no reader sees them half done.
  const atomically = <T>(fn: (tx: TransactionSql) => Promise<T>) =>
    "savepoint" in sql ? sql.savepoint(fn) : sql.begin(fn);
  await atomically(async (tx) => {
    // Back to the fast labels first, so a refiner switched off or outdated stops showing.
    await tx`
      UPDATE comment_score SET
        tone = (fast_labels->>'tone')::"Tone",
        tone_scores = fast_labels->'toneScores',
        secondary_tone = (fast_labels->>'secondaryTone')::"Tone",
        stance = (fast_labels->>'stance')::"Stance",
        stance_confidence = (fast_labels->>'stanceConfidence')::float8,
        sentiment_label = (fast_labels->>'sentimentLabel')::"SentimentLabel",
        sentiment_confidence = (fast_labels->>'sentimentConfidence')::float8,
        flag = (fast_labels->>'flag')::boolean,
        flag_probability = (fast_labels->>'flagProbability')::float8,
        -- Labels shown before the grounds were kept in fast_labels keep the grounds they have.
        flag_reasons = CASE WHEN fast_labels ? 'flagReasons'
          THEN ARRAY(SELECT jsonb_array_elements_text(fast_labels->'flagReasons')) ELSE flag_reasons END,
        hostility = (fast_labels->'toneScores'->>'hostile')::float8,
        label_source = 'FAST', label_version = NULL, fast_labels = NULL
      WHERE comment_id = ANY(${commentIds as number[]}::int[]) AND fast_labels IS NOT NULL`;
    await tx`
      WITH current_versions AS (
        SELECT * FROM unnest(${refiners}::text[], ${versions}::text[]) AS v(refiner, version)
      ), best AS (
        SELECT DISTINCT ON (r.comment_id) r.*
        FROM comment_refinement r
        JOIN comment c ON c.id = r.comment_id
        LEFT JOIN current_versions v ON v.refiner = r.refiner::text AND v.version = r.version
        LEFT JOIN publication_model m ON r.refiner = 'PUBLICATION' AND m.active
          AND m.publication_id = c.publication_id AND r.version = 'publication-model:' || m.id
        WHERE r.comment_id = ANY(${commentIds as number[]}::int[]) AND (v.refiner IS NOT NULL OR m.id IS NOT NULL)
        ORDER BY r.comment_id, array_position(${[...REFINERS]}::text[], r.refiner::text)
      )
      UPDATE comment_score s SET
        fast_labels = jsonb_build_object(
          'tone', s.tone, 'toneScores', s.tone_scores, 'secondaryTone', s.secondary_tone, 'stance', s.stance,
          'stanceConfidence', s.stance_confidence, 'sentimentLabel', s.sentiment_label,
          'sentimentConfidence', s.sentiment_confidence, 'flag', s.flag, 'flagProbability', s.flag_probability,
          'flagReasons', to_jsonb(s.flag_reasons)),
        tone = b.tone, tone_scores = b.tone_scores, secondary_tone = b.secondary_tone, stance = b.stance,
        stance_confidence = b.stance_confidence, sentiment_label = b.sentiment_label,
        sentiment_confidence = b.sentiment_confidence, flag = b.flag, flag_probability = b.flag_probability,
        flag_reasons = b.flag_reasons,
        hostility = (b.tone_scores->>'hostile')::float8,
        label_source = b.refiner, label_version = b.version
      FROM best b
      WHERE s.comment_id = b.comment_id`;
  });
}

/**
 * Recomputes the shown labels wherever the global refiners' configuration changed under them: comments
 * showing a refiner that is now off or at another version, and comments holding a current refinement that
 * outranks what they show (a refiner switched back on). Run at start, when the configuration may have
 * changed; returns how many comments it recomputed. (A publication's model re-shows its own on activation.)
 */
export async function reshowChangedLabels(sql: Sql, current: CurrentVersions): Promise<number> {
  const global = (["LLM", "ENCODER"] as const).filter((r) => current[r] !== undefined);
  const refiners: string[] = [...global];
  const versions = global.map((r) => current[r] as string);
  const ranks: string[] = [...REFINERS];
  let lastId = 0;
  let reshown = 0;
  for (;;) {
    const rows = await sql<{ comment_id: number }[]>`
      WITH current_versions AS (
        SELECT * FROM unnest(${refiners}::text[], ${versions}::text[]) AS v(refiner, version)
      )
      SELECT s.comment_id FROM comment_score s
      WHERE s.comment_id > ${lastId} AND (
        (s.label_source IN ('LLM', 'ENCODER') AND NOT EXISTS (
           SELECT 1 FROM current_versions v WHERE v.refiner = s.label_source::text AND v.version = s.label_version))
        OR EXISTS (
           SELECT 1 FROM comment_refinement r
           JOIN current_versions v ON v.refiner = r.refiner::text AND v.version = r.version
           WHERE r.comment_id = s.comment_id
             AND array_position(${ranks}::text[], r.refiner::text)
                 < coalesce(array_position(${ranks}::text[], s.label_source::text), ${ranks.length + 1})))
      ORDER BY s.comment_id
      LIMIT 1000`;
    if (rows.length === 0) return reshown;
    const ids = rows.map((r) => r.comment_id);
    await showBestLabels(sql, ids, current);
    reshown += ids.length;
    lastId = ids[ids.length - 1] as number;
  }
}
