import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { type Sql, sql as sharedSql } from "@/lib/db/sql";
import {
  type PublicationLearning,
  type PublicationModelMetrics,
  type PublicationModelView,
  publicationModelMetricsSchema,
  type RefitAnswer,
  type SwitchAnswer,
} from "@/lib/schemas/publication-models";
import {
  compactRefit,
  MIN_CORRECTIONS,
  rebuildModelFile,
  refitFromCorrections,
  storedRefitSchema,
} from "@/lib/scoring/corrections";
import {
  type CorrectionCounts,
  compareOnHeldOut,
  decideActivation,
  type KeyedCorrection,
  refitDue,
  splitHeldOut,
} from "@/lib/scoring/held-out-agreement";
import { createScorer, type Scorer } from "@/lib/scoring/score";
import { MODEL_FILE, SCORER_VERSION, scoreComment } from "@/lib/scoring/shipped-model";
import type { Stance, Tone } from "@/lib/scoring/types";
import { appendLog } from "@/lib/server/audit-log";
import { conflict, DomainError, notFound } from "@/lib/server/domain-error";
import { moderateRefinedFlags } from "@/lib/server/moderation/auto-moderate";
import { type CommentTextRow, commentTextColumns, scoreContextOf } from "./comment-text";
import { publicationModelVersion, refinedFromScore, showBestLabels, storeRefinements } from "./labels";
import { currentRefinerVersions } from "./refiners";

/**
 * Learning from corrections, per publication: refits the fast scorer's tone and stance heads on the
 * publication's corrected comments (lib/scoring/corrections.ts), judges the refit on corrections held out
 * of it, stores it as a publication_model version, and switches the labels its comments show to the active
 * version (PUBLICATION refinements) or back to the shipped scorer's. Every switch is in the moderation log.
 * A model is tied to the shipped scorer it was refitted from: after a new one ships it is stale, cannot be
 * switched to and cannot label new comments, and the next run refits it.
 */

/** Comments labelled per transaction when a publication's labels are recomputed. */
const RELABEL_BATCH = 500;
/** Models listed per publication unless asked for more. */
const DEFAULT_LIST_LIMIT = 20;

const publicationNotFound = () => notFound("publication", "publication_not_found");

interface CorrectionRow extends CommentTextRow {
  corrected_tone: Tone | null;
  corrected_stance: Stance | null;
  first_corrected_at: Date | null;
}

interface LoadedCorrection extends KeyedCorrection {
  /** When the comment was first corrected (the epoch for labels set without a correction row). */
  firstCorrectedAt: Date;
}

/** The publication's corrected comments (with text) and the labels people gave them. */
async function loadCorrections(sql: Sql, publicationId: number): Promise<LoadedCorrection[]> {
  const rows = await sql<CorrectionRow[]>`
    SELECT ${commentTextColumns(sql)},
      c.corrected_tone::text AS corrected_tone, c.corrected_stance::text AS corrected_stance,
      (SELECT min(l.created_at) FROM label_correction l WHERE l.comment_id = c.id) AS first_corrected_at
    FROM comment c
    JOIN post p ON p.id = c.post_id
    WHERE c.publication_id = ${publicationId} AND c.body IS NOT NULL
      AND (c.corrected_tone IS NOT NULL OR c.corrected_stance IS NOT NULL)
    ORDER BY c.id`;
  return rows.map((r) => ({
    id: r.id,
    text: r.body,
    context: scoreContextOf(r),
    tone: r.corrected_tone,
    stance: r.corrected_stance,
    firstCorrectedAt: r.first_corrected_at ?? new Date(0),
  }));
}

function countsOf(corrections: readonly KeyedCorrection[]): CorrectionCounts {
  return {
    total: corrections.length,
    tone: corrections.filter((c) => c.tone !== null).length,
    stance: corrections.filter((c) => c.stance !== null).length,
  };
}

async function correctionCounts(sql: Sql, publicationId: number): Promise<CorrectionCounts> {
  const [row] = await sql<CorrectionCounts[]>`
    SELECT count(*)::int AS total, count(corrected_tone)::int AS tone, count(corrected_stance)::int AS stance
    FROM comment
    WHERE publication_id = ${publicationId} AND body IS NOT NULL
      AND (corrected_tone IS NOT NULL OR corrected_stance IS NOT NULL)`;
  return row ?? { total: 0, tone: 0, stance: 0 };
}

