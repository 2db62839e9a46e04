"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { PublicationLearning, RefitAnswer, SwitchAnswer } from "@/lib/schemas/publication-models";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

const modelsPath = (publicationId: number) => `/api/publications/${publicationId}/models`;

export function usePublicationLearningQuery(initialData: PublicationLearning) {
  return useQuery({
    queryKey: queryKeys.publicationModels.list(initialData.publicationId),
    queryFn: () => fetchJson<PublicationLearning>(modelsPath(initialData.publicationId)),
    initialData,
  });
}

/** A change of model relabels comments: every figure, list and queue may read differently afterwards. */
function useInvalidateAfterSwitch(publicationId: number) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: queryKeys.publicationModels.list(publicationId) }),
      client.invalidateQueries({ queryKey: queryKeys.posts.all }),
      client.invalidateQueries({ queryKey: queryKeys.overview.all }),
      client.invalidateQueries({ queryKey: queryKeys.moderation.all }),
    ]);
}

export function useRefitMutation(publicationId: number) {
  const onSettled = useInvalidateAfterSwitch(publicationId);
  return useMutation({
    mutationFn: () =>
      fetchJson<RefitAnswer>(`${modelsPath(publicationId)}/refit`, { method: "POST", body: "{}" }),
    onSettled,
  });
}

export function useActivateModelMutation(publicationId: number) {
  const onSettled = useInvalidateAfterSwitch(publicationId);
  return useMutation({
    mutationFn: (modelId: number) =>
      fetchJson<SwitchAnswer>(`${modelsPath(publicationId)}/${modelId}/activate`, {
        method: "POST",
        body: "{}",
      }),
    onSettled,
  });
}

export function useDeactivateModelsMutation(publicationId: number) {
  const onSettled = useInvalidateAfterSwitch(publicationId);
  return useMutation({
    mutationFn: () =>
      fetchJson<SwitchAnswer>(`${modelsPath(publicationId)}/deactivate`, { method: "POST", body: "{}" }),
    onSettled,
  });
}
