"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { CommenterPage } from "@/lib/schemas/commenter-profile";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

/** A commenter's comments across posts, newest first, page by page. */
export function useCommenterCommentsQuery(commenterId: number, initial: CommenterPage) {
  return useInfiniteQuery({
    queryKey: queryKeys.commenterProfile.comments(commenterId),
    queryFn: ({ pageParam }) =>
      fetchJson<CommenterPage>(
        `/api/commenters/${commenterId}${pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : ""}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: { pages: [initial], pageParams: [null] },
  });
}
