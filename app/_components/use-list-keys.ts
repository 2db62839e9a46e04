"use client";
import { type RefObject, useEffect } from "react";
import { isPageShortcut } from "./keyboard";

/**
 * j / k move the keyboard focus to the next / previous item of a list (as in the moderation queue). The
 * current item is the one holding focus, else the first one on screen. Items must be focusable (tabindex -1).
 */
export function useListKeys(container: RefObject<HTMLElement | null>, itemSelector: string) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.key !== "j" && event.key !== "k") || !isPageShortcut(event)) return;
      const items = [...(container.current?.querySelectorAll<HTMLElement>(itemSelector) ?? [])];
      if (items.length === 0) return;
      const active = document.activeElement;
      let at = items.findIndex((item) => item === active || item.contains(active));
      if (at === -1) {
        const firstOnScreen = items.findIndex((item) => item.getBoundingClientRect().bottom > 0);
        at = event.key === "j" ? firstOnScreen - 1 : firstOnScreen;
      }
      const next = items[Math.max(0, Math.min(items.length - 1, event.key === "j" ? at + 1 : at - 1))];
      if (!next) return;
      event.preventDefault();
      next.focus({ preventScroll: true });
      next.scrollIntoView({ block: "nearest" });
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [container, itemSelector]);
}
