import { z } from "zod";
import { rowIdText } from "./bounds";

/** Database ids in a path: digits only (no signs, exponents or spaces), within int4, so "1e3" or "-1" answer 400. */
export const postIdParamsSchema = z.strictObject({ postId: rowIdText });
export const commentIdParamsSchema = z.strictObject({ commentId: rowIdText });
export const commenterIdParamsSchema = z.strictObject({ commenterId: rowIdText });
export const publicationIdParamsSchema = z.strictObject({ publicationId: rowIdText });
export const runIdParamsSchema = z.strictObject({ runId: rowIdText });
export const publicationModelParamsSchema = z.strictObject({ publicationId: rowIdText, modelId: rowIdText });

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

/** An optional id in a query string ("" means none), e.g. a filter by post or commenter. */
export const optionalIdParam = (what: string) =>
  z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^\d{1,9}$/, { message: `${what} must be a positive whole number` })
      .transform(Number)
      .optional(),
  );

/** A page's search params with each key's first value and blanks left out (pages parse them leniently). */
export function firstSearchParams(
  params: Record<string, string | string[] | undefined>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).flatMap(([k, v]) => {
      const value = Array.isArray(v) ? v[0] : v;
      return value === undefined || value === "" ? [] : [[k, value]];
    }),
  );
}

/** An export's query: `format=csv` (the default) or `format=json`. */
export const exportQuerySchema = z.strictObject({ format: z.enum(["csv", "json"]).default("csv") });
export type ExportFormat = z.output<typeof exportQuerySchema>["format"];
