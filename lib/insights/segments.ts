import type { HighlightSegment } from "./search-query";

/**
 * A text cut into plain and marked segments from [start, end) spans (sorted or not, overlapping or not);
 * spans out of range are clipped, so stale offsets never throw. Optionally only a window around the marks.
 */
export function markedSegments(
  text: string,
  marks: readonly { start: number; end: number }[],
  window?: { start: number; end: number },
): HighlightSegment[] {
  const from = Math.max(0, window?.start ?? 0);
  const to = Math.min(text.length, window?.end ?? text.length);
  const spans = marks
    .map((m) => ({ start: Math.max(from, m.start), end: Math.min(to, m.end) }))
    .filter((m) => m.end > m.start)
    .sort((a, b) => a.start - b.start);
  const out: HighlightSegment[] = [];
  let at = from;
  for (const m of spans) {
    if (m.end <= at) continue;
    const start = Math.max(at, m.start);
    if (start > at) out.push({ text: text.slice(at, start), match: false });
    out.push({ text: text.slice(start, m.end), match: true });
    at = m.end;
  }
  if (at < to) out.push({ text: text.slice(at, to), match: false });
  return out;
}
