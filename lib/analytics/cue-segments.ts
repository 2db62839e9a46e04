import { TONE_LABELS } from "@/lib/analytics/palette";
import { type CueKind, cueKind } from "@/lib/scoring/cue-kinds";

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
 * pieces always concatenate back to the body exactly. Of spans starting together, the one saying most wins
 * (a flag signal over a tone cue over a stance cue over context over a sentiment word), then the longest.
 */
const KIND_PRECEDENCE: Readonly<Record<CueKind["kind"], number>> = {
  flag: 0,
  tone: 1,
  stance: 2,
  context: 3,
  sentiment: 4,
};

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
    .sort(
      (a, b) =>
        a.start - b.start ||
        KIND_PRECEDENCE[cueKind(a.signal).kind] - KIND_PRECEDENCE[cueKind(b.signal).kind] ||
        b.end - a.end,
    );
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

const STANCE_WORDS = { agree: "agreement", disagree: "disagreement", neutral: "no side" } as const;
const FLAG_WORDS = {
  threat: "a threat or wished harm",
  "identity-attack": "an attack on a group",
  "personal-abuse": "abuse of another commenter",
  spam: "spam",
  doxxing: "personal details",
} as const;

/** How a highlight looks and what it says it supports: the tone it points to, a stance, a flag signal, … */
export interface CueDisplay {
  /** CSS classes: `cue-tone tone-<tone>`, `cue-stance`, `cue-flag`, `cue-sentiment`, `cue-context`. */
  className: string;
  /** One line for the tip: "doubt: points to skeptical". */
  description: string;
}

export function cueDisplay(signal: string): CueDisplay {
  const name = signalLabel(signal);
  const kind = cueKind(signal);
  switch (kind.kind) {
    case "tone":
      return {
        className: `cue-tone tone-${kind.tone}`,
        description: `${name}: points to ${TONE_LABELS[kind.tone].toLowerCase()}`,
      };
    case "stance":
      return { className: "cue-stance", description: `${name}: a sign of ${STANCE_WORDS[kind.stance]}` };
    case "flag":
      return { className: "cue-flag", description: `${name}: flag signal, ${FLAG_WORDS[kind.reason]}` };
    case "sentiment":
      return {
        className: "cue-sentiment",
        description: `${kind.negated ? "negated word" : "word"} counted as ${kind.polarity} sentiment, not tone`,
      };
    case "context":
      return { className: "cue-context", description: `${name}: context, not evidence for a label` };
  }
}
