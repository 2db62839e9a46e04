"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { CommentFilters } from "@/lib/schemas/comment-filters";
import type {
  ActiveCommenters,
  SentimentHistogram,
  StanceSplit,
  Timeline,
  ToneByDepth,
  ToneDistribution,
} from "@/lib/schemas/post-figures";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";
import { filtersRecord, sameFilters } from "./use-comment-filters";

/** Each figure of the post page: its route under /api/posts/[postId]/ and its answer's type. */
export interface PostFigures {
  tones: ToneDistribution;
  stances: StanceSplit;
  sentiment: SentimentHistogram;
  timeline: Timeline;
  depth: ToneByDepth;
  commenters: ActiveCommenters;
}
export type PostFigureName = keyof PostFigures;

/** Server-rendered data and the filters it was computed for: used only while the filters still match. */
export interface Initial<T> {
  filters: CommentFilters;
  data: T;
}

/** One figure of a post for the current filters; keeps showing the previous figure while the next loads. */
export function usePostFigureQuery<N extends PostFigureName>(
  postId: number,
  figure: N,
  filters: CommentFilters,
  initial?: Initial<PostFigures[N]>,
) {
  const record = filtersRecord(filters);
  const query = new URLSearchParams(record).toString();
  return useQuery({
    queryKey: queryKeys.post.figure(postId, figure, record),
    queryFn: () => fetchJson<PostFigures[N]>(`/api/posts/${postId}/${figure}${query ? `?${query}` : ""}`),
    initialData: initial && sameFilters(initial.filters, filters) ? initial.data : undefined,
    placeholderData: keepPreviousData,
  });
}
