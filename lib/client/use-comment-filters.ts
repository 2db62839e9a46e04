"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import {
  type CommentFilters,
  commentFiltersFromSearchParams,
  commentFiltersToSearchParams,
} from "@/lib/schemas/comment-filters";

/**
 * The post page's filters, kept in the URL so a filtered view can be shared. Changing them replaces the
 * history entry (no new entry per keystroke) and keeps the scroll position.
 */
export function useCommentFilters(): [CommentFilters, (next: CommentFilters) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const filters = useMemo(
    () => commentFiltersFromSearchParams(Object.fromEntries(searchParams.entries())),
    [searchParams],
  );
  const setFilters = useCallback(
    (next: CommentFilters) => {
      const query = commentFiltersToSearchParams(next).toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [pathname, router],
  );
  return [filters, setFilters];
}

/** The filters as a plain record with only the set keys: a stable part of React Query keys and URLs. */
export function filtersRecord(filters: CommentFilters): Record<string, string> {
  return Object.fromEntries(commentFiltersToSearchParams(filters).entries());
}

export function sameFilters(a: CommentFilters, b: CommentFilters): boolean {
  return commentFiltersToSearchParams(a).toString() === commentFiltersToSearchParams(b).toString();
}
