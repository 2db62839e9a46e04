"use client";
import { type ReactNode, useEffect, useId, useLayoutEffect, useRef } from "react";

/**
 * A small modal: focus moves into it on open (to the control marked `data-autofocus`, else the first field)
 * and Escape closes it.
 */
export function ModerationDialog(props: { title: string; onClose: () => void; children: ReactNode }) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const { onClose } = props;
  // Before the browser paints: a dialog is never on screen without the focus, so an Enter pressed as soon as it
  // shows reaches its default control, not what had the focus before.
  useLayoutEffect(() => {
    const target =
      box.current?.querySelector<HTMLElement>("[data-autofocus]") ??
      box.current?.querySelector<HTMLElement>("input, select, button");
    target?.focus();
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.preventDefault();
        onClose();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onClose]);
  return (
    <div className="dialog-backdrop">
      <div ref={box} className="dialog panel" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>{props.title}</h2>
        {props.children}
      </div>
    </div>
  );
}
