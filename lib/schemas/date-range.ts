import { z } from "zod";
import { calendarDay } from "./bounds";

/**
 * A date range of the overview: `from` and `to` are calendar days (YYYY-MM-DD, UTC), both inclusive.
 * Either may be left out (open-ended).
 */
export const dateRangeShape = {
  from: z.preprocess((v) => (v === "" ? undefined : v), calendarDay.optional()),
  to: z.preprocess((v) => (v === "" ? undefined : v), calendarDay.optional()),
};

/** A range's one rule across fields, for schemas that add fields to dateRangeShape. */
export const fromNotAfterTo: [
  (r: { from?: string; to?: string }) => boolean,
  { message: string; path: string[] },
] = [(r) => !r.from || !r.to || r.from <= r.to, { message: "from must not be after to", path: ["from"] }];

export const dateRangeSchema = z.strictObject(dateRangeShape).refine(...fromNotAfterTo);
export type DateRange = z.infer<typeof dateRangeSchema>;

/** A range as half-open instants [start, end); null bounds are open. */
export interface InstantRange {
  start: Date | null;
  end: Date | null;
}

const DAY_MS = 86_400_000;

export function instantRange(range: DateRange): InstantRange {
  return {
    start: range.from ? new Date(`${range.from}T00:00:00Z`) : null,
    end: range.to ? new Date(new Date(`${range.to}T00:00:00Z`).getTime() + DAY_MS) : null,
  };
}

/** The range of the same length just before a closed range; null when the range is open on either side. */
export function previousRange(range: InstantRange): InstantRange | null {
  if (!range.start || !range.end) return null;
  const length = range.end.getTime() - range.start.getTime();
  return { start: new Date(range.start.getTime() - length), end: range.start };
}

/** A range from page search params, leniently (malformed values are dropped, a reversed range is swapped). */
export function dateRangeFromSearchParams(params: Record<string, string | string[] | undefined>): DateRange {
  const pick = (key: "from" | "to") => {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    const parsed = dateRangeShape[key].safeParse(value);
    return parsed.success ? parsed.data : undefined;
  };
  const from = pick("from");
  const to = pick("to");
  if (from && to && from > to) return { from: to, to: from };
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}
