"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ModerationSettingsInput } from "@/lib/moderation/settings";
import type { RerunResult, SaveSettingsResult } from "@/lib/schemas/moderation-settings";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

export function useSaveSettingsMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { publicationId: number; settings: ModerationSettingsInput }) =>
      fetchJson<SaveSettingsResult>("/api/settings/moderation", {
        method: "PUT",
        body: JSON.stringify(input),
      }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.settings.all }),
  });
}

/** Re-runs the rules over undecided comments; the queue changes, so its queries refresh. */
export function useRerunRulesMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (publicationId: number) =>
      fetchJson<RerunResult>("/api/settings/moderation/rerun", {
        method: "POST",
        body: JSON.stringify({ publicationId }),
      }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.moderation.all }),
  });
}
