"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { formatCommentCount, formatInteger } from "@/lib/analytics/format";
import {
  type QueueActionInput,
  useQueueActionMutation,
  useUndoDecisionsMutation,
} from "@/lib/client/use-queue-mutation";
import { useQueueCountsQuery, useQueueQuery } from "@/lib/client/use-queue-query";
import type { CommentReason } from "@/lib/moderation/reasons";
import {
  QUEUE_TAB_LABELS,
  QUEUE_TABS,
  type QueueCounts,
  type QueueItem,
  type QueuePage,
  type QueueTab,
} from "@/lib/schemas/moderation-queue";
import { ConfirmApproveDialog } from "./confirm-approve-dialog";
import { DecisionNotice, type Notice } from "./decision-notice";
import { isTyping } from "./keyboard";
import { ModerationCommenterDrawer } from "./moderation-commenter-drawer";
import { QueueHelpOverlay } from "./queue-help-overlay";
import { QueueItemCard } from "./queue-item";
import { QueueReasonPicker } from "./queue-reason-picker";
import { type QueueAction, queueActionForKey } from "./queue-shortcuts";
import { QueueTextDialog } from "./queue-text-dialog";

type Dialog =
  | { kind: "reject" | "flag" | "note"; ids: number[] }
  | { kind: "confirm-approve"; ids: number[]; grave: QueueItem[] }
  | { kind: "help" }
  | null;

/** What an empty tab says, and what to do next. */
const EMPTY_TABS: Readonly<Record<QueueTab, string>> = {
  needs_review:
    "Nothing needs review. The rules hold or flag new comments as imports bring them in; they will show here.",
  reported: "Nobody has flagged a comment. Press f on a comment to flag it for a second look.",
  all: "No comments yet: import a publication on the Imports page.",
  approved: "Nothing approved yet. Press a on a comment in “Needs review” to approve it.",
  rejected: "Nothing rejected yet. Press r on a comment to reject it with a reason.",
};

/**
 * The moderation queue: tabs with live counts, comments by priority, one-key actions (QUEUE_SHORTCUTS),
 * selection and bulk actions, and the commenter drawer.
 */
