import { z } from "zod";

/** A database id in a path: digits only (no signs, exponents or spaces), so "1e3" or "-1" answer 400. */
const idParam = (what: string) =>
  z
    .string()
    .regex(/^\d{1,9}$/, { message: `${what} must be a positive whole number` })
    .transform(Number);

export const postIdParamsSchema = z.strictObject({ postId: idParam("postId") });
export const commentIdParamsSchema = z.strictObject({ commentId: idParam("commentId") });
export const commenterIdParamsSchema = z.strictObject({ commenterId: idParam("commenterId") });
export const publicationIdParamsSchema = z.strictObject({ publicationId: idParam("publicationId") });
export const publicationModelParamsSchema = z.strictObject({
  publicationId: idParam("publicationId"),
  modelId: idParam("modelId"),
});

/** An optional page size in a query string, within [1, max]. */
export const limitParam = (max: number) =>
  z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^\d{1,4}$/, { message: "limit must be a whole number" })
      .transform(Number)
      .pipe(z.number().int().min(1).max(max))
      .optional(),
  );