interface ModelRow {
  id: number;
  publication_id: number;
  base_version: string;
  corrections: number;
  metrics: unknown;
  active: boolean;
  created_at: Date;
  activated_at: Date | null;
}

const MODEL_COLUMNS = (sql: Sql) =>
  sql`id, publication_id, base_version, corrections, metrics, active, created_at, activated_at`;

function toView(row: ModelRow): PublicationModelView {
  const metrics = publicationModelMetricsSchema.safeParse(row.metrics);
  return {
    id: row.id,
    version: publicationModelVersion(row.id),
    baseVersion: row.base_version,
    stale: row.base_version !== SCORER_VERSION,
    corrections: row.corrections,
    metrics: metrics.success ? metrics.data : null,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    activatedAt: row.activated_at?.toISOString() ?? null,
  };
}

async function latestModel(sql: Sql, publicationId: number): Promise<ModelRow | null> {
  const [row] = await sql<ModelRow[]>`
    SELECT ${MODEL_COLUMNS(sql)} FROM publication_model WHERE publication_id = ${publicationId}
    ORDER BY created_at DESC, id DESC LIMIT 1`;
  return row ?? null;
}

async function activeModel(sql: Sql, publicationId: number): Promise<ModelRow | null> {
  const [row] = await sql<ModelRow[]>`
    SELECT ${MODEL_COLUMNS(sql)} FROM publication_model WHERE publication_id = ${publicationId} AND active`;
  return row ?? null;
}

/** Rebuilt scorers of recently used models (a model never changes once stored). */
const scorers = new Map<number, Scorer>();
const CACHED_SCORERS = 4;

async function scorerOf(sql: Sql, modelId: number): Promise<Scorer> {
  const cached = scorers.get(modelId);
  if (cached) return cached;
  const [row] = await sql<{ heads: unknown }[]>`SELECT heads FROM publication_model WHERE id = ${modelId}`;
  if (!row) throw new Error(`publication model ${modelId} is gone`);
  const scorer = createScorer(rebuildModelFile(MODEL_FILE, storedRefitSchema.parse(row.heads)));
  if (scorers.size >= CACHED_SCORERS) scorers.delete(scorers.keys().next().value as number);
  scorers.set(modelId, scorer);
  return scorer;
}

/**
 * What "before" means for a refit: the labels shown now. With an active model that is the model refitted
 * on the same corrections minus the held-out ones (it was fitted on some of them, and judging it on those
 * would flatter it); otherwise the shipped scorer.
 */
function baselineFor(
  active: ModelRow | null,
  rest: readonly LoadedCorrection[],
): { scorer: Scorer; label: string } {
  if (!active || active.base_version !== SCORER_VERSION) return { scorer: scoreComment, label: "shipped" };
  const known = rest.filter((c) => c.firstCorrectedAt <= active.created_at);
  return {
    scorer: createScorer(refitFromCorrections(MODEL_FILE, known)),
    label: `model ${active.id} (refitted without the held-out corrections)`,
  };
}

/**
 * Refits the publication's heads on all its corrections and stores the model; measured first on held-out
 * corrections (a refit on the others against the labels shown now), and switched to at once when no head's
 * agreement dropped.
 */
