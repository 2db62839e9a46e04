import { z } from "zod";
import { TONES } from "@/lib/scoring/types";

/** Figures of the comments posted within one range. */
export const rangeFiguresSchema = z.object({
  /** Comments with a body posted in the range. */
  comments: z.number().int(),
  /** Distinct commenters of those comments. */
  commenters: z.number().int(),
  /** Comments with an effective tone (scored or corrected). */
  scored: z.number().int(),
  /** Effective tone counts. */
  tones: z.record(z.enum(TONES), z.number().int()),
});
export type RangeFigures = z.infer<typeof rangeFiguresSchema>;

/**
 * GET /api/posts/headline?from&to: the overview's headline figures over the comments POSTED in the range
 * (any post), and the same figures for the range of equal length just before it (null for an open range).
 */
export const headlineSchema = z.object({
  /** The range as asked, YYYY-MM-DD, inclusive; null bounds are open. */
  from: z.string().nullable(),
  to: z.string().nullable(),
  current: rangeFiguresSchema,
  /** The previous range's bounds (inclusive days) and figures; null when the range is open-ended. */
  previous: z.object({ from: z.string(), to: z.string(), figures: rangeFiguresSchema }).nullable(),
});
export type Headline = z.infer<typeof headlineSchema>;

/**
 * GET /api/posts/agreement: how often people agree with the scorer. A comment counts as reviewed once a
 * person has corrected or confirmed its labels (it has a LabelCorrection); it agrees when its effective tone
 * AND stance today equal the scorer's. Unscored comments are left out.
 */
export const agreementSchema = z.object({
  /** Scored comments that a person reviewed. */
  reviewed: z.number().int(),
  /** Of those, comments whose reviewed tone and stance both equal the scorer's. */
  agreed: z.number().int(),
  /** Of those, comments whose tone a person changed. */
  toneChanged: z.number().int(),
  /** Of those, comments whose stance a person changed. */
  stanceChanged: z.number().int(),
  /** agreed / reviewed; null when nothing is reviewed yet. */
  rate: z.number().nullable(),
});
export type Agreement = z.infer<typeof agreementSchema>;
