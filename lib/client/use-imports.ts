"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ImportRunDetail, ImportsResponse, StartImportInput } from "@/lib/schemas/imports";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

const POLL_MS = 2000;

/** Publications and runs; polls while a run is in progress so its figures move live. */
export function useImportsQuery(initialData: ImportsResponse) {
  return useQuery({
    queryKey: queryKeys.imports.list(),
    queryFn: () => fetchJson<ImportsResponse>("/api/imports"),
    initialData,
    refetchInterval: (query) =>
      query.state.data?.runs.some((r) => r.status === "RUNNING" && !r.stalled) ? POLL_MS : 10_000,
  });
}

export function useImportRunQuery(initialData: ImportRunDetail) {
  return useQuery({
    queryKey: queryKeys.imports.run(initialData.id),
    queryFn: () => fetchJson<ImportRunDetail>(`/api/imports/${initialData.id}`),
    initialData,
    refetchInterval: (query) =>
      query.state.data?.status === "RUNNING" && !query.state.data.stalled ? POLL_MS : false,
  });
}

export function useStartImportMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: StartImportInput) =>
      fetchJson<{ queued: boolean; url: string }>("/api/imports", {
        method: "POST",
        body: JSON.stringify(input),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.imports.all }),
  });
}

export function useSetScheduleMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      publicationId,
      intervalMinutes,
    }: {
      publicationId: number;
      intervalMinutes: number | null;
    }) =>
      fetchJson(`/api/publications/${publicationId}/schedule`, {
        method: "PUT",
        body: JSON.stringify({ intervalMinutes }),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.imports.all }),
  });
}