export function QueueBoard(props: { initialPage: QueuePage; initialCounts: QueueCounts }) {
  const [tab, setTab] = useState<QueueTab>("needs_review");
  const queue = useQueueQuery(tab, tab === "needs_review" ? props.initialPage : undefined);
  const counts = useQueueCountsQuery(props.initialCounts);
  const act = useQueueActionMutation();
  const undo = useUndoDecisionsMutation();
  const [focus, setFocus] = useState<{ id: number | null; index: number }>({ id: null, index: 0 });
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [dialog, setDialog] = useState<Dialog>(null);
  const [drawer, setDrawer] = useState<number | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeId = useRef(0);
  const say = useCallback((text: string, decisionIds: string[] = [], error = false) => {
    noticeId.current += 1;
    setNotice({ id: noticeId.current, text, decisionIds, error });
  }, []);
  const dismissNotice = useCallback(() => setNotice(null), []);
  const itemRefs = useRef(new Map<number, HTMLElement>());

  const items = useMemo(() => queue.data?.pages.flatMap((p) => p.items) ?? [], [queue.data]);
  // Focus follows the comment, not its row: a refetch may reorder the queue (a decision changes the commenter's
  // history, so the priority of their other comments), and a key must act on the comment being read. When that
  // comment leaves the list, the one now in its row takes the focus.
  const followed = focus.id === null ? -1 : items.findIndex((item) => item.id === focus.id);
  const focusedIndex = followed >= 0 ? followed : Math.min(focus.index, Math.max(items.length - 1, 0));
  const focused = items[focusedIndex];
  const setFocusIndex = useCallback(
    (index: number) => setFocus({ id: items[index]?.id ?? null, index }),
    [items],
  );
  useEffect(() => {
    if (focused && (focused.id !== focus.id || focusedIndex !== focus.index))
      setFocus({ id: focused.id, index: focusedIndex });
  }, [focused, focusedIndex, focus.id, focus.index]);

  // Keep the focused comment on screen and holding DOM focus, so the ring is visible and keys land here.
  useEffect(() => {
    if (dialog || drawer !== null || !focused) return;
    const element = itemRefs.current.get(focused.id);
    if (element && !isTyping(document.activeElement)) {
      element.focus({ preventScroll: true });
      element.scrollIntoView({ block: "nearest" });
    }
  }, [focused, dialog, drawer]);

  // Fetch the next page before the moderator reaches the end of this one.
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = queue;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && focusedIndex >= items.length - 3) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, focusedIndex, items.length]);

  const targets = useCallback((): number[] => {
    if (selected.size > 0) return [...selected];
    return focused ? [focused.id] : [];
  }, [selected, focused]);

  const run = useCallback(
    (input: QueueActionInput, done: string) => {
      act.mutate(input, {
        onSuccess: (results) => say(done, results.map((r) => r.decisionId).filter(Boolean)),
        onError: (error) => say(`Failed: ${error.message}`, [], true),
      });
      if (selected.size > 0) setSelected(new Set());
    },
    [act, selected, say],
  );

  const undoLast = useCallback(() => {
    if (!notice || notice.decisionIds.length === 0 || undo.isPending) return;
    undo.mutate(notice.decisionIds, {
      onSuccess: (answer) => say(`Undone: ${formatCommentCount(answer.results.length)} back as before.`),
      onError: (error) => say(`Could not undo: ${error.message}`, [], true),
    });
  }, [notice, undo, say]);

  /** Approves at once, unless a comment is held for something grave: then the confirmation comes first. */
  const approve = useCallback(
    (ids: number[]) => {
      if (ids.length === 0) return;
      const grave = items.filter((item) => ids.includes(item.id) && item.concerns.length > 0);
      if (grave.length > 0) setDialog({ kind: "confirm-approve", ids, grave });
      else run({ action: "approve", commentIds: ids }, `Approved ${formatCommentCount(ids.length)}.`);
    },
    [items, run],
  );

  const perform = useCallback(
    (action: QueueAction) => {
      switch (action) {
        case "next":
          setFocusIndex(Math.min(focusedIndex + 1, Math.max(items.length - 1, 0)));
          return;
        case "previous":
          setFocusIndex(Math.max(focusedIndex - 1, 0));
          return;
        case "help":
          setDialog({ kind: "help" });
          return;
        case "select":
          if (focused) {
            const next = new Set(selected);
            if (next.has(focused.id)) next.delete(focused.id);
            else next.add(focused.id);
            setSelected(next);
          }
          return;
        case "approve":
          approve(targets());
          return;
        case "undo":
          undoLast();
          return;
        case "reject":
        case "flag":
        case "note": {
          const ids = targets();
          if (ids.length > 0) setDialog({ kind: action, ids });
          return;
        }
      }
    },
    [focusedIndex, items.length, focused, selected, targets, approve, undoLast, setFocusIndex],
  );

  const performRef = useRef(perform);
  performRef.current = perform;
  const blocked = dialog !== null || drawer !== null;
  const helpOpen = dialog?.kind === "help";
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (helpOpen && e.key === "?") {
        e.preventDefault();
        setDialog(null);
        return;
      }
      if (blocked || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const action = queueActionForKey(e.key);
      if (!action) return;
      e.preventDefault();
      performRef.current(action);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [blocked, helpOpen]);

  const closeDialog = useCallback(() => setDialog(null), []);
  const closeDrawer = useCallback(() => setDrawer(null), []);
  const switchTab = (next: QueueTab) => {
    setTab(next);
    setFocus({ id: null, index: 0 });
    setSelected(new Set());
  };

  return (
    <section className="queue" aria-label="Moderation queue" id="queue" tabIndex={-1}>
      <div className="queue-toolbar">
        <div role="tablist" aria-label="Queue" className="tabs">
          {QUEUE_TABS.map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              aria-selected={tab === t}
              className="tab"
              data-testid={`queue-tab-${t}`}
              onClick={() => switchTab(t)}
            >
              {QUEUE_TAB_LABELS[t]}{" "}
              <span className="tab-count" data-testid={`queue-count-${t}`}>
                {counts.data ? formatInteger(counts.data[t]) : "…"}
              </span>
            </button>
          ))}
        </div>
        <button type="button" onClick={() => setDialog({ kind: "help" })} aria-keyshortcuts="?">
          Keyboard <kbd>?</kbd>
        </button>
      </div>

      {selected.size > 0 && (
        <div className="bulk-bar panel" role="toolbar" aria-label="Bulk actions">
          <strong>{selected.size} selected</strong>
          <button type="button" className="primary" onClick={() => perform("approve")}>
            Approve selected
          </button>
          <button type="button" className="danger" onClick={() => perform("reject")}>
            Reject selected…
          </button>
          <button type="button" onClick={() => perform("flag")}>
            Flag selected…
          </button>
          <button type="button" onClick={() => perform("note")}>
            Note…
          </button>
          <button type="button" onClick={() => setSelected(new Set())}>
            Clear selection
          </button>
        </div>
      )}

      {queue.error && (
        <p className="error" role="alert">
          Could not load the queue: {queue.error.message}
        </p>
      )}
      {queue.isPending && <div className="skeleton" style={{ height: 160 }} />}
      {!queue.isPending && items.length === 0 && (
        <div className="panel empty">
          <p>{EMPTY_TABS[tab]}</p>
        </div>
      )}

      <div
        role="tabpanel"
        aria-label={QUEUE_TAB_LABELS[tab]}
        className="queue-list"
        aria-busy={queue.isFetching}
      >
        {items.map((item, index) => (
          <QueueItemCard
            key={item.id}
            ref={(el) => {
              if (el) itemRefs.current.set(item.id, el);
              else itemRefs.current.delete(item.id);
            }}
            item={item}
            focused={index === focusedIndex}
            selected={selected.has(item.id)}
            busy={act.isPending && act.variables?.commentIds.includes(item.id) === true}
            onFocus={() => setFocusIndex(index)}
            onToggleSelect={() => {
              const next = new Set(selected);
              if (next.has(item.id)) next.delete(item.id);
              else next.add(item.id);
              setSelected(next);
            }}
            onApprove={() => approve([item.id])}
            onReject={() => setDialog({ kind: "reject", ids: [item.id] })}
            onFlag={() => setDialog({ kind: "flag", ids: [item.id] })}
            onNote={() => setDialog({ kind: "note", ids: [item.id] })}
            onOpenCommenter={setDrawer}
          />
        ))}
      </div>
      {queue.hasNextPage && (
        <button type="button" onClick={() => void queue.fetchNextPage()} disabled={queue.isFetchingNextPage}>
          {queue.isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      )}

      {dialog?.kind === "reject" && (
        <QueueReasonPicker
          mode="reject"
          count={dialog.ids.length}
          onCancel={closeDialog}
          onConfirm={(reason: CommentReason, note: string) => {
            run(
              { action: "reject", commentIds: dialog.ids, reason, ...(note ? { note } : {}) },
              `Rejected ${formatCommentCount(dialog.ids.length)}.`,
            );
            closeDialog();
          }}
        />
      )}
      {dialog?.kind === "flag" && (
        <QueueReasonPicker
          mode="flag"
          count={dialog.ids.length}
          onCancel={closeDialog}
          onConfirm={(reason: CommentReason, note: string) => {
            run(
              { action: "flag", commentIds: dialog.ids, reason, note },
              `Flagged ${formatCommentCount(dialog.ids.length)}.`,
            );
            closeDialog();
          }}
        />
      )}
      {dialog?.kind === "note" && (
        <QueueTextDialog
          title={dialog.ids.length > 1 ? `Note on ${dialog.ids.length} comments` : "Note on the comment"}
          label="Moderator note"
          confirmLabel="Add note"
          onCancel={closeDialog}
          onConfirm={(body) => {
            run({ action: "note", commentIds: dialog.ids, body }, "Note added.");
            closeDialog();
          }}
        />
      )}
      {dialog?.kind === "confirm-approve" && (
        <ConfirmApproveDialog
          grave={dialog.grave}
          count={dialog.ids.length}
          onCancel={closeDialog}
          onConfirm={() => {
            run(
              { action: "approve", commentIds: dialog.ids },
              `Approved ${formatCommentCount(dialog.ids.length)}.`,
            );
            closeDialog();
          }}
        />
      )}
      {dialog?.kind === "help" && <QueueHelpOverlay onClose={closeDialog} />}
      <DecisionNotice notice={notice} undoing={undo.isPending} onUndo={undoLast} onDismiss={dismissNotice} />
      {drawer !== null && <ModerationCommenterDrawer commenterId={drawer} onClose={closeDrawer} />}
    </section>
  );
}
