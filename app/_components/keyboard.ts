/** Keys typed into a field belong to the field, not to page shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** A page shortcut applies: a plain key, not typed into a field, not already handled, no dialog open. */
export function isPageShortcut(event: KeyboardEvent): boolean {
  return (
    !event.defaultPrevented &&
    !event.ctrlKey &&
    !event.metaKey &&
    !event.altKey &&
    !isTyping(event.target) &&
    document.querySelector('[role="dialog"][aria-modal="true"]') === null
  );
}
