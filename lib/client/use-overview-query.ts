"use client";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { DateRange } from "@/lib/schemas/date-range";
import type { Agreement, Headline } from "@/lib/schemas/overview";
import { type PostListResponse, type PostTableState, postTableSearchParams } from "@/lib/schemas/posts";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

function rangeRecord(range: DateRange): Record<string, string> {
  return { ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) };
}

const sameRange = (a: DateRange, b: DateRange) => a.from === b.from && a.to === b.to;

const sameTable = (a: PostTableState, b: PostTableState) =>
  a.sort === b.sort && a.order === b.order && a.q === b.q;

/** The overview's posts published within the range, in the table's order and search, page by page. */
export function useOverviewPostsQuery(
  range: DateRange,
  table: PostTableState,
  initial?: { range: DateRange; table: PostTableState; posts: PostListResponse },
) {
  const record = { ...rangeRecord(range), ...postTableSearchParams(table) };
  return useInfiniteQuery({
    queryKey: queryKeys.overview.posts(record),
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({
        ...record,
        ...(pageParam ? { cursor: pageParam } : {}),
      }).toString();
      return fetchJson<PostListResponse>(`/api/posts${query ? `?${query}` : ""}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData:
      initial && sameRange(initial.range, range) && sameTable(initial.table, table)
        ? { pages: [initial.posts], pageParams: [null] }
        : undefined,
    placeholderData: keepPreviousData,
  });
}

/** Headline figures of the comments posted within the range, and of the range before it. */
export function useHeadlineQuery(range: DateRange, initial?: { range: DateRange; data: Headline }) {
  const record = rangeRecord(range);
  const query = new URLSearchParams(record).toString();
  return useQuery({
    queryKey: queryKeys.overview.headline(record),
    queryFn: () => fetchJson<Headline>(`/api/posts/headline${query ? `?${query}` : ""}`),
    initialData: initial && sameRange(initial.range, range) ? initial.data : undefined,
    placeholderData: keepPreviousData,
  });
}

/** How often people agree with the scorer. */
export function useAgreementQuery(initialData?: Agreement) {
  return useQuery({
    queryKey: queryKeys.overview.agreement(),
    queryFn: () => fetchJson<Agreement>("/api/posts/agreement"),
    initialData,
  });
}
