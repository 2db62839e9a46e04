import { type Analysis, analyze } from "@/lib/scoring/analyze";
import { HARM_THRESHOLDS } from "@/lib/scoring/harm/thresholds";

/** Where a comment stands: a reply to another comment, a top-level comment, or not known. */
export type Where = "reply" | "top-level" | "unknown";

/** The reply indicator the detectors read (`Analysis.isReply`). */
export const REPLY_INDICATOR: Readonly<Record<Where, number>> = { reply: 1, "top-level": 0, unknown: 0.5 };

/** The signal at or above which the rule decision flags. */
export const FLAG = HARM_THRESHOLDS.flag;

/** One detector's signal for `text` posted `where`. */
export function signalOf(
  detector: (a: Analysis) => number,
  text: string,
  where: Where = "top-level",
): number {
  const isReply = where === "reply" ? true : where === "top-level" ? false : null;
  return detector(analyze(text, { isReply }));
}
