import { useId } from "react";
import { cueDisplay, cueSegments } from "@/lib/analytics/cue-segments";
import type { CommentCue } from "@/lib/schemas/thread";

/**
 * A comment body as text, with the cue spans that explain its score highlighted by what they support (the
 * tone's colour, red for flag signals, a dotted underline for sentiment words). Highlights are not tab stops
 * of their own: they belong to the comment's explanation group (arrow keys), and name what they support on
 * hover and on focus. The body is only ever split into text children: markup in it shows as text.
 */
export function CueText({
  body,
  cues,
  firstStop = false,
}: {
  body: string;
  cues: readonly CommentCue[];
  /** The first highlight is the explanation group's tab stop (when the comment has no label badges). */
  firstStop?: boolean;
}) {
  const baseId = useId();
  const segments = cueSegments(body, cues);
  const first = segments.find((s) => s.signal !== undefined);
  return (
    <>
      {segments.map((segment) => {
        if (segment.signal === undefined) return <span key={segment.start}>{segment.text}</span>;
        const tipId = `${baseId}-cue-${segment.start}`;
        const display = cueDisplay(segment.signal);
        return (
          <span key={segment.start} className="tip-host">
            <mark
              className={`tip-anchor ${display.className}`}
              tabIndex={firstStop && segment === first ? 0 : -1}
              aria-describedby={tipId}
              data-explain=""
              data-signal={segment.signal}
            >
              {segment.text}
            </mark>
            <span role="tooltip" id={tipId} className="tip">
              {display.description}
            </span>
          </span>
        );
      })}
    </>
  );
}
