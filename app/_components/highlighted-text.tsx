import type { HighlightSegment } from "@/lib/insights/search-query";

/** Text with some segments marked (search matches, entity mentions, argument phrases); always rendered as text. */
export function HighlightedText({ segments }: { segments: readonly HighlightSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reordered
          <mark key={i}>{s.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reordered
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}
