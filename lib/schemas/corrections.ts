import { z } from "zod";
import { STANCES, TONES } from "@/lib/scoring/types";

/**
 * POST /api/comments/[commentId]/correction: a person's verdict on a comment's labels. Give the tone, the
 * stance or both; giving the scorer's own label confirms it (counted as agreement).
 */
export const labelCorrectionBodySchema = z
  .strictObject({
    tone: z.enum(TONES).optional(),
    stance: z.enum(STANCES).optional(),
  })
  .refine((b) => b.tone !== undefined || b.stance !== undefined, {
    message: "give a tone, a stance or both",
  });
export type LabelCorrectionBody = z.infer<typeof labelCorrectionBodySchema>;

/** The answer: the comment's labels after the correction. */
export const labelCorrectionResultSchema = z.object({
  commentId: z.number().int(),
  postId: z.number().int(),
  /** The LabelCorrection row written. */
  correctionId: z.number().int(),
  /** Effective labels now. */
  tone: z.enum(TONES).nullable(),
  stance: z.enum(STANCES).nullable(),
  /** The scorer's labels (null when the comment is not scored). */
  scoredTone: z.enum(TONES).nullable(),
  scoredStance: z.enum(STANCES).nullable(),
  /** True when the effective labels differ from the scorer's. */
  corrected: z.boolean(),
});
export type LabelCorrectionResult = z.infer<typeof labelCorrectionResultSchema>;
