import { TONE_COLORS, TONE_LABELS } from "@/lib/analytics/palette";
import { TONES, type Tone } from "@/lib/scoring/types";

/**
 * A group's tone mix as one SVG bar (no inline styles: safe under a strict CSP, prints as vectors) with its
 * numbers as text beside it, so colour is never the only cue.
 */
export function ToneMixFigure({ counts, label }: { counts: Partial<Record<Tone, number>>; label: string }) {
  const total = TONES.reduce((sum, t) => sum + (counts[t] ?? 0), 0);
  let x = 0;
  const parts = TONES.filter((t) => (counts[t] ?? 0) > 0).map((t) => {
    const width = total === 0 ? 0 : ((counts[t] ?? 0) / total) * 100;
    const part = { tone: t, x, width };
    x += width;
    return part;
  });
  const text = parts.map((p) => `${counts[p.tone]} ${TONE_LABELS[p.tone].toLowerCase()}`).join(", ");
  return (
    <span className="tone-mix-figure">
      <svg
        viewBox="0 0 100 8"
        preserveAspectRatio="none"
        width="120"
        height="10"
        role="img"
        aria-label={`${label}: ${text}`}
      >
        {parts.map((p) => (
          <rect key={p.tone} x={p.x} y={0} width={p.width} height={8} fill={TONE_COLORS[p.tone]} />
        ))}
      </svg>
      <span className="subtle">{text}</span>
    </span>
  );
}
