import { z } from "zod";
import { limitParam } from "./route-params";

/**
 * Learning from corrections: the models refitted on a publication's corrections, their held-out agreement
 * and which one labels its comments (lib/server/scoring/publication-model.ts).
 */

const agreementSchema = z.object({ accuracy: z.number(), macroF1: z.number() });

/** One head's agreement with the held-out corrections, shown now (before) and refitted (after). */
export const headComparisonSchema = z.object({
  heldOut: z.number().int().nonnegative(),
  before: agreementSchema,
  after: agreementSchema,
  /** False when the refit without the held-out corrections had too few to change the head. */
  measured: z.boolean(),
});
export type HeadComparisonView = z.infer<typeof headComparisonSchema>;

/** publication_model.metrics, as the refit writes it. */
export const publicationModelMetricsSchema = z.object({
  /** Corrected comments held out of the measuring refit. */
  heldOut: z.number().int().nonnegative(),
  /** Corrections of each head the stored model was fitted on (all of them). */
  trainedOn: z.object({ tone: z.number().int(), stance: z.number().int() }),
  /** What "before" is: the shipped scorer, or the active model refitted without the held-out corrections. */
  baseline: z.string(),
  tone: headComparisonSchema.nullable(),
  stance: headComparisonSchema.nullable(),
  /** The automatic decision and why (activated, or kept aside). */
  decision: z.object({ activate: z.boolean(), reason: z.string() }),
});
export type PublicationModelMetrics = z.infer<typeof publicationModelMetricsSchema>;

/** GET /api/publications/[publicationId]/models?limit= : the newest models first. */
export const listModelsQuerySchema = z.strictObject({ limit: limitParam(100) });

/** POST …/models/refit, …/models/[modelId]/activate, …/models/deactivate: no options, an empty object. */
export const emptyBodySchema = z.strictObject({});

export interface PublicationModelView {
  id: number;
  /** The label version its labels carry ("publication-model:<id>"). */
  version: string;
  /** The shipped scorer it was refitted from; a model of another one is stale and cannot be switched to. */
  baseVersion: string;
  stale: boolean;
  /** Corrected comments it was fitted on. */
  corrections: number;
  /** Null for a stored row whose metrics do not validate (shown as unknown). */
  metrics: PublicationModelMetrics | null;
  active: boolean;
  createdAt: string;
  activatedAt: string | null;
}

export interface CorrectionCountsView {
  total: number;
  tone: number;
  stance: number;
}

export interface PublicationLearning {
  publicationId: number;
  name: string;
  corrections: CorrectionCountsView;
  /** Corrections of a head before it is refitted. */
  minCorrections: number;
  /** Whether the background job would refit now, and why (or why not). */
  due: { due: boolean; reason: string };
  activeModelId: number | null;
  models: PublicationModelView[];
}

export type RefitAnswer =
  | { status: "too_few"; publicationId: number; corrections: CorrectionCountsView; minCorrections: number }
  | { status: "refitted"; publicationId: number; model: PublicationModelView; relabelled: number };

export interface SwitchAnswer {
  publicationId: number;
  activeModelId: number | null;
  /** False when it was already so. */
  changed: boolean;
  /** Comments whose labels were recomputed. */
  relabelled: number;
}
