"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { NotificationSettings, NotificationSettingsInput } from "@/lib/schemas/notifications";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

const path = (publicationId: number) => `/api/publications/${publicationId}/notifications`;

export function useNotificationSettingsQuery(publicationId: number) {
  return useQuery({
    queryKey: queryKeys.settings.notifications(publicationId),
    queryFn: () => fetchJson<NotificationSettings>(path(publicationId)),
  });
}

/** Saves; the answer (which may carry a new webhook secret, once) replaces the cached settings. */
export function useSaveNotificationSettingsMutation(publicationId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NotificationSettingsInput) =>
      fetchJson<NotificationSettings>(path(publicationId), { method: "PUT", body: JSON.stringify(input) }),
    onSuccess: (saved) => {
      const { newWebhookSecret: _, ...rest } = saved;
      client.setQueryData(queryKeys.settings.notifications(publicationId), rest);
    },
  });
}
