"use client";
import { useQuery } from "@tanstack/react-query";
import type { PostListResponse } from "@/lib/schemas/posts";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

export function usePostsQuery(initialData?: PostListResponse) {
  return useQuery({
    queryKey: queryKeys.posts.list(),
    queryFn: () => fetchJson<PostListResponse>("/api/posts"),
    initialData,
  });
}
