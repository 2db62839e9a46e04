"use client";
import { type ReactNode, useRef } from "react";
import { useListKeys } from "./use-list-keys";

/**
 * A list of results whose main links `j` / `k` step through (Enter opens the one in focus), as in the thread and
 * the moderation queue. The items are rendered by the (server) page; this only adds the keys.
 */
export function KeyboardList({
  className,
  testId,
  children,
}: {
  className: string;
  testId?: string;
  children: ReactNode;
}) {
  const list = useRef<HTMLOListElement>(null);
  useListKeys(list, "[data-list-key]");
  return (
    <ol ref={list} className={className} data-testid={testId}>
      {children}
    </ol>
  );
}
