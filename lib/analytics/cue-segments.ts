/** A piece of a comment body: plain text, or a cue span with the signal that explains it. */
export interface CueSegment {
  text: string;
  /** Set when this piece is a cue span. */
  signal?: string;
  /** Offset of the piece in the body. */
  start: number;
}

/**
 * Splits a body at its cue offsets (which index the original string). Spans outside the body, empty or
 * reversed, not matching their recorded text, or overlapping an earlier-starting span are skipped, so the
 * pieces always concatenate back to the body exactly.
 */
export function cueSegments(
  body: string,
  cues: readonly { start: number; end: number; text?: string; signal: string }[],
): CueSegment[] {
  const valid = cues
    .filter(
      (c) =>
        Number.isInteger(c.start) &&
        Number.isInteger(c.end) &&
        c.start >= 0 &&
        c.end <= body.length &&
        c.start < c.end &&
        (c.text === undefined || body.slice(c.start, c.end) === c.text),
    )
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: CueSegment[] = [];
  let at = 0;
  for (const cue of valid) {
    if (cue.start < at) continue;
    if (cue.start > at) segments.push({ text: body.slice(at, cue.start), start: at });
    segments.push({ text: body.slice(cue.start, cue.end), signal: cue.signal, start: cue.start });
    at = cue.end;
  }
  if (at < body.length) segments.push({ text: body.slice(at), start: at });
  return segments;
}

/** "negation_doubt" -> "negation doubt", "commenterAbuse" -> "commenter abuse": signals are identifiers; people read words. */
export function signalLabel(signal: string): string {
  return signal
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[_:.-]+/g, " ")
    .toLowerCase()
    .trim();
}
