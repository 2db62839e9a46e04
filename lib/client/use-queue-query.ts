"use client";
import { type InfiniteData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { QueueCounts, QueuePage, QueueTab } from "@/lib/schemas/moderation-queue";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

/** Live counts poll this often, besides the refetch after every action. */
export const QUEUE_COUNTS_REFRESH_MS = 15_000;

/** One queue tab, page after page (cursor paging); the server's first page seeds the first tab. */
export function useQueueQuery(tab: QueueTab, initialPage?: QueuePage) {
  return useInfiniteQuery({
    queryKey: queryKeys.moderation.queue(tab),
    queryFn: ({ pageParam }) =>
      fetchJson<QueuePage>(
        `/api/moderation/queue?${new URLSearchParams({ tab, ...(pageParam ? { cursor: pageParam } : {}) })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: initialPage
      ? ({ pages: [initialPage], pageParams: [null] } satisfies InfiniteData<QueuePage, string | null>)
      : undefined,
    staleTime: 5_000,
  });
}

export function useQueueCountsQuery(initialCounts?: QueueCounts) {
  return useQuery({
    queryKey: queryKeys.moderation.counts(),
    queryFn: () => fetchJson<QueueCounts>("/api/moderation/counts"),
    initialData: initialCounts,
    refetchInterval: QUEUE_COUNTS_REFRESH_MS,
    staleTime: 0,
  });
}
