"use client";
import { useEffect, useRef, useState } from "react";

/** How long a decision's notice (and its Undo) stays: at least ten seconds, longer while pointed at or focused. */
export const NOTICE_MS = 12_000;
/** A notice without an undo (the undo itself, a failure) goes sooner. */
const SHORT_NOTICE_MS = 6_000;

export interface Notice {
  /** Changes with every new notice, so its timer restarts. */
  id: number;
  text: string;
  /** The decision's log rows; empty when there is nothing to undo. */
  decisionIds: string[];
  error?: boolean;
}

/**
 * The visible answer to a queue decision: what was done, with Undo for NOTICE_MS (the timer pauses while the
 * pointer is over it or focus is in it). It is also the polite live region, so screen readers hear it too.
 */
export function DecisionNotice({
  notice,
  undoing,
  onUndo,
  onDismiss,
}: {
  notice: Notice | null;
  undoing: boolean;
  onUndo: () => void;
  onDismiss: () => void;
}) {
  const [paused, setPaused] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const canUndo = notice !== null && notice.decisionIds.length > 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new notice (its id) restarts the timer
  useEffect(() => {
    if (!notice || paused) return;
    const timer = setTimeout(onDismiss, canUndo ? NOTICE_MS : SHORT_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice?.id, paused, canUndo, onDismiss]);
  return (
    <div className="notice-region" role="status" aria-live="polite" data-testid="decision-notice-region">
      {notice && (
        // biome-ignore lint/a11y/noStaticElementInteractions: hovering only pauses the timer; nothing is activated
        <div
          ref={box}
          className={notice.error ? "decision-notice error-notice" : "decision-notice"}
          data-testid="decision-notice"
          onMouseEnter={() => setPaused(true)}
          onMouseLeave={() => setPaused(false)}
          onFocus={() => setPaused(true)}
          onBlur={(e) => {
            if (!box.current?.contains(e.relatedTarget as Node | null)) setPaused(false);
          }}
        >
          <span>{notice.text}</span>
          {canUndo && (
            <button
              type="button"
              className="primary"
              onClick={onUndo}
              disabled={undoing}
              aria-keyshortcuts="u"
            >
              {undoing ? "Undoing…" : "Undo"} <kbd>u</kbd>
            </button>
          )}
          <button type="button" className="link-button" onClick={onDismiss} aria-label="Dismiss the notice">
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
