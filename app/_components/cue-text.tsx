import { useId } from "react";
import { cueSegments, signalLabel } from "@/lib/analytics/cue-segments";
import type { CommentCue } from "@/lib/schemas/thread";

/**
 * A comment body as text, with the cue spans that explain its score highlighted. Each highlight can take
 * keyboard focus and names its signal on hover and on focus (title + a described-by tip). The body is only
 * ever split into text children: markup in it shows as text.
 */
export function CueText({ body, cues }: { body: string; cues: readonly CommentCue[] }) {
  const baseId = useId();
  return (
    <>
      {cueSegments(body, cues).map((segment) => {
        if (segment.signal === undefined) return <span key={segment.start}>{segment.text}</span>;
        const tipId = `${baseId}-cue-${segment.start}`;
        const label = signalLabel(segment.signal);
        return (
          <span key={segment.start} className="cue">
            <mark
              // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users reach each cue to learn its signal
              tabIndex={0}
              title={`Signal: ${label}`}
              aria-describedby={tipId}
              data-signal={segment.signal}
            >
              {segment.text}
            </mark>
            <span role="tooltip" id={tipId} className="cue-tip">
              Signal: {label}
            </span>
          </span>
        );
      })}
    </>
  );
}
