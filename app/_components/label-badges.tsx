import { STANCE_LABELS } from "@/lib/analytics/chart-rows";
import { STANCE_COLORS, TONE_COLORS, TONE_LABELS } from "@/lib/analytics/palette";
import type { Stance, Tone } from "@/lib/scoring/types";

/** A tone badge: the tone's colour as a dot beside its name (colour is never the only cue). */
export function ToneBadge({ tone, corrected = false }: { tone: Tone; corrected?: boolean }) {
  return (
    <span
      className="badge label-badge"
      data-tone={tone}
      title={corrected ? "Tone corrected by a person" : "Tone"}
    >
      <span className="dot" style={{ background: TONE_COLORS[tone] }} aria-hidden="true" />
      {TONE_LABELS[tone]}
      {corrected && <span className="badge-note"> (corrected)</span>}
    </span>
  );
}

export function StanceBadge({ stance }: { stance: Stance }) {
  return (
    <span className="badge label-badge" data-stance={stance} title="Stance toward the post">
      <span className="dot" style={{ background: STANCE_COLORS[stance] }} aria-hidden="true" />
      {STANCE_LABELS[stance]}
    </span>
  );
}
