"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { CommentFilters } from "@/lib/schemas/comment-filters";
import type { ReadingList, ReadingListName } from "@/lib/schemas/post-figures";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";
import { filtersRecord, sameFilters } from "./use-comment-filters";
import type { Initial } from "./use-post-figure-query";

/** One reading list of a post (pushback, dismissive, flagged) for the current filters. */
export function useReadingListQuery(
  postId: number,
  list: ReadingListName,
  filters: CommentFilters,
  initial?: Initial<ReadingList>,
) {
  const record = filtersRecord(filters);
  const query = new URLSearchParams({ ...record, list }).toString();
  return useQuery({
    queryKey: queryKeys.post.readingList(postId, list, record),
    queryFn: () => fetchJson<ReadingList>(`/api/posts/${postId}/reading-list?${query}`),
    initialData: initial && sameFilters(initial.filters, filters) ? initial.data : undefined,
    placeholderData: keepPreviousData,
  });
}
