"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { CommentFilters } from "@/lib/schemas/comment-filters";
import type { ThreadPage } from "@/lib/schemas/thread";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";
import { filtersRecord, sameFilters } from "./use-comment-filters";
import type { Initial } from "./use-post-figure-query";

/**
 * The thread of a post in tree order, page by page (cursor), for the current filters; with `from` (a comment
 * id) it starts at the conversation holding that comment.
 */
export function useThreadQuery(
  postId: number,
  filters: CommentFilters,
  initial?: Initial<ThreadPage>,
  from?: number,
) {
  const record = filtersRecord(filters);
  const start: Record<string, string> = from !== undefined ? { from: String(from) } : {};
  return useInfiniteQuery({
    queryKey: queryKeys.post.thread(postId, { ...record, ...start }),
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({
        ...record,
        ...(pageParam ? { cursor: pageParam } : start),
      }).toString();
      return fetchJson<ThreadPage>(`/api/posts/${postId}/comments${query ? `?${query}` : ""}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData:
      initial && sameFilters(initial.filters, filters)
        ? { pages: [initial.data], pageParams: [null] }
        : undefined,
  });
}
