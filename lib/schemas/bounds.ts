import { z } from "zod";

/**
 * Numbers as PostgreSQL stores them: every id and count a request carries is bounded by its column's type, so a
 * value the database could not hold is a 400 here, never an error (500) there.
 */
export const INT4_MAX = 2_147_483_647;
export const INT8_MAX = 9_223_372_036_854_775_807n;

/** A row id (int4 serial) in a JSON body. */
export const rowId = z.number().int().min(1).max(INT4_MAX);

/** A row id (int4 serial) in a query string or path: digits only ("1e3", "-1", " 7" and "0x10" are refused). */
export const rowIdText = z
  .string()
  .regex(/^\d{1,10}$/, "must be a positive whole number")
  .transform(Number)
  .pipe(z.number().int().min(1, "must be a positive whole number").max(INT4_MAX, "is too large"));

/** A bigint (int8) id in a query string, kept as text. */
export const bigRowIdText = z
  .string()
  .regex(/^\d{1,19}$/, "must be a row id")
  // zod runs a refinement even after the regex failed: test it again before BigInt, which throws on non-digits.
  .refine((v) => /^\d{1,19}$/.test(v) && BigInt(v) >= 1n && BigInt(v) <= INT8_MAX, "is out of range");

/** A calendar day (YYYY-MM-DD) that exists, in the years a filter can mean. */
export const calendarDay = z.iso.date({ message: "must be a date (YYYY-MM-DD)" }).refine((v) => {
  const year = Number(v.slice(0, 4));
  return year >= 1900 && year <= 2200;
}, "must be a date between 1900 and 2200");
