"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AddedUser,
  AddUserBody,
  PasswordReset,
  UserList,
  UserRole,
  UserSummary,
} from "@/lib/schemas/users";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

export function useUsersQuery(initialData: UserList) {
  return useQuery({
    queryKey: queryKeys.users.list(),
    queryFn: () => fetchJson<UserList>("/api/users"),
    initialData,
  });
}

export function useAddUserMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AddUserBody) =>
      fetchJson<AddedUser>("/api/users", { method: "POST", body: JSON.stringify(input) }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.users.all }),
  });
}

export function useChangeRoleMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { userId: string; role: UserRole }) =>
      fetchJson<UserSummary>(`/api/users/${encodeURIComponent(input.userId)}`, {
        method: "PATCH",
        body: JSON.stringify({ role: input.role }),
      }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.users.all }),
  });
}

/** Disable or enable an account (disabling ends its sessions). */
export function useAccountAccessMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { userId: string; disable: boolean }) =>
      fetchJson<UserSummary>(
        `/api/users/${encodeURIComponent(input.userId)}/${input.disable ? "disable" : "enable"}`,
        { method: "POST", body: "{}" },
      ),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.users.all }),
  });
}

/** A new generated password for an account, shown once (its sessions end). */
export function useResetPasswordMutation() {
  return useMutation({
    mutationFn: (userId: string) =>
      fetchJson<PasswordReset>(`/api/users/${encodeURIComponent(userId)}/password`, {
        method: "POST",
        body: "{}",
      }),
  });
}