export async function refitPublicationModel(
  publicationId: number,
  actorId: string | null,
): Promise<RefitAnswer> {
  const sql = sharedSql();
  const [publication] = await sql`SELECT id FROM publication WHERE id = ${publicationId}`;
  if (!publication) throw publicationNotFound();
  const corrections = await loadCorrections(sql, publicationId);
  const counts = countsOf(corrections);
  if (counts.tone < MIN_CORRECTIONS && counts.stance < MIN_CORRECTIONS)
    return { status: "too_few", publicationId, corrections: counts, minCorrections: MIN_CORRECTIONS };

  const { heldOut, rest } = splitHeldOut(corrections);
  const baseline = baselineFor(await activeModel(sql, publicationId), rest);
  const measuring = createScorer(refitFromCorrections(MODEL_FILE, rest));
  const restCounts = countsOf(rest);
  const tone = compareOnHeldOut("tone", heldOut, baseline.scorer, measuring, restCounts.tone);
  const stance = compareOnHeldOut("stance", heldOut, baseline.scorer, measuring, restCounts.stance);
  const decision = decideActivation({ tone, stance });
  const stored = compactRefit(MODEL_FILE, refitFromCorrections(MODEL_FILE, corrections));
  const metrics: PublicationModelMetrics = {
    heldOut: heldOut.length,
    trainedOn: { tone: counts.tone, stance: counts.stance },
    baseline: baseline.label,
    tone,
    stance,
    decision,
  };

  const modelId = await db().$transaction(async (tx) => {
    const created = await tx.publicationModel.create({
      data: {
        publicationId,
        baseVersion: SCORER_VERSION,
        heads: stored as unknown as Prisma.InputJsonValue,
        corrections: counts.total,
        metrics: metrics as unknown as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    await appendLog(tx, {
      actorId,
      action: "PUBLICATION_MODEL_REFITTED",
      targetType: "PUBLICATION",
      targetId: String(publicationId),
      publicationId,
      note: `model ${created.id} on ${counts.total} corrected comments: ${decision.reason}`,
      after: {
        modelId: created.id,
        corrections: counts.total,
        heldOut: heldOut.length,
        activate: decision.activate,
      },
    });
    return created.id;
  });
  const switched = decision.activate
    ? await activatePublicationModel(publicationId, modelId, actorId, decision.reason)
    : null;
  const [row] = await sql<
    ModelRow[]
  >`SELECT ${MODEL_COLUMNS(sql)} FROM publication_model WHERE id = ${modelId}`;
  if (!row) throw new Error(`publication model ${modelId} vanished after it was stored`);
  return {
    status: "refitted",
    publicationId,
    model: toView(row),
    relabelled: switched && "relabelled" in switched ? switched.relabelled : 0,
  };
}

/**
 * Makes `modelId` the model that labels the publication's comments (the previous one, if any, stops), logs
 * it, and relabels the comments. A stale model is refused: it was refitted from another shipped scorer.
 */
export async function activatePublicationModel(
  publicationId: number,
  modelId: number,
  actorId: string | null,
  reason = "switched by hand",
): Promise<SwitchAnswer> {
  const outcome = await db().$transaction(async (tx): Promise<{ changed: boolean }> => {
    // The publication row serialises switches with each other and with relabelling batches.
    const locked = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM publication WHERE id = ${publicationId} FOR UPDATE`;
    if (locked.length === 0) throw publicationNotFound();
    const model = await tx.publicationModel.findFirst({
      where: { id: modelId, publicationId },
      select: { id: true, baseVersion: true, active: true },
    });
    if (!model) throw notFound("model", "model_not_found");
    if (model.baseVersion !== SCORER_VERSION)
      throw conflict(
        "stale_model",
        `model ${modelId} was refitted from scorer ${model.baseVersion}, not the one shipped now; refit instead`,
      );
    if (model.active) return { changed: false };
    const previous = await tx.publicationModel.findFirst({
      where: { publicationId, active: true },
      select: { id: true },
    });
    await tx.publicationModel.updateMany({
      where: { publicationId, active: true },
      data: { active: false },
    });
    await tx.publicationModel.update({
      where: { id: modelId },
      data: { active: true, activatedAt: new Date() },
    });
    await appendLog(tx, {
      actorId,
      action: "PUBLICATION_MODEL_ACTIVATED",
      targetType: "PUBLICATION",
      targetId: String(publicationId),
      publicationId,
      note: `model ${modelId}: ${reason}`,
      before: { activeModelId: previous?.id ?? null },
      after: { activeModelId: modelId },
    });
    return { changed: true };
  });
  const relabelled = outcome.changed ? (await relabelPublication(sharedSql(), publicationId)).relabelled : 0;
  return { publicationId, activeModelId: modelId, changed: outcome.changed, relabelled };
}

/**
 * Back to the shipped scorer: no model labels the publication's comments any more, and they show the best
 * other labels again. Reversible: the models stay, and activating one relabels with it.
 */
export async function deactivatePublicationModels(
  publicationId: number,
  actorId: string | null,
): Promise<SwitchAnswer> {
  const outcome = await db().$transaction(async (tx): Promise<{ changed: boolean }> => {
    const locked = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM publication WHERE id = ${publicationId} FOR UPDATE`;
    if (locked.length === 0) throw publicationNotFound();
    const previous = await tx.publicationModel.findFirst({
      where: { publicationId, active: true },
      select: { id: true },
    });
    if (!previous) return { changed: false };
    await tx.publicationModel.update({ where: { id: previous.id }, data: { active: false } });
    await appendLog(tx, {
      actorId,
      action: "PUBLICATION_MODEL_DEACTIVATED",
      targetType: "PUBLICATION",
      targetId: String(publicationId),
      publicationId,
      note: `model ${previous.id} no longer labels comments; back to the shipped scorer`,
      before: { activeModelId: previous.id },
      after: { activeModelId: null },
    });
    return { changed: true };
  });
  const relabelled = outcome.changed ? (await relabelPublication(sharedSql(), publicationId)).relabelled : 0;
  return { publicationId, activeModelId: null, changed: outcome.changed, relabelled };
}

/**
 * Recomputes the labels the publication's scored comments show, in batches: with an active (current) model
 * it labels them (PUBLICATION refinements), without one it only shows the best other labels. `onlyMissing`
 * labels just the comments the active model has not labelled yet (new ones). Stops early when the active
 * model changes underneath: the switch that changed it relabels on its own.
 */
export async function relabelPublication(
  sql: Sql,
  publicationId: number,
  options: { onlyMissing?: boolean; limit?: number } = {},
): Promise<{ relabelled: number }> {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const active = await activeModel(sql, publicationId);
  // A stale model cannot label (its weights belong to another scorer); its stored labels stay shown.
  if (active && active.base_version !== SCORER_VERSION) return { relabelled: 0 };
  if (!active && options.onlyMissing) return { relabelled: 0 };
  const scorer = active ? await scorerOf(sql, active.id) : null;
  const version = active ? publicationModelVersion(active.id) : "";
  const current = currentRefinerVersions();
  const newlyFlagged: number[] = [];
  let relabelled = 0;
  let lastId = 0;
  while (relabelled < limit) {
    const done = await sql.begin(async (tx) => {
      // KEY SHARE waits for a switch in progress (FOR UPDATE) but not for ordinary updates of the row.
      const [now] = await tx<{ model_id: number | null }[]>`
        SELECT (SELECT m.id FROM publication_model m WHERE m.publication_id = p.id AND m.active) AS model_id
        FROM publication p WHERE p.id = ${publicationId} FOR KEY SHARE OF p`;
      if (!now || now.model_id !== (active?.id ?? null)) return -1;
      const rows = await tx<(CommentTextRow & { flag: boolean })[]>`
        SELECT ${commentTextColumns(tx)}, s.flag
        FROM comment c
        JOIN post p ON p.id = c.post_id
        JOIN comment_score s ON s.comment_id = c.id
        WHERE c.publication_id = ${publicationId} AND c.id > ${lastId} AND c.body IS NOT NULL
          ${
            options.onlyMissing
              ? tx`AND NOT EXISTS (SELECT 1 FROM comment_refinement r WHERE r.comment_id = c.id
                   AND r.refiner = 'PUBLICATION' AND r.version = ${version})`
              : tx``
          }
        ORDER BY c.id
        LIMIT ${Math.min(RELABEL_BATCH, limit - relabelled)}`;
      if (rows.length === 0) return 0;
      lastId = rows[rows.length - 1]!.id;
      const ids = rows.map((r) => r.id);
      if (!scorer) {
        await showBestLabels(tx, ids, current);
        return rows.length;
      }
      const labels = rows.map((r) => refinedFromScore(r.id, scorer(r.body, scoreContextOf(r))));
      await storeRefinements(tx, "PUBLICATION", version, labels, current);
      const flagged = await tx<{ comment_id: number }[]>`
        SELECT comment_id FROM comment_score
        WHERE comment_id = ANY(${rows.filter((r) => !r.flag).map((r) => r.id)}::int[]) AND flag`;
      for (const f of flagged) newlyFlagged.push(f.comment_id);
      return rows.length;
    });
    if (done <= 0) break;
    relabelled += done;
  }
  // A flag the refitted heads raised reaches the queue like one the fast scorer raised.
  await moderateRefinedFlags(sql, newlyFlagged);
  return { relabelled };
}

/**
 * Labels new comments of publications with an active model (a bounded chunk per run, for the background
 * job); returns how many it labelled.
 */
export async function labelNewCommentsWithPublicationModels(sql: Sql, limit: number): Promise<number> {
  const publications = await sql<{ publication_id: number }[]>`
    SELECT publication_id FROM publication_model WHERE active AND base_version = ${SCORER_VERSION}
    ORDER BY publication_id`;
  let labelled = 0;
  for (const p of publications) {
    if (labelled >= limit) break;
    const { relabelled } = await relabelPublication(sql, p.publication_id, {
      onlyMissing: true,
      limit: limit - labelled,
    });
    labelled += relabelled;
  }
  return labelled;
}

/** Publications whose latest model was refitted from another shipped scorer: the job refits them. */
export async function publicationsWithStaleModels(sql: Sql): Promise<number[]> {
  const rows = await sql<{ publication_id: number }[]>`
    SELECT publication_id FROM (
      SELECT DISTINCT ON (publication_id) publication_id, base_version FROM publication_model
      ORDER BY publication_id, created_at DESC, id DESC
    ) latest
    WHERE base_version <> ${SCORER_VERSION}`;
  return rows.map((r) => r.publication_id);
}

/**
 * The background job's step: refits the publication when `refitDue` says so (enough new corrections since
 * the latest model, or a stale one). Returns why it did or did not.
 */
export async function refitIfDue(
  publicationId: number,
): Promise<{ refitted: boolean; reason: string; answer?: RefitAnswer }> {
  const sql = sharedSql();
  const latest = await latestModel(sql, publicationId);
  const due = refitDue(
    await correctionCounts(sql, publicationId),
    latest && { corrections: latest.corrections, baseVersion: latest.base_version },
    SCORER_VERSION,
  );
  if (!due.due) return { refitted: false, reason: due.reason };
  let answer: RefitAnswer;
  try {
    answer = await refitPublicationModel(publicationId, null);
  } catch (error) {
    if (error instanceof DomainError) return { refitted: false, reason: error.message };
    throw error;
  }
  return { refitted: answer.status === "refitted", reason: due.reason, answer };
}

/** A publication's corrections, its models (newest first) and which one labels its comments. */
export async function publicationLearning(
  publicationId: number,
  limit = DEFAULT_LIST_LIMIT,
): Promise<PublicationLearning | null> {
  const sql = sharedSql();
  const [publication] = await sql<{ id: number; name: string }[]>`
    SELECT id, name FROM publication WHERE id = ${publicationId}`;
  if (!publication) return null;
  return learningOf(sql, publication, limit);
}

/** Every publication's learning from corrections, for the settings page. */
export async function listPublicationLearning(limit = DEFAULT_LIST_LIMIT): Promise<PublicationLearning[]> {
  const sql = sharedSql();
  const publications = await sql<
    { id: number; name: string }[]
  >`SELECT id, name FROM publication ORDER BY name`;
  return Promise.all(publications.map((p) => learningOf(sql, p, limit)));
}

async function learningOf(
  sql: Sql,
  publication: { id: number; name: string },
  limit: number,
): Promise<PublicationLearning> {
  const counts = await correctionCounts(sql, publication.id);
  const rows = await sql<ModelRow[]>`
    SELECT ${MODEL_COLUMNS(sql)} FROM publication_model WHERE publication_id = ${publication.id}
    ORDER BY created_at DESC, id DESC LIMIT ${limit}`;
  const latest = rows[0] ?? null;
  // The active model is listed even when older than the newest `limit`.
  const active = rows.find((r) => r.active) ?? (await activeModel(sql, publication.id));
  if (active && !rows.includes(active)) rows.push(active);
  return {
    publicationId: publication.id,
    name: publication.name,
    corrections: counts,
    minCorrections: MIN_CORRECTIONS,
    due: refitDue(
      counts,
      latest && { corrections: latest.corrections, baseVersion: latest.base_version },
      SCORER_VERSION,
    ),
    activeModelId: active?.id ?? null,
    models: rows.map(toView),
  };
}
