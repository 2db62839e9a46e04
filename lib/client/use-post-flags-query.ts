"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { PostFlagReason } from "@/lib/moderation/reasons";
import type { OpenPostFlagList } from "@/lib/schemas/post-flags";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

export function usePostFlagsQuery(initialData?: OpenPostFlagList) {
  return useQuery({
    queryKey: queryKeys.moderation.postFlags(),
    queryFn: () => fetchJson<OpenPostFlagList>("/api/flags"),
    initialData,
  });
}

export function useFlagPostMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { postId: number; reason: PostFlagReason; note: string }) =>
      fetchJson(`/api/posts/${input.postId}/flags`, {
        method: "POST",
        body: JSON.stringify({ reason: input.reason, note: input.note }),
      }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.moderation.postFlags() }),
  });
}

/** The author closes a flag: "resolve" when acted on, "dismiss" when not warranted. */
export function useCloseFlagMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { flagId: number; outcome: "resolve" | "dismiss"; note: string }) =>
      fetchJson(`/api/flags/${input.flagId}/${input.outcome}`, {
        method: "POST",
        body: JSON.stringify({ note: input.note }),
      }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.moderation.all }),
  });
}
