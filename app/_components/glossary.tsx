import { useId } from "react";
import { STANCE_LABELS } from "@/lib/analytics/chart-rows";
import {
  SENTIMENT_SCALE,
  STANCE_BASIS,
  STANCE_DEFINITIONS,
  TONE_DEFINITIONS,
} from "@/lib/analytics/definitions";
import { TONE_LABELS } from "@/lib/analytics/palette";
import { STANCES, TONES } from "@/lib/scoring/types";

/** What each kind of highlight means, with a sample of its look. */
export function HighlightKey() {
  return (
    <ul className="highlight-key" aria-label="What the highlights mean">
      <li>
        <mark className="cue-tone tone-skeptical">tone colour</mark> words behind a tone
      </li>
      <li>
        <mark className="cue-flag">red</mark> flag signals
      </li>
      <li>
        <mark className="cue-stance">dashed</mark> agreement or disagreement
      </li>
      <li>
        <mark className="cue-sentiment">dotted</mark> sentiment words (they do not set the tone)
      </li>
    </ul>
  );
}

/**
 * A button opening the definitions of every label (tones, stance, sentiment, highlights) in a popover:
 * Escape or a click outside closes it. Placed wherever tones appear.
 */
export function GlossaryButton({ label = "What the labels mean" }: { label?: string }) {
  const id = useId();
  const titleId = `${id}-title`;
  return (
    <>
      <button type="button" className="glossary-button" popoverTarget={id} data-testid="glossary-button">
        {label}
      </button>
      <div id={id} popover="auto" className="glossary" role="dialog" aria-labelledby={titleId}>
        <h2 id={titleId}>Tones: what each comment mostly does</h2>
        <dl>
          {TONES.map((t) => (
            <div key={t} className="glossary-row">
              <dt className={`tone-${t}`}>
                <span className="dot" aria-hidden="true" />
                {TONE_LABELS[t]}
              </dt>
              <dd>{TONE_DEFINITIONS[t]}</dd>
            </div>
          ))}
        </dl>
        <h2>Stance: toward the post</h2>
        <p>{STANCE_BASIS}</p>
        <dl>
          {STANCES.map((s) => (
            <div key={s} className="glossary-row">
              <dt className={`stance-${s}`}>
                <span className="dot" aria-hidden="true" />
                {STANCE_LABELS[s]}
              </dt>
              <dd>{STANCE_DEFINITIONS[s]}</dd>
            </div>
          ))}
        </dl>
        <h2>Sentiment</h2>
        <p>{SENTIMENT_SCALE}</p>
        <h2>Highlighted words and “Uncertain”</h2>
        <HighlightKey />
        <p>
          The line under a comment's labels quotes the words behind its tone. “Uncertain” means the scorer's
          call was close, or the highlighted words point to another tone: read those comments yourself, and
          correct the label if it is wrong.
        </p>
        <p className="dialog-actions">
          <button type="button" popoverTarget={id} popoverTargetAction="hide">
            Close
          </button>
        </p>
      </div>
    </>
  );
}
