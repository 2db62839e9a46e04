import { z } from "zod";
import { SENTIMENT_LABELS, STANCES, TONES } from "@/lib/scoring/types";

/**
 * What the status filter of the post page can select. `visible` = has a body, not hidden by automod, not
 * rejected; `deleted` = deleted or removed upstream (no body); `hidden` = hidden by Substack's automod;
 * `flagged` = has an open flag or the scorer flagged it; `rejected` / `withheld` = Marginalia's own status;
 * `corrected` = a person corrected its tone or stance.
 */
export const COMMENT_STATUS_FILTERS = [
  "visible",
  "deleted",
  "hidden",
  "flagged",
  "rejected",
  "withheld",
  "corrected",
] as const;
export type CommentStatusFilter = (typeof COMMENT_STATUS_FILTERS)[number];

/** `confident`: labels a person corrected or the scorer gave with probability >= 1/2; `uncertain`: the rest. */
export const CONFIDENCE_FILTERS = ["confident", "uncertain"] as const;

/** An empty query value ("?tone=") means "no filter", so shared URLs with blank fields still parse. */
const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

/** The filters of the post page: they drive the thread list and every chart of the page together. */
export const commentFiltersShape = {
  /** Effective tone (a person's correction, else the scorer's). */
  tone: z.preprocess(blankToUndefined, z.enum(TONES).optional()),
  /** Effective stance toward the post. */
  stance: z.preprocess(blankToUndefined, z.enum(STANCES).optional()),
  /** The scorer's sentiment label. */
  sentiment: z.preprocess(blankToUndefined, z.enum(SENTIMENT_LABELS).optional()),
  /** See COMMENT_STATUS_FILTERS. */
  status: z.preprocess(blankToUndefined, z.enum(COMMENT_STATUS_FILTERS).optional()),
  /** By how sure the tone label is (lib/scoring/confidence.ts). */
  confidence: z.preprocess(blankToUndefined, z.enum(CONFIDENCE_FILTERS).optional()),
  /** Free text, matched case-insensitively against the body and the author's name. */
  q: z.preprocess(blankToUndefined, z.string().trim().min(1).max(200).optional()),
};

export const commentFiltersSchema = z.strictObject(commentFiltersShape);
export type CommentFilters = z.infer<typeof commentFiltersSchema>;

export const COMMENT_FILTER_KEYS = [
  "tone",
  "stance",
  "sentiment",
  "status",
  "confidence",
  "q",
] as const satisfies readonly (keyof CommentFilters)[];

/**
 * Filters from a page's search params, leniently: a malformed value is dropped rather than failing the page
 * (the JSON API answers 400 for the same value).
 */
export function commentFiltersFromSearchParams(
  params: Record<string, string | string[] | undefined>,
): CommentFilters {
  const filters: Record<string, unknown> = {};
  for (const key of COMMENT_FILTER_KEYS) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    const parsed = commentFiltersShape[key].safeParse(value);
    if (parsed.success && parsed.data !== undefined) filters[key] = parsed.data;
  }
  return filters as CommentFilters;
}

/** The filters as URL search params (only the ones set), in a fixed order so keys and URLs are stable. */
export function commentFiltersToSearchParams(filters: CommentFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of COMMENT_FILTER_KEYS) {
    const value = filters[key];
    if (value !== undefined && value !== "") params.set(key, value);
  }
  return params;
}
