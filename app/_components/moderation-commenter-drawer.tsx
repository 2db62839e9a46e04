"use client";
import { type FormEvent, useEffect, useState } from "react";
import {
  useCommenterDrawerQuery,
  useCommenterNoteMutation,
  useCommenterStatusMutation,
} from "@/lib/client/use-commenter-drawer-query";
import { COMMENTER_STATUSES, type CommenterStatus } from "@/lib/moderation/types";
import { COMMENTER_STATUS_LABELS } from "@/lib/schemas/moderation-queue";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

const STATUS_VERBS: Record<CommenterStatus, string> = {
  ACTIVE: "Clear",
  WATCHED: "Watch",
  PREMOD: "Pre-moderate",
  SUSPENDED: "Suspend",
  BANNED: "Ban",
};

/** The commenter drawer: status actions, their comments, the decisions about them, and notes. */
export function ModerationCommenterDrawer({
  commenterId,
  onClose,
}: {
  commenterId: number;
  onClose: () => void;
}) {
  const { data, error, isPending } = useCommenterDrawerQuery(commenterId);
  const status = useCommenterStatusMutation(commenterId);
  const note = useCommenterNoteMutation(commenterId);
  const [rejectAll, setRejectAll] = useState(false);
  const [noteText, setNoteText] = useState("");
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onClose]);

  const changeStatus = (next: CommenterStatus) => {
    const withRejects = next === "BANNED" && rejectAll;
    status.mutate(
      { status: next, rejectAll: withRejects },
      {
        onSuccess: (answer) =>
          setMessage(
            `Status set to ${COMMENTER_STATUS_LABELS[next].toLowerCase()}${
              withRejects ? `; ${answer.commentsRejected} comment(s) rejected` : ""
            }.`,
          ),
      },
    );
  };
  const addNote = (e: FormEvent) => {
    e.preventDefault();
    if (noteText.trim() === "") return;
    note.mutate(noteText.trim(), { onSuccess: () => setNoteText("") });
  };

  return (
    <aside
      className="drawer panel"
      role="dialog"
      aria-modal="false"
      aria-label="Commenter"
      data-testid="commenter-drawer"
    >
      <div className="drawer-head">
        <h2>{data ? data.commenter.name : "Commenter"}</h2>
        <button type="button" onClick={onClose} aria-label="Close the commenter drawer">
          ✕
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          Could not load the commenter: {error.message}
        </p>
      )}
      {isPending && <div className="skeleton" style={{ height: 120 }} />}
      {data && (
        <>
          <p className="subtle">
            {data.commenter.handle ? `@${data.commenter.handle} · ` : ""}first seen{" "}
            <time dateTime={data.commenter.firstSeenAt} suppressHydrationWarning>
              {when.format(new Date(data.commenter.firstSeenAt))}
            </time>{" "}
            · status <strong>{COMMENTER_STATUS_LABELS[data.commenter.status]}</strong>
          </p>
          <fieldset className="drawer-actions">
            <legend className="visually-hidden">Commenter status</legend>
            {COMMENTER_STATUSES.map((value) => (
              <button
                key={value}
                type="button"
                className={value === "BANNED" ? "danger" : undefined}
                disabled={status.isPending || data.commenter.status === value}
                onClick={() => changeStatus(value)}
              >
                {STATUS_VERBS[value]}
              </button>
            ))}
          </fieldset>
          <label className="checkbox">
            <input type="checkbox" checked={rejectAll} onChange={(e) => setRejectAll(e.target.checked)} /> Ban
            rejects all their comments
          </label>
          {message && <p role="status">{message}</p>}
          {status.error && (
            <p className="error" role="alert">
              {status.error.message}
            </p>
          )}

          <form onSubmit={addNote} className="drawer-note">
            <label htmlFor="commenter-note">Note on this commenter</label>
            <input
              id="commenter-note"
              type="text"
              value={noteText}
              maxLength={2000}
              onChange={(e) => setNoteText(e.target.value)}
            />
            <button type="submit" disabled={note.isPending || noteText.trim() === ""}>
              Add note
            </button>
          </form>

          <h3>Notes</h3>
          {data.notes.length === 0 ? (
            <p className="subtle">No notes yet.</p>
          ) : (
            <ul className="drawer-list">
              {data.notes.map((n) => (
                <li key={n.id}>
                  {n.body}{" "}
                  <span className="subtle">
                    — {n.author ?? "someone"}
                    {n.commentId ? ` on comment #${n.commentId}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}

          <h3>Decisions</h3>
          {data.decisions.length === 0 ? (
            <p className="subtle">No decisions yet.</p>
          ) : (
            <ul className="drawer-list">
              {data.decisions.map((d) => (
                <li key={d.id}>
                  <span className="badge">{d.action.replaceAll("_", " ").toLowerCase()}</span>{" "}
                  {d.reason ? `${d.reason.replaceAll("_", " ").toLowerCase()} · ` : ""}
                  {d.actor ?? "system"}{" "}
                  <time className="subtle" dateTime={d.createdAt} suppressHydrationWarning>
                    {when.format(new Date(d.createdAt))}
                  </time>
                  {d.note && <div className="subtle">{d.note}</div>}
                </li>
              ))}
            </ul>
          )}

          <h3>Comments ({data.comments.length})</h3>
          <ul className="drawer-list">
            {data.comments.map((c) => (
              <li key={c.id}>
                <span className="badge">{c.status.toLowerCase()}</span>{" "}
                <a href={`/posts/${c.postId}`}>{c.postTitle}</a>
                <p className="queue-body">{c.body ?? "(deleted)"}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
