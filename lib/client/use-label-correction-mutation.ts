"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { LabelCorrectionBody, LabelCorrectionResult } from "@/lib/schemas/corrections";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

/** Corrects or confirms a comment's labels; every figure of its post and of the overview is refetched. */
export function useLabelCorrectionMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, ...body }: LabelCorrectionBody & { commentId: number }) =>
      fetchJson<LabelCorrectionResult>(`/api/comments/${commentId}/correction`, {
        method: "POST",
        body: JSON.stringify(body),
      }),
    onSuccess: async (result) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.post.all(result.postId) }),
        client.invalidateQueries({ queryKey: queryKeys.overview.all }),
        client.invalidateQueries({ queryKey: queryKeys.posts.all }),
      ]);
    },
  });
}
