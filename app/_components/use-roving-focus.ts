"use client";
import { type KeyboardEvent, type RefObject, useCallback, useEffect } from "react";

const ITEM = "[data-explain]";

/**
 * One tab stop for a group of small explainable things (a comment's label badges and highlighted words):
 * the group's current item has tabindex 0 and the rest -1; the arrow keys, Home and End move within it.
 * Items are found in the DOM (`[data-explain]`) so the group can span several components.
 */
export function useRovingFocus(container: RefObject<HTMLElement | null>) {
  // No dependency list: the items are re-read after every render, as the children may have changed.
  useEffect(() => {
    const items = container.current?.querySelectorAll<HTMLElement>(ITEM);
    if (!items || items.length === 0) return;
    if (![...items].some((item) => item.tabIndex === 0)) items[0]?.setAttribute("tabindex", "0");
  });

  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const target = event.target as HTMLElement;
      if (!target.matches(ITEM) || event.altKey || event.ctrlKey || event.metaKey) return;
      const items = [...(container.current?.querySelectorAll<HTMLElement>(ITEM) ?? [])];
      const at = items.indexOf(target);
      if (at === -1) return;
      const next = {
        ArrowRight: at + 1,
        ArrowDown: at + 1,
        ArrowLeft: at - 1,
        ArrowUp: at - 1,
        Home: 0,
        End: items.length - 1,
      }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      const item = items[Math.max(0, Math.min(items.length - 1, next))];
      if (!item) return;
      for (const other of items) other.setAttribute("tabindex", "-1");
      item.setAttribute("tabindex", "0");
      item.focus();
    },
    [container],
  );
}
