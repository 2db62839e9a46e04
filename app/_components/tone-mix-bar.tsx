import { TONE_COLORS, TONE_LABELS } from "@/lib/analytics/palette";
import { TONES, type Tone } from "@/lib/scoring/types";

/** A small stacked bar of a post's tone mix, with the numbers in its accessible label. */
export function ToneMixBar({ tones }: { tones: Record<Tone, number> }) {
  const total = TONES.reduce((sum, t) => sum + tones[t], 0);
  const label =
    total === 0 ? "no scored comments" : TONES.map((t) => `${TONE_LABELS[t]} ${tones[t]}`).join(", ");
  return (
    <div className="tone-bar" role="img" aria-label={label} title={label}>
      {total > 0 &&
        TONES.map((t) =>
          tones[t] > 0 ? (
            <span key={t} style={{ width: `${(tones[t] / total) * 100}%`, background: TONE_COLORS[t] }} />
          ) : null,
        )}
    </div>
  );
}
