"use client";
import { type InfiniteData, type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import { queueTabIncludes } from "@/lib/moderation/queue-tabs";
import {
  type BulkActionInput,
  type BulkActionResult,
  type CommentActionResult,
  QUEUE_TABS,
  type QueueItem,
  type QueuePage,
  type QueueTab,
  type UndoResult,
} from "@/lib/schemas/moderation-queue";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

export type QueueActionInput = BulkActionInput;

/** Whether a comment, as the server's answer left it, still belongs in a cached tab. */
function belongsTo(tab: QueueTab, item: QueueItem): boolean {
  return queueTabIncludes(tab, {
    status: item.status,
    hasOpenSystemFlag: item.flags.some((f) => f.raisedBy === null),
    hasOpenPersonFlag: item.flags.some((f) => f.raisedBy !== null),
  });
}

/** Applies the server's answer to every cached tab at once, so a decided comment leaves its tab immediately. */
function applyResults(
  client: QueryClient,
  results: Pick<CommentActionResult, "commentId" | "status">[],
  decided: boolean,
) {
  const byId = new Map(results.map((r) => [r.commentId, r]));
  for (const tab of QUEUE_TABS) {
    client.setQueryData<InfiniteData<QueuePage, string | null>>(queryKeys.moderation.queue(tab), (old) =>
      old
        ? {
            ...old,
            pages: old.pages.map((page) => ({
              ...page,
              items: page.items.flatMap((item) => {
                const result = byId.get(item.id);
                if (!result) return [item];
                const updated = {
                  ...item,
                  status: result.status,
                  flags: decided ? [] : item.flags,
                  concerns: decided ? [] : item.concerns,
                };
                return belongsTo(tab, updated) ? [updated] : [];
              }),
            })),
          }
        : old,
    );
  }
}

async function send(input: QueueActionInput): Promise<CommentActionResult[]> {
  const [only] = input.commentIds;
  if (input.commentIds.length === 1 && only !== undefined) {
    const path = { approve: "approve", reject: "reject", flag: "flag", note: "notes" }[input.action];
    const { action: _action, commentIds: _ids, ...body } = input;
    return [
      await fetchJson<CommentActionResult>(`/api/comments/${only}/${path}`, {
        method: "POST",
        body: JSON.stringify(body),
      }),
    ];
  }
  const answer = await fetchJson<BulkActionResult>("/api/moderation/bulk", {
    method: "POST",
    body: JSON.stringify(input),
  });
  return answer.results;
}

/** Approve, reject, flag or note one comment or a selection; every queue tab and count refreshes after. */
export function useQueueActionMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    // A decision takes the comment out of its tab at once, so the next key acts on the next comment.
    onMutate: async (input) => {
      if (input.action !== "approve" && input.action !== "reject") return;
      await client.cancelQueries({ queryKey: [...queryKeys.moderation.all, "queue"] });
      const status = input.action === "approve" ? "APPROVED" : "REJECTED";
      applyResults(
        client,
        input.commentIds.map((commentId) => ({ commentId, status })),
        true,
      );
    },
    onSuccess: (results, input) => {
      applyResults(client, results, input.action === "approve" || input.action === "reject");
    },
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.moderation.all }),
  });
}

/** Take back decisions by their log rows (the decisionIds of a decision's answer); every tab refreshes after. */
export function useUndoDecisionsMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (decisionIds: string[]) =>
      fetchJson<UndoResult>("/api/moderation/undo", {
        method: "POST",
        body: JSON.stringify({ decisionIds }),
      }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.moderation.all }),
  });
}
