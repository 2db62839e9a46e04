import { TONES, type Tone } from "@/lib/scoring/types";

export interface ToneShareRow extends Record<Tone, number> {
  label: string;
  total: number;
}

/**
 * Tone shares (0..1) per post, oldest first, for a stacked chart. A post without scored comments gets zeros
 * rather than NaN so the chart keeps its place on the time axis.
 */
export function toneShareRows(
  posts: { title: string; publishedAt: string | null; tones: Record<Tone, number> }[],
): ToneShareRow[] {
  return [...posts]
    .sort((a, b) => (a.publishedAt ?? "").localeCompare(b.publishedAt ?? ""))
    .map((post) => {
      const total = TONES.reduce((sum, t) => sum + post.tones[t], 0);
      const row = { label: post.title, total } as ToneShareRow;
      for (const t of TONES) row[t] = total === 0 ? 0 : post.tones[t] / total;
      return row;
    });
}
