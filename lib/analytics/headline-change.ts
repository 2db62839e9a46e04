import { TONES, type Tone } from "@/lib/scoring/types";

export interface RangeFigures {
  comments: number;
  commenters: number;
  scored: number;
  tones: Record<Tone, number>;
}

/** A headline figure with its change against the previous range. */
export interface HeadlineFigure {
  key: string;
  label: string;
  kind: "count" | "share";
  value: number;
  /** Counts: relative change (0.25 = +25 %), null when the previous value was 0 or there is no previous range.
   *  Shares: change in percentage points as a fraction (0.05 = +5 points), null without a previous range. */
  change: number | null;
  previous: number | null;
}

export const HEADLINE_TONES = ["skeptical", "dismissive", "analytical"] as const satisfies readonly Tone[];

const toneShare = (f: RangeFigures, tone: Tone) => (f.scored === 0 ? 0 : f.tones[tone] / f.scored);

function countFigure(key: string, label: string, now: number, before: number | null): HeadlineFigure {
  return {
    key,
    label,
    kind: "count",
    value: now,
    previous: before,
    change: before === null || before === 0 ? null : (now - before) / before,
  };
}

/** The overview's headline: comments, commenters, and the shares of skeptical, dismissive and analytical. */
export function headlineFigures(current: RangeFigures, previous: RangeFigures | null): HeadlineFigure[] {
  const labels: Record<Tone, string> = Object.fromEntries(TONES.map((t) => [t, t])) as Record<Tone, string>;
  return [
    countFigure("comments", "Comments", current.comments, previous?.comments ?? null),
    countFigure("commenters", "Commenters", current.commenters, previous?.commenters ?? null),
    ...HEADLINE_TONES.map((tone): HeadlineFigure => {
      const now = toneShare(current, tone);
      const before = previous ? toneShare(previous, tone) : null;
      return {
        key: tone,
        label: `Share ${labels[tone]}`,
        kind: "share",
        value: now,
        previous: before,
        change: before === null ? null : now - before,
      };
    }),
  ];
}
