import "server-only";
import type { JSONValue } from "postgres";
import type { Sql } from "@/lib/db/sql";
import { SCORER_VERSION, scoreComment } from "@/lib/scoring";
import { type CommentTextRow, commentTextColumns, scoreContextOf } from "./comment-text";
import { showBestLabels } from "./labels";
import { currentRefinerVersions } from "./refiners";

const BATCH = 2000;

export interface ScoreRunResult {
  scored: number;
  scorerVersion: string;
}

/**
 * Scores comments in bulk: the unscored ones, and with `rescore` those scored by another scorer version.
 * Reads a batch by keyset (id order), scores it in memory and writes it back in one statement, so a run over
 * a million comments holds one batch at a time. Deleted comments (no body) have no score.
 */
export async function scoreComments(
  sql: Sql,
  options: { rescore?: boolean; commentIds?: number[]; onProgress?: (done: number) => void } = {},
): Promise<ScoreRunResult> {
  let lastId = 0;
  let scored = 0;
  const only = options.commentIds;
  if (only && only.length === 0) return { scored: 0, scorerVersion: SCORER_VERSION };
  for (;;) {
    const rows = await sql<CommentTextRow[]>`
      SELECT ${commentTextColumns(sql)}
      FROM comment c
      JOIN post p ON p.id = c.post_id
      LEFT JOIN comment_score s ON s.comment_id = c.id
      WHERE c.id > ${lastId} AND c.body IS NOT NULL
        ${only ? sql`AND c.id = ANY(${only}::int[])` : sql``}
        AND ${options.rescore ? sql`(s.comment_id IS NULL OR s.scorer_version <> ${SCORER_VERSION})` : sql`s.comment_id IS NULL`}
      ORDER BY c.id
      LIMIT ${BATCH}`;
    if (rows.length === 0) break;
    lastId = rows[rows.length - 1]!.id;
    const scores = rows.map((r) => {
      const s = scoreComment(r.body, scoreContextOf(r));
      return {
        comment_id: r.id,
        scorer_version: s.scorerVersion,
        tone: s.tone,
        secondary_tone: s.secondaryTone,
        tone_scores: s.toneScores,
        stance: s.stance,
        stance_confidence: s.stanceConfidence,
        sentiment_score: s.sentiment.score,
        sentiment_comparative: s.sentiment.comparative,
        sentiment_label: s.sentiment.label,
        hostility: s.toneScores.hostile,
        insult: s.signals.insult,
        profanity: s.signals.profanity,
        threat: s.signals.threat,
        identity_attack: s.signals.identityAttack,
        flag: s.flag,
        flag_reasons: s.flagReasons,
        sentiment_confidence: s.sentiment.confidence,
        flag_probability: s.flagProbability,
        cues: s.cues,
        scored_at: new Date(),
        label_source: "FAST",
        label_version: s.scorerVersion,
        fast_labels: null,
      };
    });
    await sql`
      INSERT INTO comment_score
      SELECT * FROM jsonb_populate_recordset(null::comment_score, ${sql.json(scores as unknown as JSONValue)})
      ON CONFLICT (comment_id) DO UPDATE SET
        scorer_version = excluded.scorer_version, tone = excluded.tone, secondary_tone = excluded.secondary_tone,
        tone_scores = excluded.tone_scores, stance = excluded.stance, stance_confidence = excluded.stance_confidence,
        sentiment_score = excluded.sentiment_score, sentiment_comparative = excluded.sentiment_comparative,
        sentiment_label = excluded.sentiment_label, hostility = excluded.hostility, insult = excluded.insult,
        profanity = excluded.profanity, threat = excluded.threat, identity_attack = excluded.identity_attack,
        flag = excluded.flag, flag_reasons = excluded.flag_reasons, cues = excluded.cues, scored_at = excluded.scored_at,
        sentiment_confidence = excluded.sentiment_confidence, flag_probability = excluded.flag_probability,
        label_source = excluded.label_source, label_version = excluded.label_version, fast_labels = NULL`;
    // A refiner's labels (at its current version) still outrank the fast ones just written.
    await showBestLabels(
      sql,
      rows.map((r) => r.id),
      currentRefinerVersions(),
    );
    scored += rows.length;
    options.onProgress?.(scored);
  }
  return { scored, scorerVersion: SCORER_VERSION };
}
