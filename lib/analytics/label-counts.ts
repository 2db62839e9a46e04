import { STANCES, type Stance, TONES, type Tone } from "@/lib/scoring/types";

/** Counts per tone from GROUP BY rows; tones missing from the rows count 0, unknown labels are ignored. */
export function toneCountsFromRows(
  rows: readonly { label: string | null; count: number }[],
): Record<Tone, number> {
  const counts = Object.fromEntries(TONES.map((t) => [t, 0])) as Record<Tone, number>;
  for (const row of rows) {
    if (row.label !== null && (TONES as readonly string[]).includes(row.label))
      counts[row.label as Tone] += row.count;
  }
  return counts;
}

/** Counts per stance from GROUP BY rows; stances missing from the rows count 0, unknown labels are ignored. */
export function stanceCountsFromRows(
  rows: readonly { label: string | null; count: number }[],
): Record<Stance, number> {
  const counts = Object.fromEntries(STANCES.map((s) => [s, 0])) as Record<Stance, number>;
  for (const row of rows) {
    if (row.label !== null && (STANCES as readonly string[]).includes(row.label))
      counts[row.label as Stance] += row.count;
  }
  return counts;
}

/** The sum of a record of counts. */
export function totalOf(counts: Record<string, number>): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

/** Counts per tone from a rollup's vector (in the enum's order, as TONES); a missing vector counts 0s. */
export function toneCountsFromVector(vector: readonly number[] | null | undefined): Record<Tone, number> {
  return Object.fromEntries(TONES.map((t, i) => [t, vector?.[i] ?? 0])) as Record<Tone, number>;
}

/** Counts per stance from a rollup's vector (in the enum's order, as STANCES). */
export function stanceCountsFromVector(vector: readonly number[] | null | undefined): Record<Stance, number> {
  return Object.fromEntries(STANCES.map((s, i) => [s, vector?.[i] ?? 0])) as Record<Stance, number>;
}
