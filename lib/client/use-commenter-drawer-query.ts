"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CommenterStatus } from "@/lib/moderation/types";
import type { CommenterDrawer } from "@/lib/schemas/moderation-queue";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

export function useCommenterDrawerQuery(commenterId: number | null) {
  return useQuery({
    queryKey: queryKeys.moderation.commenter(commenterId ?? 0),
    queryFn: () => fetchJson<CommenterDrawer>(`/api/moderation/commenters/${commenterId}`),
    enabled: commenterId !== null,
  });
}

/** Watch / pre-moderate / suspend / ban (optionally rejecting all) a commenter; the queue refreshes after. */
export function useCommenterStatusMutation(commenterId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { status: CommenterStatus; rejectAll: boolean; note?: string }) =>
      fetchJson<{ commentsRejected: number }>(`/api/commenters/${commenterId}/status`, {
        method: "POST",
        body: JSON.stringify(input),
      }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.moderation.all }),
  });
}

export function useCommenterNoteMutation(commenterId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      fetchJson(`/api/commenters/${commenterId}/notes`, { method: "POST", body: JSON.stringify({ body }) }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.moderation.commenter(commenterId) }),
  });
}
