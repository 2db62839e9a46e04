import { type ReactNode, useId } from "react";
import { STANCE_LABELS } from "@/lib/analytics/chart-rows";
import {
  SENTIMENT_SCALE,
  STANCE_BASIS,
  STANCE_DEFINITIONS,
  TONE_DEFINITIONS,
} from "@/lib/analytics/definitions";
import { formatSignedDecimal } from "@/lib/analytics/format";
import { TONE_LABELS } from "@/lib/analytics/palette";
import type { LabelSourceName } from "@/lib/schemas/thread";
import type { Stance, Tone } from "@/lib/scoring/types";

/**
 * `explain`: the badge joins its comment's explanation group (see useRovingFocus): reachable with the arrow
 * keys, its definition shown on focus. Otherwise the definition shows on hover only.
 */
interface ExplainProps {
  /** "first": the group's tab stop when the page loads (the others are reached with the arrow keys). */
  explain?: boolean | "first";
}

function Badge({
  className,
  tip,
  explain,
  children,
  ...data
}: ExplainProps & { className: string; tip: string; children: ReactNode } & Record<
    `data-${string}`,
    string
  >) {
  const tipId = useId();
  return (
    <span className="tip-host">
      <span
        className={`badge label-badge tip-anchor ${className}`}
        aria-describedby={tipId}
        tabIndex={explain === "first" ? 0 : explain ? -1 : undefined}
        data-explain={explain ? "" : undefined}
        {...data}
      >
        {children}
      </span>
      <span role="tooltip" id={tipId} className="tip">
        {tip}
      </span>
    </span>
  );
}

const SCORER_NAMES: Readonly<Record<LabelSourceName, string>> = {
  FAST: "the fast scorer",
  ENCODER: "the sentence encoder",
  PUBLICATION: "this publication's own model",
  LLM: "a language model",
};

/**
 * A tone badge: the tone's colour as a dot beside its name (colour is never the only cue); its tip defines the
 * tone and says who labelled it.
 */
export function ToneBadge({
  tone,
  corrected = false,
  source = null,
  explain,
}: { tone: Tone; corrected?: boolean; source?: LabelSourceName | null } & ExplainProps) {
  const by = corrected ? " Set by a person." : source ? ` Labelled by ${SCORER_NAMES[source]}.` : "";
  return (
    <Badge
      className={`tone-${tone}`}
      data-tone={tone}
      tip={`${TONE_LABELS[tone]}: ${TONE_DEFINITIONS[tone]}${by}`}
      explain={explain}
    >
      <span className="dot" aria-hidden="true" />
      {TONE_LABELS[tone]}
      {corrected && <span className="badge-note"> (corrected)</span>}
    </Badge>
  );
}

export function StanceBadge({ stance, explain }: { stance: Stance } & ExplainProps) {
  return (
    <Badge
      className={`stance-${stance}`}
      data-stance={stance}
      tip={`Stance ${STANCE_LABELS[stance].toLowerCase()}: ${STANCE_DEFINITIONS[stance]} ${STANCE_BASIS}`}
      explain={explain}
    >
      <span className="dot" aria-hidden="true" />
      Stance: {STANCE_LABELS[stance].toLowerCase()}
    </Badge>
  );
}

export function SentimentBadge({ comparative, explain }: { comparative: number } & ExplainProps) {
  return (
    <Badge className="sentiment" tip={SENTIMENT_SCALE} explain={explain}>
      Sentiment {formatSignedDecimal(comparative)} per word
    </Badge>
  );
}
